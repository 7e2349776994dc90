import { AppError } from '@minsheng/contracts';
import { deactivateUpstreamPlatform, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentPlatform } from '../presenter';

/** Stop a platform: its key is refused from now on and it receives no further reports. */
export async function deactivatePlatform(deps: Deps, user: SessionUser, id: string) {
  requireAdmin(user);
  const jid = user.jurisdictionId;
  const now = deps.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const updated = await deactivateUpstreamPlatform(tx, jid, id);
    if (!updated) throw new AppError('NOT_FOUND');
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'deactivate_upstream_platform', targetType: 'upstream_platform', targetId: id, detail: {}, at: now });
    return updated;
  });
  return presentPlatform(row);
}
