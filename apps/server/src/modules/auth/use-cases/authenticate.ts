import { findSession, userGrants } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../session-cache';
import { parseSessionToken } from '../tokens';

/** Resolve a bearer/cookie token to its user and role scopes, or null for unknown/expired tokens. */
export async function authenticate(deps: Deps, token: string): Promise<SessionUser | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const now = deps.now();
  const cached = deps.sessions.get(parsed.tokenHash, now);
  if (cached) return cached;
  const db = deps.database.db;
  const session = await findSession(db, parsed.jurisdictionId, parsed.tokenHash, now);
  if (!session) return null;
  const user: SessionUser = {
    jurisdictionId: parsed.jurisdictionId, userId: session.userId, username: session.username, displayName: session.displayName,
    grants: await userGrants(db, parsed.jurisdictionId, session.userId), expiresAt: session.expiresAt,
  };
  deps.sessions.set(parsed.tokenHash, user);
  return user;
}
