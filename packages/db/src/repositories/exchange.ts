import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../connection';
import { appeals, upstreamPlatforms } from '../schema';

export type UpstreamPlatformRow = typeof upstreamPlatforms.$inferSelect;

/** Register an upper-level platform (上级平台); only the hash of its API key is stored. */
export async function insertUpstreamPlatform(db: Executor, row: typeof upstreamPlatforms.$inferInsert): Promise<UpstreamPlatformRow> {
  const rows = await db.insert(upstreamPlatforms).values(row).returning();
  return rows[0]!;
}

export async function listUpstreamPlatforms(db: Executor, jurisdictionId: string): Promise<UpstreamPlatformRow[]> {
  return db.select().from(upstreamPlatforms).where(eq(upstreamPlatforms.jurisdictionId, jurisdictionId)).orderBy(asc(upstreamPlatforms.createdAt), asc(upstreamPlatforms.id));
}

export async function findUpstreamPlatform(db: Executor, jurisdictionId: string, id: string): Promise<UpstreamPlatformRow | null> {
  const rows = await db.select().from(upstreamPlatforms).where(and(eq(upstreamPlatforms.jurisdictionId, jurisdictionId), eq(upstreamPlatforms.id, id))).limit(1);
  return rows[0] ?? null;
}

/**
 * The active platform an API key belongs to. Keys are looked up before the jurisdiction is known (the key says which
 * it is), so this is the one query keyed by the globally unique key hash rather than by jurisdiction.
 */
export async function findActivePlatformByKeyHash(db: Executor, jurisdictionId: string, keyHash: string): Promise<UpstreamPlatformRow | null> {
  const rows = await db.select().from(upstreamPlatforms)
    .where(and(eq(upstreamPlatforms.jurisdictionId, jurisdictionId), eq(upstreamPlatforms.keyHash, keyHash), eq(upstreamPlatforms.active, true))).limit(1);
  return rows[0] ?? null;
}

/** Deactivate a platform: its key stops working at once. Null when there is no such platform. */
export async function deactivateUpstreamPlatform(db: Executor, jurisdictionId: string, id: string): Promise<UpstreamPlatformRow | null> {
  const rows = await db.update(upstreamPlatforms).set({ active: false })
    .where(and(eq(upstreamPlatforms.jurisdictionId, jurisdictionId), eq(upstreamPlatforms.id, id))).returning();
  return rows[0] ?? null;
}

/** The appeal an upper platform transferred under its own id (appeals_external_idx makes it unique). */
export async function findAppealByExternalId(db: Executor, jurisdictionId: string, source: string, externalId: string) {
  const rows = await db.select().from(appeals).where(and(eq(appeals.jurisdictionId, jurisdictionId), eq(appeals.externalSource, source), eq(appeals.externalId, externalId))).limit(1);
  return rows[0] ?? null;
}
