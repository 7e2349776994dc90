import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { appealEvents, appeals, receptionSchedules, caseOwnerships, caseProgress, diaryEntries, dutyShifts, dutySwaps, receptionMatters, receptionRuleOccurrences, receptionRules, receptionSessions, userRoles, users } from '../schema';

/** Reads and writes of the mass-work registry (群众工作台账): roster, receptions, 包案 and 民情日记. */

export type DutyShiftRow = typeof dutyShifts.$inferSelect;
export type DutySwapRow = typeof dutySwaps.$inferSelect;
export type ReceptionRuleRow = typeof receptionRules.$inferSelect;
export type ReceptionSessionRow = typeof receptionSessions.$inferSelect;
export type ReceptionMatterRow = typeof receptionMatters.$inferSelect;
export type CaseOwnershipRow = typeof caseOwnerships.$inferSelect;
export type CaseProgressRow = typeof caseProgress.$inferSelect;
export type DiaryEntryRow = typeof diaryEntries.$inferSelect;

/** Active staff with their roles (names for rosters, leaders for diaries and receptions). */
export async function listStaffWithRoles(db: Executor, jurisdictionId: string) {
  const rows = await db.select({ id: users.id, displayName: users.displayName, role: userRoles.role, unitId: userRoles.unitId })
    .from(users).innerJoin(userRoles, and(eq(userRoles.jurisdictionId, users.jurisdictionId), eq(userRoles.userId, users.id)))
    .where(and(eq(users.jurisdictionId, jurisdictionId), eq(users.active, true))).orderBy(asc(users.username));
  const byId = new Map<string, { id: string; displayName: string; roles: { role: string; unitId: string }[] }>();
  for (const r of rows) {
    const u = byId.get(r.id) ?? { id: r.id, displayName: r.displayName, roles: [] };
    u.roles.push({ role: r.role, unitId: r.unitId });
    byId.set(r.id, u);
  }
  return [...byId.values()];
}

// 值班 roster ---------------------------------------------------------------------------------------------------

export async function listShifts(db: Executor, jurisdictionId: string, from: Date, to: Date): Promise<DutyShiftRow[]> {
  return db.select().from(dutyShifts)
    .where(and(eq(dutyShifts.jurisdictionId, jurisdictionId), lt(dutyShifts.startsAt, to), gte(dutyShifts.endsAt, from)))
    .orderBy(asc(dutyShifts.startsAt), asc(dutyShifts.post)).limit(2000);
}

export async function findShift(db: Executor, jurisdictionId: string, id: string): Promise<DutyShiftRow | null> {
  const [row] = await db.select().from(dutyShifts).where(and(eq(dutyShifts.jurisdictionId, jurisdictionId), eq(dutyShifts.id, id))).limit(1);
  return row ?? null;
}

export async function insertShift(db: Executor, row: typeof dutyShifts.$inferInsert): Promise<void> {
  await db.insert(dutyShifts).values(row);
}

export type ShiftChanges = Partial<Pick<DutyShiftRow, 'post' | 'startsAt' | 'endsAt' | 'aUserId' | 'bUserId' | 'note'>>;
export async function updateShift(db: Executor, jurisdictionId: string, id: string, changes: ShiftChanges): Promise<void> {
  await db.update(dutyShifts).set(changes).where(and(eq(dutyShifts.jurisdictionId, jurisdictionId), eq(dutyShifts.id, id)));
}

export async function insertSwap(db: Executor, row: typeof dutySwaps.$inferInsert): Promise<void> {
  await db.insert(dutySwaps).values(row);
}

export async function findSwap(db: Executor, jurisdictionId: string, id: string): Promise<DutySwapRow | null> {
  const [row] = await db.select().from(dutySwaps).where(and(eq(dutySwaps.jurisdictionId, jurisdictionId), eq(dutySwaps.id, id))).limit(1);
  return row ?? null;
}

export async function listSwaps(db: Executor, jurisdictionId: string, status?: string): Promise<DutySwapRow[]> {
  const where = status ? and(eq(dutySwaps.jurisdictionId, jurisdictionId), eq(dutySwaps.status, status)) : eq(dutySwaps.jurisdictionId, jurisdictionId);
  return db.select().from(dutySwaps).where(where).orderBy(desc(dutySwaps.requestedAt)).limit(200);
}

/** Decide a pending swap; false when someone decided it first (only one decision wins). */
export async function decideSwap(db: Executor, jurisdictionId: string, id: string, status: 'approved' | 'rejected', by: string, at: Date): Promise<boolean> {
  const rows = await db.update(dutySwaps).set({ status, decidedBy: by, decidedAt: at })
    .where(and(eq(dutySwaps.jurisdictionId, jurisdictionId), eq(dutySwaps.id, id), eq(dutySwaps.status, 'pending'))).returning({ id: dutySwaps.id });
  return rows.length === 1;
}

// 首问负责 first inquiry ------------------------------------------------------------------------------------------

/** The registration event's actor (the first receiver) and the appeal's state. */
export async function firstReceiverOf(db: Executor, jurisdictionId: string, appealId: string) {
  const [row] = await db.select({
    appealId: appeals.id, number: appeals.number, status: appeals.status, ownerUnitId: appeals.ownerUnitId, leadUnitId: appeals.leadUnitId, accusedUnitId: appeals.accusedUnitId,
    receiverUserId: appealEvents.actorUserId, receiverRole: appealEvents.actorRole, receivedAt: appealEvents.occurredAt,
  }).from(appeals).innerJoin(appealEvents, and(eq(appealEvents.jurisdictionId, appeals.jurisdictionId), eq(appealEvents.appealId, appeals.id), eq(appealEvents.seq, 1)))
    .where(and(eq(appeals.jurisdictionId, jurisdictionId), eq(appeals.id, appealId))).limit(1);
  return row ?? null;
}

/** Appeals a user received first and that are not dispatched yet: they stay accountable for them (首问负责). */
export async function openFirstInquiries(db: Executor, jurisdictionId: string, userId: string) {
  return db.select({ appealId: appeals.id, number: appeals.number, title: appeals.title, status: appeals.status, receivedAt: appealEvents.occurredAt })
    .from(appeals).innerJoin(appealEvents, and(eq(appealEvents.jurisdictionId, appeals.jurisdictionId), eq(appealEvents.appealId, appeals.id), eq(appealEvents.seq, 1)))
    .where(and(eq(appeals.jurisdictionId, jurisdictionId), eq(appealEvents.actorUserId, userId), inArray(appeals.status, ['registered', 'accepted'])))
    .orderBy(asc(appealEvents.occurredAt)).limit(200);
}

// 领导接访 receptions --------------------------------------------------------------------------------------------

export async function insertReceptionRule(db: Executor, row: typeof receptionRules.$inferInsert): Promise<void> {
  await db.insert(receptionRules).values(row);
}

export async function listReceptionRules(db: Executor, jurisdictionId: string, activeOnly = false): Promise<ReceptionRuleRow[]> {
  const where = activeOnly ? and(eq(receptionRules.jurisdictionId, jurisdictionId), eq(receptionRules.active, true)) : eq(receptionRules.jurisdictionId, jurisdictionId);
  return db.select().from(receptionRules).where(where).orderBy(asc(receptionRules.createdAt)).limit(500);
}

export async function findReceptionRule(db: Executor, jurisdictionId: string, id: string): Promise<ReceptionRuleRow | null> {
  const [row] = await db.select().from(receptionRules).where(and(eq(receptionRules.jurisdictionId, jurisdictionId), eq(receptionRules.id, id))).limit(1);
  return row ?? null;
}

export async function setReceptionRuleActive(db: Executor, jurisdictionId: string, id: string, active: boolean): Promise<void> {
  await db.update(receptionRules).set({ active }).where(and(eq(receptionRules.jurisdictionId, jurisdictionId), eq(receptionRules.id, id)));
}

/** Claim a rule's date; false when an earlier expansion already made its schedule row. */
export async function claimRuleOccurrence(db: Executor, row: typeof receptionRuleOccurrences.$inferInsert): Promise<boolean> {
  const rows = await db.insert(receptionRuleOccurrences).values(row).onConflictDoNothing().returning({ date: receptionRuleOccurrences.date });
  return rows.length === 1;
}

export async function occurrencesOfRule(db: Executor, jurisdictionId: string, ruleId: string, fromDate: string) {
  return db.select().from(receptionRuleOccurrences)
    .where(and(eq(receptionRuleOccurrences.jurisdictionId, jurisdictionId), eq(receptionRuleOccurrences.ruleId, ruleId), gte(receptionRuleOccurrences.date, fromDate)));
}

export async function insertReceptionSession(db: Executor, row: typeof receptionSessions.$inferInsert): Promise<void> {
  await db.insert(receptionSessions).values(row);
}

export async function listReceptionSessions(db: Executor, jurisdictionId: string, limit = 200): Promise<ReceptionSessionRow[]> {
  return db.select().from(receptionSessions).where(eq(receptionSessions.jurisdictionId, jurisdictionId)).orderBy(desc(receptionSessions.heldAt)).limit(limit);
}

export async function findReceptionSession(db: Executor, jurisdictionId: string, id: string): Promise<ReceptionSessionRow | null> {
  const [row] = await db.select().from(receptionSessions).where(and(eq(receptionSessions.jurisdictionId, jurisdictionId), eq(receptionSessions.id, id))).limit(1);
  return row ?? null;
}

export async function insertReceptionMatter(db: Executor, row: typeof receptionMatters.$inferInsert): Promise<void> {
  await db.insert(receptionMatters).values(row);
}

/** The matters of sessions with their appeals' state, reply and closure (reported back to the leader). */
export async function mattersOfSessions(db: Executor, jurisdictionId: string, sessionIds: readonly string[]) {
  if (!sessionIds.length) return [];
  return db.select({
    matter: receptionMatters,
    appeal: { number: appeals.number, status: appeals.status, leadUnitId: appeals.leadUnitId, reply: appeals.reply, closedAt: appeals.closedAt },
  }).from(receptionMatters)
    .innerJoin(appeals, and(eq(appeals.jurisdictionId, receptionMatters.jurisdictionId), eq(appeals.id, receptionMatters.appealId)))
    .where(and(eq(receptionMatters.jurisdictionId, jurisdictionId), inArray(receptionMatters.sessionId, [...sessionIds])))
    .orderBy(asc(receptionMatters.createdAt), asc(receptionMatters.id));
}

// 包案 case ownership ---------------------------------------------------------------------------------------------

export async function insertCaseOwnership(db: Executor, row: typeof caseOwnerships.$inferInsert): Promise<void> {
  await db.insert(caseOwnerships).values(row);
}

export async function listCaseOwnerships(db: Executor, jurisdictionId: string): Promise<CaseOwnershipRow[]> {
  return db.select().from(caseOwnerships).where(eq(caseOwnerships.jurisdictionId, jurisdictionId)).orderBy(asc(caseOwnerships.status), desc(caseOwnerships.startedAt)).limit(500);
}

export async function findCaseOwnership(db: Executor, jurisdictionId: string, id: string): Promise<CaseOwnershipRow | null> {
  const [row] = await db.select().from(caseOwnerships).where(and(eq(caseOwnerships.jurisdictionId, jurisdictionId), eq(caseOwnerships.id, id))).limit(1);
  return row ?? null;
}

export async function resolveCaseOwnership(db: Executor, jurisdictionId: string, id: string, at: Date): Promise<void> {
  await db.update(caseOwnerships).set({ status: 'resolved', resolvedAt: at }).where(and(eq(caseOwnerships.jurisdictionId, jurisdictionId), eq(caseOwnerships.id, id)));
}

export async function insertCaseProgress(db: Executor, row: typeof caseProgress.$inferInsert): Promise<void> {
  await db.insert(caseProgress).values(row);
}

export async function progressOfCases(db: Executor, jurisdictionId: string, caseIds: readonly string[]): Promise<CaseProgressRow[]> {
  if (!caseIds.length) return [];
  return db.select().from(caseProgress).where(and(eq(caseProgress.jurisdictionId, jurisdictionId), inArray(caseProgress.caseId, [...caseIds]))).orderBy(asc(caseProgress.at));
}

// 民情日记 people's diaries ---------------------------------------------------------------------------------------

export async function insertDiaryEntry(db: Executor, row: typeof diaryEntries.$inferInsert): Promise<void> {
  await db.insert(diaryEntries).values(row);
}

/** Entries whose visit date lies in [fromDate, toDate] ('YYYY-MM-DD'), newest visit first. */
export async function listDiaryEntries(db: Executor, jurisdictionId: string, fromDate: string, toDate: string): Promise<DiaryEntryRow[]> {
  return db.select().from(diaryEntries)
    .where(and(eq(diaryEntries.jurisdictionId, jurisdictionId), gte(diaryEntries.visitDate, fromDate), sql`${diaryEntries.visitDate} <= ${toDate}`))
    .orderBy(desc(diaryEntries.visitDate), desc(diaryEntries.createdAt)).limit(2000);
}

export async function findDiaryEntry(db: Executor, jurisdictionId: string, id: string): Promise<DiaryEntryRow | null> {
  const [row] = await db.select().from(diaryEntries).where(and(eq(diaryEntries.jurisdictionId, jurisdictionId), eq(diaryEntries.id, id))).limit(1);
  return row ?? null;
}

/** Link the appeal a need became; false when the entry was already converted (one appeal per entry). */
export async function linkDiaryAppeal(db: Executor, jurisdictionId: string, id: string, appealId: string): Promise<boolean> {
  const rows = await db.update(diaryEntries).set({ appealId })
    .where(and(eq(diaryEntries.jurisdictionId, jurisdictionId), eq(diaryEntries.id, id), isNull(diaryEntries.appealId))).returning({ id: diaryEntries.id });
  return rows.length === 1;
}

/** Active reception schedules starting in [from, to) (the month's coverage of 领导接访). */
export async function schedulesBetween(db: Executor, jurisdictionId: string, from: Date, to: Date) {
  return db.select().from(receptionSchedules)
    .where(and(eq(receptionSchedules.jurisdictionId, jurisdictionId), eq(receptionSchedules.active, true), gte(receptionSchedules.startsAt, from), lt(receptionSchedules.startsAt, to)))
    .orderBy(asc(receptionSchedules.startsAt)).limit(5000);
}
