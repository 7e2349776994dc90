import { AppError } from '@minsheng/contracts';
import { deactivateOpen311Key, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentKey } from '../presenter';

/** Deactivate a key: its client is refused (403) from now on; what it submitted stays. */
export async function deactivateKey(deps: Deps, user: SessionUser, id: string) {
  requireAdmin(user);
  const jid = user.jurisdictionId;
  const now = deps.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const updated = await deactivateOpen311Key(tx, jid, id);
    if (!updated) throw new AppError('NOT_FOUND');
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'deactivate_open311_key', targetType: 'open311_api_key', targetId: id, detail: {}, at: now });
    return updated;
  });
  return presentKey(row);
}
