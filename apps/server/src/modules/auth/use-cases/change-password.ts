import { AppError } from '@minsheng/contracts';
import { deleteUserSessions, findUserByUsername, updateUserRow, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../session-cache';
import { hashPassword, verifyPassword } from '../passwords';
import { checkPasswordPolicy, passwordPolicyFor } from '../../admin/password-policy';
import { assertLoginAllowed, countLoginFailure } from '../login-throttle';

export interface ChangePasswordInput { currentPassword: string; newPassword: string; clientIp: string }

/**
 * A signed-in user changes their own password (修改密码). The current password is required and a wrong one counts
 * towards the account's lockout like a failed login, so a stolen session cannot guess it. Every other session of the
 * user ends; the one making the change stays. Other processes drop their cached copies within the session cache's
 * TTL (10 s).
 */
export async function changeOwnPassword(deps: Deps, user: SessionUser, input: ChangePasswordInput): Promise<{ ok: true; sessionsEnded: number }> {
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const subject = { username: user.username, ip: input.clientIp };
  await assertLoginAllowed(deps, jid, subject);
  const row = await findUserByUsername(db, jid, user.username);
  if (!row || !row.active) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await countLoginFailure(deps, jid, subject, row.id);
    throw new AppError('CURRENT_PASSWORD_WRONG', undefined, { field: 'currentPassword' });
  }
  if (input.newPassword === input.currentPassword) throw new AppError('WEAK_PASSWORD', 'the new password equals the current one', { field: 'newPassword', rule: 'same' });
  try {
    checkPasswordPolicy(input.newPassword, { username: user.username, ...(await passwordPolicyFor(db, jid)) });
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, err.message, { ...err.details, field: 'newPassword' });
    throw err;
  }
  const passwordHash = await hashPassword(input.newPassword);
  let ended: string[] = [];
  await db.transaction(async (tx) => {
    await updateUserRow(tx, jid, row.id, { passwordHash });
    ended = await deleteUserSessions(tx, jid, row.id, user.tokenHash);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: row.id, action: 'change_password', targetType: 'user', targetId: row.id, detail: { sessionsEnded: ended.length } });
  });
  for (const hash of ended) deps.sessions.delete(hash);
  return { ok: true, sessionsEnded: ended.length };
}
