import { AppError } from '@minsheng/contracts';
import { deleteUserSessions, findUserWithRoles, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';

/**
 * Sign a user out everywhere (强制下线): every session row goes, in the same transaction as the audit row. This
 * process forgets them at once; other processes drop their cached copy within the session cache's TTL (10 s).
 * An administrator doing it to themselves keeps the session they are using.
 */
export async function revokeUserSessions(deps: Deps, user: SessionUser, id: string): Promise<{ ok: true; sessionsEnded: number }> {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const target = await findUserWithRoles(db, jid, id);
  if (!target) throw new AppError('NOT_FOUND');
  let ended: string[] = [];
  await db.transaction(async (tx) => {
    ended = await deleteUserSessions(tx, jid, id, id === user.userId ? user.tokenHash : undefined);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'revoke_sessions', targetType: 'user', targetId: id, detail: { username: target.username, sessionsEnded: ended.length } });
  });
  for (const hash of ended) deps.sessions.delete(hash);
  return { ok: true, sessionsEnded: ended.length };
}
