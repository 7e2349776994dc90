import { sql } from 'drizzle-orm';
import type { DeadlinePolicy } from '@minsheng/domain';
import type { Executor } from '../connection';
import { newId } from '../ids';
import { queryRows } from '../raw';
import { areas, categories, deadlinePolicies, jurisdictions, unitAreas, units } from '../schema';
import type { AreaSeed, CategorySeed, UnitSeed } from '../demo/types';

export interface ReferenceSeed {
  jurisdiction: { id: string; name: string; numberPrefix: string; settings?: Record<string, unknown> };
  areas: readonly AreaSeed[];
  units: readonly UnitSeed[];
  categories: readonly CategorySeed[];
  policies: readonly Omit<DeadlinePolicy, 'id'>[];
  shortAreaName?: (name: string) => string;
}

export interface SeededReference {
  unitIdByKey: Map<string, string>;
  categoryIdByKey: Map<string, string>;
}

async function insertChunked<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Insert a jurisdiction with its areas, unit tree, category tree and deadline policies in one go. */
export async function seedReference(db: Executor, seed: ReferenceSeed): Promise<SeededReference> {
  const jid = seed.jurisdiction.id;
  const short = seed.shortAreaName ?? ((n: string) => n);
  await db.insert(jurisdictions).values({ ...seed.jurisdiction, settings: seed.jurisdiction.settings ?? {} });
  await insertChunked(seed.areas, 200, (chunk) => db.insert(areas).values(chunk.map((a) => ({
    jurisdictionId: jid, code: a.code, name: a.name, shortName: short(a.name), level: a.level, parentCode: a.parentCode,
  }))));

  const unitIdByKey = new Map<string, string>();
  const pathByKey = new Map<string, string[]>();
  for (const u of seed.units) unitIdByKey.set(u.key, newId());
  for (const u of seed.units) {
    const id = unitIdByKey.get(u.key)!;
    const parentPath = u.parentKey ? pathByKey.get(u.parentKey) : [];
    if (!parentPath) throw new Error(`unit ${u.key}: parent ${u.parentKey} must come before it`);
    pathByKey.set(u.key, [...parentPath, id]);
  }
  await insertChunked(seed.units, 100, (chunk) => db.insert(units).values(chunk.map((u) => ({
    jurisdictionId: jid, id: unitIdByKey.get(u.key)!, key: u.key, parentId: u.parentKey ? unitIdByKey.get(u.parentKey)! : null,
    path: pathByKey.get(u.key)!, name: u.name, shortName: u.shortName, kind: u.kind, phone: u.phone, address: u.address, receptionHours: u.receptionHours,
  }))));
  const servedAreas = seed.units.flatMap((u) => u.areaCodes.map((areaCode) => ({ jurisdictionId: jid, unitId: unitIdByKey.get(u.key)!, areaCode })));
  await insertChunked(servedAreas, 200, (chunk) => db.insert(unitAreas).values(chunk));

  const categoryIdByKey = new Map<string, string>(seed.categories.map((c) => [c.key, newId()]));
  const levelOf = (c: CategorySeed): number => {
    let level = 1;
    let parent = c.parentKey;
    while (parent) { level += 1; parent = seed.categories.find((x) => x.key === parent)?.parentKey ?? null; }
    return level;
  };
  await insertChunked(seed.categories, 100, (chunk) => db.insert(categories).values(chunk.map((c) => ({
    jurisdictionId: jid, id: categoryIdByKey.get(c.key)!, key: c.key, parentId: c.parentKey ? categoryIdByKey.get(c.parentKey)! : null,
    level: levelOf(c), name: c.name, defaultKind: c.defaultKind, open311Code: c.open311Code,
    defaultUnitId: c.defaultUnitKey ? unitIdByKey.get(c.defaultUnitKey) ?? null : null, keywords: c.keywords,
  }))));

  await db.insert(deadlinePolicies).values(seed.policies.map((p) => ({
    jurisdictionId: jid, id: newId(), name: p.name, track: p.track, kind: p.kind, urgency: p.urgency, categoryId: p.categoryId, clocks: p.clocks,
  })));
  return { unitIdByKey, categoryIdByKey };
}

/** True when the database already holds this jurisdiction (seeding is then skipped). */
export async function jurisdictionExists(db: Executor, id: string): Promise<boolean> {
  return (await queryRows(db, sql`SELECT 1 FROM jurisdictions WHERE id = ${id}`)).length > 0;
}
