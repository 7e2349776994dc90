import { and, asc, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../connection';
import {
  areas, communityFileRevisions, communityFileSections, disputeRevisits, disputeSteps, disputeWarnings, disputes, informationOfficers, screeningReturns,
  screeningRounds, unitAreas, units, warningReports, workPosts,
} from '../schema';

/** Reads and writes of the grassroots network, community files (居情档案) and the dispute register (矛盾纠纷). */

export type WorkPostRow = typeof workPosts.$inferSelect;
export type InformationOfficerRow = typeof informationOfficers.$inferSelect;
export type WarningReportRow = typeof warningReports.$inferSelect;
export type FileSectionRow = typeof communityFileSections.$inferSelect;
export type FileRevisionRow = typeof communityFileRevisions.$inferSelect;
export type DisputeRow = typeof disputes.$inferSelect;
export type DisputeStepRow = typeof disputeSteps.$inferSelect;
export type DisputeRevisitRow = typeof disputeRevisits.$inferSelect;
export type DisputeWarningRow = typeof disputeWarnings.$inferSelect;
export type ScreeningRoundRow = typeof screeningRounds.$inferSelect;
export type ScreeningReturnRow = typeof screeningReturns.$inferSelect;

// Reference: streets, their offices and communities ---------------------------------------------------------------

/** Active street offices and departments with their path and served area codes. */
export async function networkUnits(db: Executor, jurisdictionId: string) {
  const rows = await db.select({ id: units.id, name: units.name, shortName: units.shortName, kind: units.kind, path: units.path, areaCode: unitAreas.areaCode })
    .from(units).leftJoin(unitAreas, and(eq(unitAreas.jurisdictionId, units.jurisdictionId), eq(unitAreas.unitId, units.id)))
    .where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.active, true), inArray(units.kind, ['street_office', 'department', 'community_station'])))
    .orderBy(asc(units.path));
  const byId = new Map<string, { id: string; name: string; shortName: string; kind: string; path: string[]; areaCodes: string[] }>();
  for (const r of rows) {
    const u = byId.get(r.id) ?? { id: r.id, name: r.name, shortName: r.shortName, kind: r.kind, path: r.path, areaCodes: [] };
    if (r.areaCode) u.areaCodes.push(r.areaCode);
    byId.set(r.id, u);
  }
  return [...byId.values()];
}

/** Communities (level 'community') under the given street codes, by code. */
export async function communitiesOf(db: Executor, jurisdictionId: string, streetCodes: readonly string[]) {
  if (!streetCodes.length) return [];
  return db.select({ code: areas.code, name: areas.shortName, parentCode: areas.parentCode }).from(areas)
    .where(and(eq(areas.jurisdictionId, jurisdictionId), eq(areas.level, 'community'), inArray(areas.parentCode, [...streetCodes])))
    .orderBy(asc(areas.code)).limit(5000);
}

// 工作站 / 工作室 ----------------------------------------------------------------------------------------------------

export async function listWorkPosts(db: Executor, jurisdictionId: string): Promise<WorkPostRow[]> {
  return db.select().from(workPosts).where(eq(workPosts.jurisdictionId, jurisdictionId)).orderBy(asc(workPosts.kind), asc(workPosts.name)).limit(5000);
}

export async function findWorkPost(db: Executor, jurisdictionId: string, id: string): Promise<WorkPostRow | null> {
  const [row] = await db.select().from(workPosts).where(and(eq(workPosts.jurisdictionId, jurisdictionId), eq(workPosts.id, id))).limit(1);
  return row ?? null;
}

/** Insert a post; false when the unit already has a station or the community a room. */
export async function insertWorkPost(db: Executor, row: typeof workPosts.$inferInsert): Promise<boolean> {
  const rows = await db.insert(workPosts).values(row).onConflictDoNothing().returning({ id: workPosts.id });
  return rows.length === 1;
}

export type WorkPostChanges = Partial<Pick<WorkPostRow, 'name' | 'head' | 'staffCount' | 'requirementsMet' | 'note' | 'updatedBy' | 'updatedAt'>>;
export async function updateWorkPost(db: Executor, jurisdictionId: string, id: string, changes: WorkPostChanges): Promise<void> {
  await db.update(workPosts).set(changes).where(and(eq(workPosts.jurisdictionId, jurisdictionId), eq(workPosts.id, id)));
}

// 信息员 ----------------------------------------------------------------------------------------------------------

export async function listOfficers(db: Executor, jurisdictionId: string): Promise<InformationOfficerRow[]> {
  return db.select().from(informationOfficers).where(and(eq(informationOfficers.jurisdictionId, jurisdictionId), eq(informationOfficers.active, true)))
    .orderBy(asc(informationOfficers.unitId), asc(informationOfficers.level), asc(informationOfficers.createdAt)).limit(10000);
}

export async function findOfficer(db: Executor, jurisdictionId: string, id: string): Promise<InformationOfficerRow | null> {
  const [row] = await db.select().from(informationOfficers).where(and(eq(informationOfficers.jurisdictionId, jurisdictionId), eq(informationOfficers.id, id))).limit(1);
  return row ?? null;
}

export async function insertOfficer(db: Executor, row: typeof informationOfficers.$inferInsert): Promise<void> {
  await db.insert(informationOfficers).values(row);
}

export async function deactivateOfficer(db: Executor, jurisdictionId: string, id: string): Promise<void> {
  await db.update(informationOfficers).set({ active: false }).where(and(eq(informationOfficers.jurisdictionId, jurisdictionId), eq(informationOfficers.id, id)));
}

// 信息预警 reports ------------------------------------------------------------------------------------------------

export async function insertWarningReport(db: Executor, row: typeof warningReports.$inferInsert): Promise<void> {
  await db.insert(warningReports).values(row);
}

export async function findWarningReport(db: Executor, jurisdictionId: string, id: string): Promise<WarningReportRow | null> {
  const [row] = await db.select().from(warningReports).where(and(eq(warningReports.jurisdictionId, jurisdictionId), eq(warningReports.id, id))).limit(1);
  return row ?? null;
}

export async function listWarningReports(db: Executor, jurisdictionId: string): Promise<WarningReportRow[]> {
  return db.select().from(warningReports).where(eq(warningReports.jurisdictionId, jurisdictionId)).orderBy(desc(warningReports.filedAt)).limit(1000);
}

/** Settle a pending report; false when someone settled it first (one outcome per report). */
export async function settleWarningReport(db: Executor, jurisdictionId: string, id: string, set: Pick<WarningReportRow, 'status' | 'handledBy' | 'handledAt'> & Partial<Pick<WarningReportRow, 'disputeId' | 'appealId'>>): Promise<boolean> {
  const rows = await db.update(warningReports).set(set)
    .where(and(eq(warningReports.jurisdictionId, jurisdictionId), eq(warningReports.id, id), eq(warningReports.status, 'pending'))).returning({ id: warningReports.id });
  return rows.length === 1;
}

// 居情档案 ---------------------------------------------------------------------------------------------------------

export async function listFileSections(db: Executor, jurisdictionId: string, areaCodes?: readonly string[]): Promise<FileSectionRow[]> {
  if (areaCodes && !areaCodes.length) return [];
  return db.select().from(communityFileSections)
    .where(and(eq(communityFileSections.jurisdictionId, jurisdictionId), areaCodes ? inArray(communityFileSections.areaCode, [...areaCodes]) : undefined))
    .orderBy(asc(communityFileSections.areaCode), asc(communityFileSections.section)).limit(50000);
}

/** Write a section's new text as the next version, with its history row, in the caller's transaction. */
export async function writeFileSection(db: Executor, row: { jurisdictionId: string; areaCode: string; section: string; content: string; userId: string; at: Date }): Promise<number> {
  const [cur] = await db.select({ version: communityFileSections.version }).from(communityFileSections)
    .where(and(eq(communityFileSections.jurisdictionId, row.jurisdictionId), eq(communityFileSections.areaCode, row.areaCode), eq(communityFileSections.section, row.section))).for('update');
  const version = (cur?.version ?? 0) + 1;
  await db.insert(communityFileSections).values({ jurisdictionId: row.jurisdictionId, areaCode: row.areaCode, section: row.section, content: row.content, version, updatedBy: row.userId, updatedAt: row.at })
    .onConflictDoUpdate({ target: [communityFileSections.jurisdictionId, communityFileSections.areaCode, communityFileSections.section], set: { content: row.content, version, updatedBy: row.userId, updatedAt: row.at } });
  await db.insert(communityFileRevisions).values({ jurisdictionId: row.jurisdictionId, areaCode: row.areaCode, section: row.section, version, content: row.content, authorUserId: row.userId, at: row.at });
  return version;
}

export async function fileHistory(db: Executor, jurisdictionId: string, areaCode: string): Promise<FileRevisionRow[]> {
  return db.select().from(communityFileRevisions).where(and(eq(communityFileRevisions.jurisdictionId, jurisdictionId), eq(communityFileRevisions.areaCode, areaCode)))
    .orderBy(asc(communityFileRevisions.section), desc(communityFileRevisions.version)).limit(2000);
}

// 矛盾纠纷 ---------------------------------------------------------------------------------------------------------

export async function insertDispute(db: Executor, row: typeof disputes.$inferInsert): Promise<void> {
  await db.insert(disputes).values(row);
}

export async function findDispute(db: Executor, jurisdictionId: string, id: string): Promise<DisputeRow | null> {
  const [row] = await db.select().from(disputes).where(and(eq(disputes.jurisdictionId, jurisdictionId), eq(disputes.id, id))).limit(1);
  return row ?? null;
}

export async function listDisputes(db: Executor, jurisdictionId: string, f: { status?: string | undefined; riskLevel?: string | undefined } = {}): Promise<DisputeRow[]> {
  return db.select().from(disputes).where(and(eq(disputes.jurisdictionId, jurisdictionId), f.status ? eq(disputes.status, f.status) : undefined, f.riskLevel ? eq(disputes.riskLevel, f.riskLevel) : undefined))
    .orderBy(desc(disputes.reportedAt)).limit(2000);
}

/** Move a dispute from `from` to `to`; false when its status changed meanwhile. */
export async function moveDispute(db: Executor, jurisdictionId: string, id: string, from: string, set: Partial<Pick<DisputeRow, 'status' | 'outcome' | 'resolvedAt' | 'riskLevel'>>): Promise<boolean> {
  const rows = await db.update(disputes).set(set).where(and(eq(disputes.jurisdictionId, jurisdictionId), eq(disputes.id, id), eq(disputes.status, from))).returning({ id: disputes.id });
  return rows.length === 1;
}

export async function insertDisputeStep(db: Executor, row: typeof disputeSteps.$inferInsert): Promise<void> {
  await db.insert(disputeSteps).values(row);
}

export async function stepsOfDisputes(db: Executor, jurisdictionId: string, ids: readonly string[]): Promise<DisputeStepRow[]> {
  if (!ids.length) return [];
  return db.select().from(disputeSteps).where(and(eq(disputeSteps.jurisdictionId, jurisdictionId), inArray(disputeSteps.disputeId, [...ids]))).orderBy(asc(disputeSteps.at), asc(disputeSteps.id));
}

/** Raise the dispute's warning once; false when it already has one. */
export async function raiseDisputeWarning(db: Executor, row: typeof disputeWarnings.$inferInsert): Promise<boolean> {
  const rows = await db.insert(disputeWarnings).values(row).onConflictDoNothing().returning({ id: disputeWarnings.id });
  return rows.length === 1;
}

export async function listDisputeWarnings(db: Executor, jurisdictionId: string, openOnly: boolean) {
  return db.select({ warning: disputeWarnings, dispute: disputes }).from(disputeWarnings)
    .innerJoin(disputes, and(eq(disputes.jurisdictionId, disputeWarnings.jurisdictionId), eq(disputes.id, disputeWarnings.disputeId)))
    .where(and(eq(disputeWarnings.jurisdictionId, jurisdictionId), openOnly ? isNull(disputeWarnings.acknowledgedAt) : undefined))
    .orderBy(desc(disputeWarnings.raisedAt)).limit(500);
}

export async function acknowledgeDisputeWarning(db: Executor, jurisdictionId: string, id: string, by: string, at: Date): Promise<boolean> {
  const rows = await db.update(disputeWarnings).set({ acknowledgedBy: by, acknowledgedAt: at })
    .where(and(eq(disputeWarnings.jurisdictionId, jurisdictionId), eq(disputeWarnings.id, id), isNull(disputeWarnings.acknowledgedAt))).returning({ id: disputeWarnings.id });
  return rows.length === 1;
}

// 回访 -------------------------------------------------------------------------------------------------------------

/** Resolved disputes resolved on or before `before` (candidates for due revisits). */
export async function resolvedDisputes(db: Executor, jurisdictionId: string, before: Date): Promise<DisputeRow[]> {
  return db.select().from(disputes).where(and(eq(disputes.jurisdictionId, jurisdictionId), eq(disputes.status, 'resolved'), lte(disputes.resolvedAt, before))).limit(10000);
}

/** Insert a due revisit; false when it already exists (the job runs idempotently). */
export async function insertRevisit(db: Executor, row: typeof disputeRevisits.$inferInsert): Promise<boolean> {
  const rows = await db.insert(disputeRevisits).values(row).onConflictDoNothing().returning({ seq: disputeRevisits.seq });
  return rows.length === 1;
}

export async function revisitsOfDisputes(db: Executor, jurisdictionId: string, ids: readonly string[]): Promise<DisputeRevisitRow[]> {
  if (!ids.length) return [];
  return db.select().from(disputeRevisits).where(and(eq(disputeRevisits.jurisdictionId, jurisdictionId), inArray(disputeRevisits.disputeId, [...ids]))).orderBy(asc(disputeRevisits.seq));
}

export async function openRevisits(db: Executor, jurisdictionId: string) {
  return db.select({ revisit: disputeRevisits, dispute: disputes }).from(disputeRevisits)
    .innerJoin(disputes, and(eq(disputes.jurisdictionId, disputeRevisits.jurisdictionId), eq(disputes.id, disputeRevisits.disputeId)))
    .where(and(eq(disputeRevisits.jurisdictionId, jurisdictionId), isNull(disputeRevisits.doneAt))).orderBy(asc(disputeRevisits.dueDate)).limit(1000);
}

/** Record a revisit; false when it was recorded already. */
export async function completeRevisit(db: Executor, jurisdictionId: string, disputeId: string, seq: number, set: { doneAt: Date; doneBy: string; finding: string; note: string }): Promise<boolean> {
  const rows = await db.update(disputeRevisits).set(set)
    .where(and(eq(disputeRevisits.jurisdictionId, jurisdictionId), eq(disputeRevisits.disputeId, disputeId), eq(disputeRevisits.seq, seq), isNull(disputeRevisits.doneAt))).returning({ seq: disputeRevisits.seq });
  return rows.length === 1;
}

// 排查 rounds ------------------------------------------------------------------------------------------------------

export async function insertScreeningRound(db: Executor, row: typeof screeningRounds.$inferInsert): Promise<void> {
  await db.insert(screeningRounds).values(row);
}

export async function listScreeningRounds(db: Executor, jurisdictionId: string): Promise<ScreeningRoundRow[]> {
  return db.select().from(screeningRounds).where(eq(screeningRounds.jurisdictionId, jurisdictionId)).orderBy(desc(screeningRounds.periodStart), desc(screeningRounds.createdAt)).limit(200);
}

export async function findScreeningRound(db: Executor, jurisdictionId: string, id: string): Promise<ScreeningRoundRow | null> {
  const [row] = await db.select().from(screeningRounds).where(and(eq(screeningRounds.jurisdictionId, jurisdictionId), eq(screeningRounds.id, id))).limit(1);
  return row ?? null;
}

/** A street's return for a round; false when it already returned. */
export async function insertScreeningReturn(db: Executor, row: typeof screeningReturns.$inferInsert): Promise<boolean> {
  const rows = await db.insert(screeningReturns).values(row).onConflictDoNothing().returning({ unitId: screeningReturns.unitId });
  return rows.length === 1;
}

export async function returnsOfRounds(db: Executor, jurisdictionId: string, ids: readonly string[]): Promise<ScreeningReturnRow[]> {
  if (!ids.length) return [];
  return db.select().from(screeningReturns).where(and(eq(screeningReturns.jurisdictionId, jurisdictionId), inArray(screeningReturns.roundId, [...ids]))).orderBy(asc(screeningReturns.returnedAt));
}
