import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { routingRules, unitAreas, units } from '../schema';

export type RoutingRuleRow = typeof routingRules.$inferSelect;
export type RoutingCounter = 'dispatches' | 'returnsApproved' | 'objections';

/** The catalogue: active rules, or every version ever written when `includeRetired`. */
export async function listRoutingRules(db: Executor, jurisdictionId: string, includeRetired = false): Promise<RoutingRuleRow[]> {
  const where = [eq(routingRules.jurisdictionId, jurisdictionId)];
  if (!includeRetired) where.push(eq(routingRules.active, true));
  return db.select().from(routingRules).where(and(...where))
    .orderBy(asc(routingRules.categoryId), asc(routingRules.areaCode), asc(routingRules.lineageId), asc(routingRules.version));
}

export async function findRoutingRule(db: Executor, jurisdictionId: string, id: string): Promise<RoutingRuleRow | null> {
  const [row] = await db.select().from(routingRules).where(and(eq(routingRules.jurisdictionId, jurisdictionId), eq(routingRules.id, id))).limit(1);
  return row ?? null;
}

/** Active rules that can match an appeal with these category and area paths (wildcards included). */
export async function candidateRoutingRules(db: Executor, jurisdictionId: string, categoryPath: readonly string[], areaPath: readonly string[]): Promise<RoutingRuleRow[]> {
  const t = routingRules;
  const category = categoryPath.length ? or(isNull(t.categoryId), inArray(t.categoryId, [...categoryPath])) : isNull(t.categoryId);
  const area = areaPath.length ? or(isNull(t.areaCode), inArray(t.areaCode, [...areaPath])) : isNull(t.areaCode);
  return db.select().from(t).where(and(eq(t.jurisdictionId, jurisdictionId), eq(t.active, true), category, area));
}

/** The active rule in a cell of the catalogue (category × area, null = any), if there is one. */
export async function findActiveRoutingRuleInCell(db: Executor, jurisdictionId: string, categoryId: string | null, areaCode: string | null): Promise<RoutingRuleRow | null> {
  const t = routingRules;
  const [row] = await db.select().from(t).where(and(
    eq(t.jurisdictionId, jurisdictionId), eq(t.active, true),
    categoryId === null ? isNull(t.categoryId) : eq(t.categoryId, categoryId), areaCode === null ? isNull(t.areaCode) : eq(t.areaCode, areaCode),
  )).limit(1);
  return row ?? null;
}

export async function insertRoutingRule(db: Executor, row: typeof routingRules.$inferInsert): Promise<void> {
  await db.insert(routingRules).values(row);
}

/** Retire an active rule; false when it is unknown or was retired already (by someone else, too). */
export async function retireRoutingRule(db: Executor, jurisdictionId: string, id: string, by: { userId: string; at: Date; replacedBy: string | null }): Promise<boolean> {
  const rows = await db.update(routingRules).set({ active: false, retiredAt: by.at, retiredBy: by.userId, replacedBy: by.replacedBy })
    .where(and(eq(routingRules.jurisdictionId, jurisdictionId), eq(routingRules.id, id), eq(routingRules.active, true)))
    .returning({ id: routingRules.id });
  return rows.length === 1;
}

/** Add one to a counter of a rule version (retired versions still count what they routed); false for an unknown rule. */
export async function incrementRoutingCounter(db: Executor, jurisdictionId: string, id: string, counter: RoutingCounter): Promise<boolean> {
  const column = routingRules[counter];
  const rows = await db.update(routingRules).set({ [counter]: sql`${column} + 1` })
    .where(and(eq(routingRules.jurisdictionId, jurisdictionId), eq(routingRules.id, id))).returning({ id: routingRules.id });
  return rows.length === 1;
}

/** A category and its ancestors, most specific first; [] for an unknown category. */
export async function categoryAncestry(db: Executor, jurisdictionId: string, categoryId: string) {
  return queryRows<{ id: string; name: string; default_unit_id: string | null }>(db, sql`
    WITH RECURSIVE up(id, name, parent_id, default_unit_id, depth) AS (
      SELECT id, name, parent_id, default_unit_id, 0 FROM categories WHERE jurisdiction_id = ${jurisdictionId} AND id = ${categoryId}
      UNION ALL
      SELECT c.id, c.name, c.parent_id, c.default_unit_id, up.depth + 1 FROM categories c JOIN up ON c.jurisdiction_id = ${jurisdictionId} AND c.id = up.parent_id
      WHERE up.depth < 10)
    SELECT id, name, default_unit_id FROM up ORDER BY depth`);
}

/** An area code and its ancestors, most specific first; [] for an unknown area. */
export async function areaAncestry(db: Executor, jurisdictionId: string, code: string) {
  return queryRows<{ code: string; name: string }>(db, sql`
    WITH RECURSIVE up(code, name, parent_code, depth) AS (
      SELECT code, name, parent_code, 0 FROM areas WHERE jurisdiction_id = ${jurisdictionId} AND code = ${code}
      UNION ALL
      SELECT a.code, a.name, a.parent_code, up.depth + 1 FROM areas a JOIN up ON a.jurisdiction_id = ${jurisdictionId} AND a.code = up.parent_code
      WHERE up.depth < 10)
    SELECT code, name FROM up ORDER BY depth`);
}

/** Kind, name and path of the given units that are active; unknown or inactive ids are absent. */
export async function activeUnitFacts(db: Executor, jurisdictionId: string, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map<string, { kind: string; name: string; path: string[] }>();
  const rows = await db.select({ id: units.id, kind: units.kind, name: units.name, path: units.path }).from(units)
    .where(and(eq(units.jurisdictionId, jurisdictionId), inArray(units.id, wanted), eq(units.active, true)));
  return new Map(rows.map((r) => [r.id, { kind: r.kind, name: r.name, path: r.path }]));
}

/** Active street offices (街道/乡镇) serving any of the area codes, with the code each serves (属地). */
export async function streetOfficesServing(db: Executor, jurisdictionId: string, areaCodes: readonly string[]) {
  if (!areaCodes.length) return [];
  return db.select({ unitId: units.id, areaCode: unitAreas.areaCode }).from(unitAreas)
    .innerJoin(units, and(eq(units.jurisdictionId, unitAreas.jurisdictionId), eq(units.id, unitAreas.unitId)))
    .where(and(eq(unitAreas.jurisdictionId, jurisdictionId), inArray(unitAreas.areaCode, [...areaCodes]), eq(units.kind, 'street_office'), eq(units.active, true)))
    .orderBy(asc(units.id));
}
