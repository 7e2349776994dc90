import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DeadlinePolicy } from '@minsheng/domain';
import type { Executor } from '../connection';
import { areas, calendarOverrides, categories, deadlinePolicies, jurisdictions, units } from '../schema';

export async function findJurisdiction(db: Executor, id: string) {
  const [row] = await db.select().from(jurisdictions).where(eq(jurisdictions.id, id)).limit(1);
  return row ?? null;
}

export async function listJurisdictions(db: Executor) {
  return db.select().from(jurisdictions).orderBy(jurisdictions.id);
}

/** Root → unit id paths for the given units; missing ids are simply absent from the result. */
export async function unitPaths(db: Executor, jurisdictionId: string, ids: readonly string[]): Promise<Record<string, string[]>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return {};
  const rows = await db.select({ id: units.id, path: units.path }).from(units)
    .where(and(eq(units.jurisdictionId, jurisdictionId), inArray(units.id, wanted), eq(units.active, true)));
  return Object.fromEntries(rows.map((r) => [r.id, r.path]));
}

/** The unit at the top of the tree: the hotline centre that owns appeals arriving without a staff member. */
export async function rootUnit(db: Executor, jurisdictionId: string) {
  const [row] = await db.select().from(units).where(and(eq(units.jurisdictionId, jurisdictionId), isNull(units.parentId))).limit(1);
  return row ?? null;
}

export async function findCategory(db: Executor, jurisdictionId: string, id: string) {
  const [row] = await db.select().from(categories)
    .where(and(eq(categories.jurisdictionId, jurisdictionId), eq(categories.id, id), eq(categories.active, true))).limit(1);
  return row ?? null;
}

export async function findArea(db: Executor, jurisdictionId: string, code: string) {
  const [row] = await db.select().from(areas).where(and(eq(areas.jurisdictionId, jurisdictionId), eq(areas.code, code))).limit(1);
  return row ?? null;
}

export async function listPolicies(db: Executor, jurisdictionId: string): Promise<DeadlinePolicy[]> {
  const rows = await db.select().from(deadlinePolicies)
    .where(and(eq(deadlinePolicies.jurisdictionId, jurisdictionId), eq(deadlinePolicies.active, true)));
  return rows.map((r) => ({
    id: r.id, name: r.name, track: r.track as DeadlinePolicy['track'], kind: r.kind as DeadlinePolicy['kind'],
    urgency: r.urgency as DeadlinePolicy['urgency'], categoryId: r.categoryId, clocks: r.clocks as DeadlinePolicy['clocks'],
  }));
}

export async function listCalendarOverrides(db: Executor, jurisdictionId: string) {
  return db.select().from(calendarOverrides).where(eq(calendarOverrides.jurisdictionId, jurisdictionId)).orderBy(calendarOverrides.date);
}

export async function listAreaCodes(db: Executor, jurisdictionId: string): Promise<string[]> {
  const rows = await db.select({ code: areas.code }).from(areas).where(eq(areas.jurisdictionId, jurisdictionId));
  return rows.map((r) => r.code);
}
