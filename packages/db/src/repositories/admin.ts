import { and, asc, eq, inArray, like, notInArray, or, sql } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { appeals, areas, auditLog, calendarOverrides, categories, deadlinePolicies, jurisdictions, unitAreas, units, userRoles, users } from '../schema';
import { newId } from '../ids';

export async function listUnits(db: Executor, jurisdictionId: string) {
  return db.select().from(units).where(eq(units.jurisdictionId, jurisdictionId)).orderBy(asc(units.path));
}

export async function findUnit(db: Executor, jurisdictionId: string, id: string) {
  const [row] = await db.select().from(units).where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.id, id))).limit(1);
  return row ?? null;
}

export async function unitAreaCodes(db: Executor, jurisdictionId: string) {
  return db.select().from(unitAreas).where(eq(unitAreas.jurisdictionId, jurisdictionId));
}

export async function insertUnit(db: Executor, row: typeof units.$inferInsert, areaCodes: readonly string[]) {
  await db.insert(units).values(row);
  if (areaCodes.length) await db.insert(unitAreas).values(areaCodes.map((areaCode) => ({ jurisdictionId: row.jurisdictionId, unitId: row.id, areaCode })));
}

/** Change a unit's own columns (not its place in the tree: see moveUnitSubtree). */
export async function updateUnitRow(db: Executor, jurisdictionId: string, id: string, set: Partial<Pick<typeof units.$inferInsert, 'name' | 'shortName' | 'kind' | 'phone' | 'address' | 'receptionHours' | 'active'>>) {
  if (Object.keys(set).length) await db.update(units).set(set).where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.id, id)));
}

/** Put a unit under a new parent: its path and every descendant's path get the new prefix. */
export async function moveUnitSubtree(db: Executor, jurisdictionId: string, id: string, oldPath: readonly string[], newParent: { id: string; path: readonly string[] }) {
  const prefix = sql`ARRAY[${sql.join([...newParent.path, id].map((p) => sql`${p}`), sql`, `)}]::text[]`;
  // path[n+1:] is everything below the moved unit; n is a trusted integer, written inline so no driver guesses its type.
  await db.update(units).set({ path: sql`${prefix} || ${units.path}[${sql.raw(String(oldPath.length + 1))}:]` })
    .where(and(eq(units.jurisdictionId, jurisdictionId), sql`${id} = ANY(${units.path})`));
  await db.update(units).set({ parentId: newParent.id }).where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.id, id)));
}

export async function replaceUnitAreas(db: Executor, jurisdictionId: string, unitId: string, areaCodes: readonly string[]) {
  await db.delete(unitAreas).where(and(eq(unitAreas.jurisdictionId, jurisdictionId), eq(unitAreas.unitId, unitId)));
  if (areaCodes.length) await db.insert(unitAreas).values(areaCodes.map((areaCode) => ({ jurisdictionId, unitId, areaCode })));
}

/** What keeps a unit from being deactivated: open appeals it owns or handles, active users with a role in it, active sub-units. */
export async function unitUsage(db: Executor, jurisdictionId: string, unitId: string) {
  const [open] = await db.select({ n: sql<number>`count(*)::int` }).from(appeals).where(and(
    eq(appeals.jurisdictionId, jurisdictionId), notInArray(appeals.status, [...TERMINAL_STATUSES]),
    or(eq(appeals.ownerUnitId, unitId), eq(appeals.leadUnitId, unitId), sql`${unitId} = ANY(${appeals.coUnitIds})`),
  ));
  const [staff] = await db.select({ n: sql<number>`count(DISTINCT ${users.id})::int` }).from(userRoles)
    .innerJoin(users, and(eq(users.jurisdictionId, userRoles.jurisdictionId), eq(users.id, userRoles.userId)))
    .where(and(eq(userRoles.jurisdictionId, jurisdictionId), eq(userRoles.unitId, unitId), eq(users.active, true)));
  const [children] = await db.select({ n: sql<number>`count(*)::int` }).from(units)
    .where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.parentId, unitId), eq(units.active, true)));
  return { openAppeals: Number(open?.n ?? 0), activeUsers: Number(staff?.n ?? 0), activeSubUnits: Number(children?.n ?? 0) };
}

export async function listUsers(db: Executor, jurisdictionId: string) {
  const rows = await db.select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active, createdAt: users.createdAt })
    .from(users).where(eq(users.jurisdictionId, jurisdictionId)).orderBy(asc(users.username));
  const roles = await db.select().from(userRoles).where(eq(userRoles.jurisdictionId, jurisdictionId));
  return rows.map((u) => ({ ...u, roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role, unitId: r.unitId })) }));
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert, roles: readonly { role: string; unitId: string }[]) {
  await db.insert(users).values(row);
  if (roles.length) await db.insert(userRoles).values(roles.map((r) => ({ jurisdictionId: row.jurisdictionId, userId: row.id, role: r.role, unitId: r.unitId })));
}

/** One account with its roles (never the password hash), whether active or not. */
export async function findUserWithRoles(db: Executor, jurisdictionId: string, id: string) {
  const [row] = await db.select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active, createdAt: users.createdAt })
    .from(users).where(and(eq(users.jurisdictionId, jurisdictionId), eq(users.id, id))).limit(1);
  if (!row) return null;
  const roles = await db.select({ role: userRoles.role, unitId: userRoles.unitId }).from(userRoles)
    .where(and(eq(userRoles.jurisdictionId, jurisdictionId), eq(userRoles.userId, id)));
  return { ...row, roles };
}

export async function updateUserRow(db: Executor, jurisdictionId: string, id: string, set: Partial<Pick<typeof users.$inferInsert, 'displayName' | 'passwordHash' | 'active'>>) {
  if (Object.keys(set).length) await db.update(users).set(set).where(and(eq(users.jurisdictionId, jurisdictionId), eq(users.id, id)));
}

export async function replaceUserRoles(db: Executor, jurisdictionId: string, userId: string, roles: readonly { role: string; unitId: string }[]) {
  await db.delete(userRoles).where(and(eq(userRoles.jurisdictionId, jurisdictionId), eq(userRoles.userId, userId)));
  const unique = [...new Map(roles.map((r) => [`${r.role}@${r.unitId}`, r])).values()];
  if (unique.length) await db.insert(userRoles).values(unique.map((r) => ({ jurisdictionId, userId, role: r.role, unitId: r.unitId })));
}

export async function listCategories(db: Executor, jurisdictionId: string) {
  return db.select().from(categories).where(eq(categories.jurisdictionId, jurisdictionId)).orderBy(asc(categories.level), asc(categories.key));
}

export async function insertCategory(db: Executor, row: typeof categories.$inferInsert) {
  await db.insert(categories).values(row);
}

/** A category whether active or not (reference.findCategory sees active ones only). */
export async function findAnyCategory(db: Executor, jurisdictionId: string, id: string) {
  const [row] = await db.select().from(categories).where(and(eq(categories.jurisdictionId, jurisdictionId), eq(categories.id, id))).limit(1);
  return row ?? null;
}

export async function updateCategoryRow(db: Executor, jurisdictionId: string, id: string, set: Partial<Pick<typeof categories.$inferInsert,
  'name' | 'parentId' | 'defaultKind' | 'defaultUnitId' | 'open311Code' | 'keywords' | 'active'>>) {
  if (Object.keys(set).length) await db.update(categories).set(set).where(and(eq(categories.jurisdictionId, jurisdictionId), eq(categories.id, id)));
}

/** Deactivate several categories at once (a branch of the tree). */
export async function deactivateCategories(db: Executor, jurisdictionId: string, ids: readonly string[]) {
  if (ids.length) await db.update(categories).set({ active: false }).where(and(eq(categories.jurisdictionId, jurisdictionId), inArray(categories.id, [...ids])));
}

/** Shift the level of a moved category and its descendants. */
export async function shiftCategoryLevels(db: Executor, jurisdictionId: string, ids: readonly string[], delta: number) {
  if (!ids.length || delta === 0) return;
  await db.update(categories).set({ level: sql`${categories.level} + ${sql.raw(String(Math.trunc(delta)))}` })
    .where(and(eq(categories.jurisdictionId, jurisdictionId), inArray(categories.id, [...ids])));
}

export async function listAreas(db: Executor, jurisdictionId: string, parentCode?: string, namePart?: string) {
  const where = [eq(areas.jurisdictionId, jurisdictionId)];
  if (parentCode) where.push(eq(areas.parentCode, parentCode));
  if (namePart) where.push(like(areas.name, `%${namePart.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db.select().from(areas).where(and(...where)).orderBy(asc(areas.code)).limit(500);
}

export async function upsertCalendarOverride(db: Executor, row: typeof calendarOverrides.$inferInsert) {
  await db.insert(calendarOverrides).values(row).onConflictDoUpdate({
    target: [calendarOverrides.jurisdictionId, calendarOverrides.date], set: { kind: row.kind, name: row.name, createdBy: row.createdBy },
  });
}

export async function deleteCalendarOverride(db: Executor, jurisdictionId: string, date: string) {
  const rows = await db.delete(calendarOverrides).where(and(eq(calendarOverrides.jurisdictionId, jurisdictionId), eq(calendarOverrides.date, date))).returning();
  return rows.length > 0;
}

/** Append to the configuration/reveal audit log (never holds the revealed values themselves). */
export async function writeAudit(db: Executor, row: Omit<typeof auditLog.$inferInsert, 'id'>) {
  await db.insert(auditLog).values({ ...row, id: newId() });
}

export async function updateJurisdictionSettings(db: Executor, jurisdictionId: string, settings: Record<string, unknown>) {
  await db.update(jurisdictions).set({ settings }).where(eq(jurisdictions.id, jurisdictionId));
}

export async function updatePolicyClocks(db: Executor, jurisdictionId: string, id: string, clocks: unknown): Promise<boolean> {
  const rows = await db.update(deadlinePolicies).set({ clocks, updatedAt: new Date() })
    .where(and(eq(deadlinePolicies.jurisdictionId, jurisdictionId), eq(deadlinePolicies.id, id))).returning({ id: deadlinePolicies.id });
  return rows.length === 1;
}

/** Add an area; false when the code is already taken (the primary key decides, so two admins cannot both add it). */
export async function insertArea(db: Executor, row: typeof areas.$inferInsert): Promise<boolean> {
  const rows = await db.insert(areas).values(row).onConflictDoNothing().returning({ code: areas.code });
  return rows.length === 1;
}

export async function renameAreaRow(db: Executor, jurisdictionId: string, code: string, names: { name: string; shortName: string }) {
  await db.update(areas).set(names).where(and(eq(areas.jurisdictionId, jurisdictionId), eq(areas.code, code)));
}
