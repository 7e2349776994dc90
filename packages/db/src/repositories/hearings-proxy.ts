import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { hearingMaterials, hearingRepresentatives, hearings, proxyCounters, proxyItems, proxyRequestSteps, proxyRequests } from '../schema';

/** Reads and writes of 听证会 (hearings) and 民生事项代办 (proxy services). */

export type HearingRow = typeof hearings.$inferSelect;
export type HearingRepresentativeRow = typeof hearingRepresentatives.$inferSelect;
export type HearingMaterialRow = typeof hearingMaterials.$inferSelect;
export type ProxyItemRow = typeof proxyItems.$inferSelect;
export type ProxyRequestRow = typeof proxyRequests.$inferSelect;
export type ProxyStepRow = typeof proxyRequestSteps.$inferSelect;

// 听证会 -----------------------------------------------------------------------------------------------------------

export async function insertHearing(db: Executor, row: typeof hearings.$inferInsert): Promise<void> {
  await db.insert(hearings).values(row);
}

export async function findHearing(db: Executor, jurisdictionId: string, id: string): Promise<HearingRow | null> {
  const [row] = await db.select().from(hearings).where(and(eq(hearings.jurisdictionId, jurisdictionId), eq(hearings.id, id))).limit(1);
  return row ?? null;
}

export async function listHearings(db: Executor, jurisdictionId: string): Promise<HearingRow[]> {
  return db.select().from(hearings).where(eq(hearings.jurisdictionId, jurisdictionId)).orderBy(desc(hearings.scheduledAt)).limit(500);
}

export type HearingChanges = Partial<Omit<HearingRow, 'jurisdictionId' | 'id' | 'createdBy' | 'createdAt'>>;
/** Change a hearing; when `fromStatus` is given only if it is still in that status (false: someone changed it first). */
export async function updateHearing(db: Executor, jurisdictionId: string, id: string, changes: HearingChanges, fromStatus?: string): Promise<boolean> {
  const where = and(eq(hearings.jurisdictionId, jurisdictionId), eq(hearings.id, id), fromStatus ? eq(hearings.status, fromStatus) : undefined);
  const rows = await db.update(hearings).set(changes).where(where).returning({ id: hearings.id });
  return rows.length === 1;
}

/** Hearings on the portal: published, latest first. */
export async function listPublishedHearings(db: Executor, jurisdictionId: string, limit: number): Promise<HearingRow[]> {
  return db.select().from(hearings).where(and(eq(hearings.jurisdictionId, jurisdictionId), isNotNull(hearings.publishedAt)))
    .orderBy(desc(hearings.scheduledAt)).limit(limit);
}

export async function insertRepresentative(db: Executor, row: typeof hearingRepresentatives.$inferInsert): Promise<void> {
  await db.insert(hearingRepresentatives).values(row);
}

export async function representativesOf(db: Executor, jurisdictionId: string, hearingIds: readonly string[]): Promise<HearingRepresentativeRow[]> {
  if (hearingIds.length === 0) return [];
  return db.select().from(hearingRepresentatives)
    .where(and(eq(hearingRepresentatives.jurisdictionId, jurisdictionId), inArray(hearingRepresentatives.hearingId, [...hearingIds])))
    .orderBy(asc(hearingRepresentatives.createdAt), asc(hearingRepresentatives.id));
}

/** Record who of the hearing's representatives came (the others are marked absent). */
export async function markAttendance(db: Executor, jurisdictionId: string, hearingId: string, attendedIds: readonly string[]): Promise<void> {
  const ids = attendedIds.length ? attendedIds : ['-'];
  await db.update(hearingRepresentatives)
    .set({ attended: sql`${hearingRepresentatives.id} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})` })
    .where(and(eq(hearingRepresentatives.jurisdictionId, jurisdictionId), eq(hearingRepresentatives.hearingId, hearingId)));
}

export async function insertMaterial(db: Executor, row: typeof hearingMaterials.$inferInsert): Promise<void> {
  await db.insert(hearingMaterials).values(row);
}

export async function materialsOf(db: Executor, jurisdictionId: string, hearingIds: readonly string[]): Promise<HearingMaterialRow[]> {
  if (hearingIds.length === 0) return [];
  return db.select().from(hearingMaterials)
    .where(and(eq(hearingMaterials.jurisdictionId, jurisdictionId), inArray(hearingMaterials.hearingId, [...hearingIds])))
    .orderBy(asc(hearingMaterials.createdAt), asc(hearingMaterials.id));
}

// 民生事项代办 -------------------------------------------------------------------------------------------------------

export async function listProxyItems(db: Executor, jurisdictionId: string, onlyActive: boolean): Promise<ProxyItemRow[]> {
  const where = onlyActive ? and(eq(proxyItems.jurisdictionId, jurisdictionId), eq(proxyItems.active, true)) : eq(proxyItems.jurisdictionId, jurisdictionId);
  return db.select().from(proxyItems).where(where).orderBy(asc(proxyItems.code)).limit(1000);
}

export async function findProxyItem(db: Executor, jurisdictionId: string, id: string): Promise<ProxyItemRow | null> {
  const [row] = await db.select().from(proxyItems).where(and(eq(proxyItems.jurisdictionId, jurisdictionId), eq(proxyItems.id, id))).limit(1);
  return row ?? null;
}

export async function insertProxyItem(db: Executor, row: typeof proxyItems.$inferInsert): Promise<void> {
  await db.insert(proxyItems).values(row);
}

export type ProxyItemChanges = Partial<Pick<ProxyItemRow, 'name' | 'level' | 'unitId' | 'procedure' | 'materials' | 'promisedDays' | 'fee' | 'active' | 'updatedAt'>>;
export async function updateProxyItem(db: Executor, jurisdictionId: string, id: string, changes: ProxyItemChanges): Promise<void> {
  await db.update(proxyItems).set(changes).where(and(eq(proxyItems.jurisdictionId, jurisdictionId), eq(proxyItems.id, id)));
}

/** The next value of the day's proxy counter (atomic: concurrent requests get distinct numbers). */
export async function nextProxyCounter(db: Executor, jurisdictionId: string, day: string): Promise<number> {
  const [row] = await db.insert(proxyCounters).values({ jurisdictionId, day, value: 1 })
    .onConflictDoUpdate({ target: [proxyCounters.jurisdictionId, proxyCounters.day], set: { value: sql`${proxyCounters.value} + 1` } })
    .returning({ value: proxyCounters.value });
  return row!.value;
}

export async function insertProxyRequest(db: Executor, row: typeof proxyRequests.$inferInsert): Promise<void> {
  await db.insert(proxyRequests).values(row);
}

export async function findProxyRequest(db: Executor, jurisdictionId: string, id: string): Promise<ProxyRequestRow | null> {
  const [row] = await db.select().from(proxyRequests).where(and(eq(proxyRequests.jurisdictionId, jurisdictionId), eq(proxyRequests.id, id))).limit(1);
  return row ?? null;
}

export async function findProxyRequestByNumber(db: Executor, jurisdictionId: string, number: string): Promise<ProxyRequestRow | null> {
  const [row] = await db.select().from(proxyRequests).where(and(eq(proxyRequests.jurisdictionId, jurisdictionId), eq(proxyRequests.number, number))).limit(1);
  return row ?? null;
}

/** Requests handled by the given units (all when `unitIds` is null), newest first. */
export async function listProxyRequests(db: Executor, jurisdictionId: string, unitIds: readonly string[] | null): Promise<ProxyRequestRow[]> {
  if (unitIds && unitIds.length === 0) return [];
  const where = and(eq(proxyRequests.jurisdictionId, jurisdictionId), unitIds ? inArray(proxyRequests.unitId, [...unitIds]) : undefined);
  return db.select().from(proxyRequests).where(where).orderBy(desc(proxyRequests.acceptedAt)).limit(500);
}

export type ProxyRequestChanges = Partial<Pick<ProxyRequestRow, 'status' | 'dueAt' | 'pausedBudget' | 'closedAt' | 'result' | 'updatedAt'>>;
/** Apply a step if nobody changed the request since it was read (optimistic: `version` must match). */
export async function updateProxyRequest(db: Executor, jurisdictionId: string, id: string, version: number, changes: ProxyRequestChanges): Promise<boolean> {
  const rows = await db.update(proxyRequests).set({ ...changes, version: version + 1 })
    .where(and(eq(proxyRequests.jurisdictionId, jurisdictionId), eq(proxyRequests.id, id), eq(proxyRequests.version, version))).returning({ id: proxyRequests.id });
  return rows.length === 1;
}

export async function insertProxyStep(db: Executor, row: typeof proxyRequestSteps.$inferInsert): Promise<void> {
  await db.insert(proxyRequestSteps).values(row);
}

export async function stepsOfProxyRequest(db: Executor, jurisdictionId: string, requestId: string): Promise<ProxyStepRow[]> {
  return db.select().from(proxyRequestSteps)
    .where(and(eq(proxyRequestSteps.jurisdictionId, jurisdictionId), eq(proxyRequestSteps.requestId, requestId))).orderBy(asc(proxyRequestSteps.seq));
}
