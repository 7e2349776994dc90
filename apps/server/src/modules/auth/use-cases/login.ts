import { AppError } from '@minsheng/contracts';
import { findUserByUsername, insertSession, userGrants } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { decoyHash, verifyPassword } from '../passwords';
import type { SessionUser } from '../session-cache';
import { hashToken, newSessionToken } from '../tokens';
import { assertLoginAllowed, clearUsernameFailures, countLoginFailure } from '../login-throttle';

export interface LoginInput { username: string; password: string; jurisdictionId?: string | undefined; clientIp: string }

/**
 * Check the password and open a session. A wrong username and a wrong password fail the same way, and both count
 * towards the lockout of that username and of the client's IP; a locked username or IP is refused before any
 * password is checked, the same for a real and a made-up username.
 */
export async function login(deps: Deps, input: LoginInput): Promise<{ token: string; user: SessionUser }> {
  const jurisdictionId = input.jurisdictionId ?? deps.defaultJurisdictionId;
  const subject = { username: input.username, ip: input.clientIp };
  await assertLoginAllowed(deps, jurisdictionId, subject);
  const db = deps.database.db;
  const user = await findUserByUsername(db, jurisdictionId, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok || !user.active) {
    await countLoginFailure(deps, jurisdictionId, subject, user?.id ?? null);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearUsernameFailures(deps, jurisdictionId, input.username);
  const runtime = await deps.runtimes.get(jurisdictionId);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + (runtime?.settings.sessionHours ?? 12) * 3600_000);
  const token = newSessionToken(jurisdictionId);
  await insertSession(db, { jurisdictionId, tokenHash: hashToken(token), userId: user.id, expiresAt, lastSeenAt: now });
  const grants = await userGrants(db, jurisdictionId, user.id);
  return { token, user: { jurisdictionId, userId: user.id, username: user.username, displayName: user.displayName, grants, expiresAt } };
}
