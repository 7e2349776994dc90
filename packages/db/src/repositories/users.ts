import { and, eq, gt } from 'drizzle-orm';
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

/** The live session for a token hash, with its user, or null when unknown, expired or the user is disabled. */
export async function findSession(db: Executor, jurisdictionId: string, tokenHash: string, now: Date) {
  const [row] = await db.select({ userId: sessions.userId, expiresAt: sessions.expiresAt, username: users.username, displayName: users.displayName })
    .from(sessions)
    .innerJoin(users, and(eq(users.jurisdictionId, sessions.jurisdictionId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Executor, jurisdictionId: string, tokenHash: string) {
  await db.delete(sessions).where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.tokenHash, tokenHash)));
}


/** End every session of a user (deactivation, password reset); returns the token hashes so caches can forget them. */
export async function deleteUserSessions(db: Executor, jurisdictionId: string, userId: string): Promise<string[]> {
  const rows = await db.delete(sessions).where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.userId, userId))).returning({ tokenHash: sessions.tokenHash });
  return rows.map((r) => r.tokenHash);
}

/** The token hashes of a user's sessions (so a role change can drop cached grants). */
export async function userSessionHashes(db: Executor, jurisdictionId: string, userId: string): Promise<string[]> {
  const rows = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(and(eq(sessions.jurisdictionId, jurisdictionId), eq(sessions.userId, userId)));
  return rows.map((r) => r.tokenHash);
}
