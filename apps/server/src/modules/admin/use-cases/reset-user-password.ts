import { AppError } from '@minsheng/contracts';
import { deleteUserSessions, findUserWithRoles, updateUserRow, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { hashPassword } from '../../auth/passwords';
import { requireAdmin } from '../policy';
import { checkPasswordPolicy, passwordPolicyFor } from '../password-policy';

/**
 * Set a new password for a staff account (same rule as a new account). Every session of the user ends, so whoever
 * knew the old password is signed out; an administrator resetting their own password keeps only the session they
 * are using. Other processes drop their cached copy of an ended session within the session cache's TTL (10 s).
 */
export async function resetUserPassword(deps: Deps, user: SessionUser, id: string, password: string): Promise<{ ok: true; sessionsEnded: number }> {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const target = await findUserWithRoles(db, jid, id);
  if (!target) throw new AppError('NOT_FOUND');
  checkPasswordPolicy(password, { username: target.username, ...(await passwordPolicyFor(db, jid)) });
  const passwordHash = await hashPassword(password);
  let ended: string[] = [];
  await db.transaction(async (tx) => {
    await updateUserRow(tx, jid, id, { passwordHash });
    ended = await deleteUserSessions(tx, jid, id, id === user.userId ? user.tokenHash : undefined);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'reset_password', targetType: 'user', targetId: id, detail: { username: target.username, sessionsEnded: ended.length } });
  });
  for (const hash of ended) deps.sessions.delete(hash);
  return { ok: true, sessionsEnded: ended.length };
}
