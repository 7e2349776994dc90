import { and, asc, eq, like } from 'drizzle-orm';
import type { Executor } from '../connection';
import { areas, auditLog, calendarOverrides, categories, deadlinePolicies, jurisdictions, unitAreas, units, userRoles, users } from '../schema';
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

export async function listCategories(db: Executor, jurisdictionId: string) {
  return db.select().from(categories).where(eq(categories.jurisdictionId, jurisdictionId)).orderBy(asc(categories.level), asc(categories.key));
}

export async function insertCategory(db: Executor, row: typeof categories.$inferInsert) {
  await db.insert(categories).values(row);
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
