import { AppError } from '@minsheng/contracts';
import { findUserByUsername, insertSession, userGrants } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { decoyHash, verifyPassword } from '../passwords';
import type { SessionUser } from '../session-cache';
import { hashToken, newSessionToken } from '../tokens';

export interface LoginInput { username: string; password: string; jurisdictionId?: string | undefined }

/** Check the password and open a session; a wrong username and a wrong password fail the same way. */
export async function login(deps: Deps, input: LoginInput): Promise<{ token: string; user: SessionUser }> {
  const jurisdictionId = input.jurisdictionId ?? deps.defaultJurisdictionId;
  const db = deps.database.db;
  const user = await findUserByUsername(db, jurisdictionId, input.username);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS');
  const runtime = await deps.runtimes.get(jurisdictionId);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + (runtime?.settings.sessionHours ?? 12) * 3600_000);
  const token = newSessionToken(jurisdictionId);
  await insertSession(db, { jurisdictionId, tokenHash: hashToken(token), userId: user.id, expiresAt });
  const grants = await userGrants(db, jurisdictionId, user.id);
  return { token, user: { jurisdictionId, userId: user.id, username: user.username, displayName: user.displayName, grants, expiresAt } };
}
