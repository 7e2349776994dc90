import type { RegisterAppealInput } from '../../appeals/use-cases/register-appeal';
import { registerAppeal } from '../../appeals/use-cases/register-appeal';
import { writeAudit } from '@minsheng/db';
import type { AppealRow, Executor } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';

/**
 * Register an appeal on behalf of the registry. Intake staff register as themselves (their unit owns it); a leader
 * or supervisor holds no intake role, so the centre (root unit) owns it like a public channel, and the audit log
 * names who turned the matter into an appeal. `andThen` records the link on the source in the same transaction: if it
 * throws (a second click found the source converted already), no appeal is made either.
 */
export async function registerFromRegistry(deps: Deps, user: SessionUser, input: RegisterAppealInput, source: { type: string; id: string },
  andThen?: (tx: Executor, appeal: AppealRow) => Promise<void>): Promise<AppealRow> {
  const intake = user.grants.some((g) => g.role === 'agent' || g.role === 'dispatcher');
  // The appeal, the audit line naming who made it and the source's link commit together: never an appeal the log
  // cannot explain, nor one its source does not point to.
  return deps.database.db.transaction(async (tx) => {
    const registered = await registerAppeal(deps, intake ? { kind: 'staff', user } : { kind: 'public', jurisdictionId: user.jurisdictionId }, input, undefined, tx);
    await writeAudit(tx, {
      jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'registry_to_appeal', targetType: source.type, targetId: source.id,
      detail: { appealId: registered.appeal.id, number: registered.appeal.number },
    });
    await andThen?.(tx, registered.appeal);
    return registered.appeal;
  });
}
