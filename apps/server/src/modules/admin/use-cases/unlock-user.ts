import { AppError } from '@minsheng/contracts';
import { findUserWithRoles, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { clearUsernameFailures } from '../../auth/login-throttle';
import { requireAdmin } from '../policy';

/** Lift a failed-login lock on an account (解除锁定) and forget its failures; harmless when it was not locked. */
export async function unlockUser(deps: Deps, user: SessionUser, id: string): Promise<{ ok: true; wasLocked: boolean }> {
  requireAdmin(user);
  const jid = user.jurisdictionId;
  const target = await findUserWithRoles(deps.database.db, jid, id);
  if (!target) throw new AppError('NOT_FOUND');
  const wasLocked = await clearUsernameFailures(deps, jid, target.username);
  await writeAudit(deps.database.db, { jurisdictionId: jid, actorUserId: user.userId, action: 'unlock_user', targetType: 'user', targetId: id, detail: { username: target.username, hadFailures: wasLocked } });
  return { ok: true, wasLocked };
}
