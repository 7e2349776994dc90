import { findSession, touchSession, userGrants } from '@minsheng/db';
import { DEFAULT_SETTINGS } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../session-cache';
import { parseSessionToken } from '../tokens';

/** The idle mark is written at most this often, so a busy session costs one UPDATE a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;

/** Resolve a bearer/cookie token to its user and role scopes, or null for unknown, expired or idle tokens. */
export async function authenticate(deps: Deps, token: string): Promise<SessionUser | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const now = deps.now();
  return deps.sessions.resolve(parsed.tokenHash, now, () => loadSession(deps, parsed.jurisdictionId, parsed.tokenHash, now));
}

/** The session, its user and role scopes from the database; the idle mark is moved on at most once a minute. */
async function loadSession(deps: Deps, jurisdictionId: string, tokenHash: string, now: Date): Promise<SessionUser | null> {
  const db = deps.database.db;
  const runtime = await deps.runtimes.get(jurisdictionId);
  const idleMs = (runtime?.settings.security ?? DEFAULT_SETTINGS.security).sessionIdleMinutes * 60_000;
  const session = await findSession(db, jurisdictionId, tokenHash, now, new Date(now.getTime() - idleMs));
  if (!session) return null;
  let lastSeenAt = new Date(session.lastSeenAt);
  if (now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(db, jurisdictionId, tokenHash, now, new Date(now.getTime() - TOUCH_EVERY_MS));
    lastSeenAt = now;
  }
  return {
    jurisdictionId, userId: session.userId, username: session.username, displayName: session.displayName,
    grants: await userGrants(db, jurisdictionId, session.userId), expiresAt: session.expiresAt,
    idleUntil: new Date(lastSeenAt.getTime() + idleMs), tokenHash,
  };
}
