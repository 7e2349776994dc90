import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Grant } from '@minsheng/domain';
import type { Role } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { sessions, units, userRoles, users } from '../schema';

export async function findUserByUsername(db: Executor, jurisdictionId: string, username: string) {
  const [row] = await db.select().from(users)
    .where(and(eq(users.jurisdictionId, jurisdictionId), eq(users.username, username))).limit(1);
  return row ?? null;
}

/** A user's roles with each unit's root → unit path: everything the policies need to scope access. */
export async function userGrants(db: Executor, jurisdictionId: string, userId: string): Promise<Grant[]> {
  const rows = await db.select({ role: userRoles.role, unitId: userRoles.unitId, path: units.path })
    .from(userRoles)
    .innerJoin(units, and(eq(units.jurisdictionId, userRoles.jurisdictionId), eq(units.id, userRoles.unitId)))
    .where(and(eq(userRoles.jurisdictionId, jurisdictionId), eq(userRoles.userId, userId), eq(units.active, true)));
  return rows.map((r) => ({ role: r.role as Role, unitId: r.unitId, unitPath: r.path }));
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

/**
 * The live session for a token hash, with its user, or null when unknown, expired, idle since before `idleSince`
 * or the user is disabled.
 */
export async function findSession(db: Executor, jurisdictionId: string, tokenHash: string, now: Date, idleSince?: Date) {
  const [row] = await db.select({ userId: sessions.userId, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, username: users.username, displayName: users.displayName })
    .from(sessions)
    .innerJoin(users, and(eq(users.jurisdictionId, sessions.jurisdictionId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true),
      idleSince ? gt(sessions.lastSeenAt, idleSince) : undefined))
    .limit(1);
  return row ?? null;
}

/** Mark a session used at `now`, only when its mark is older than `staleBefore` (so reads stay cheap). */
export async function touchSession(db: Executor, jurisdictionId: string, tokenHash: string, now: Date, staleBefore: Date) {
  await db.update(sessions).set({ lastSeenAt: now })
    .where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, staleBefore)));
}

export async function deleteSession(db: Executor, jurisdictionId: string, tokenHash: string) {
  await db.delete(sessions).where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.tokenHash, tokenHash)));
}


/**
 * End every session of a user (deactivation, password change or reset, sign out everywhere), except `keepTokenHash`
 * (the session making a change to its own password); returns the token hashes so caches can forget them.
 */
export async function deleteUserSessions(db: Executor, jurisdictionId: string, userId: string, keepTokenHash?: string): Promise<string[]> {
  const rows = await db.delete(sessions)
    .where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.userId, userId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined))
    .returning({ tokenHash: sessions.tokenHash });
  return rows.map((r) => r.tokenHash);
}

/** The token hashes of a user's sessions (so a role change can drop cached grants). */
export async function userSessionHashes(db: Executor, jurisdictionId: string, userId: string): Promise<string[]> {
  const rows = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.userId, userId)));
  return rows.map((r) => r.tokenHash);
}
