import type { RegisterAppealInput } from '../../appeals/use-cases/register-appeal';
import { registerAppeal } from '../../appeals/use-cases/register-appeal';
import { writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';

/**
 * Register an appeal on behalf of the registry. Intake staff register as themselves (their unit owns it); a leader
 * or supervisor holds no intake role, so the centre (root unit) owns it like a public channel, and the audit log
 * names who turned the matter into an appeal.
 */
export async function registerFromRegistry(deps: Deps, user: SessionUser, input: RegisterAppealInput, source: { type: string; id: string }) {
  const intake = user.grants.some((g) => g.role === 'agent' || g.role === 'dispatcher');
  const registered = await registerAppeal(deps, intake ? { kind: 'staff', user } : { kind: 'public', jurisdictionId: user.jurisdictionId }, input);
  await writeAudit(deps.database.db, {
    jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'registry_to_appeal', targetType: source.type, targetId: source.id,
    detail: { appealId: registered.appeal.id, number: registered.appeal.number },
  });
  return registered.appeal;
}
