import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/**
 * 群众工作台账 (issue 8), modules 3, 4 and 6: the grassroots network (工作站, 工作室, 信息员), community files
 * (居情档案) and dispute screening and early warning (矛盾纠纷排查预警). Every table is keyed by jurisdiction first.
 */

/** A work station (工作站, of a street office or department unit) or a work room (工作室, of a community area). */
export const workPosts = pgTable('work_posts', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  kind: text('kind').notNull(),
  unitId: text('unit_id'),
  areaCode: text('area_code'),
  name: text('name').notNull(),
  head: text('head').notNull().default(''),
  staffCount: integer('staff_count').notNull().default(0),
  /** Items of the settings' 五有 / 四有一要 list this post meets. */
  requirementsMet: jsonb('requirements_met').notNull().default(sql`'[]'::jsonb`),
  note: text('note').notNull().default(''),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('work_posts_station_idx').on(t.jurisdictionId, t.unitId).where(sql`kind = 'station'`),
  uniqueIndex('work_posts_room_idx').on(t.jurisdictionId, t.areaCode).where(sql`kind = 'room'`),
  check('work_posts_kind_check', sql`(${t.kind} = 'station' AND ${t.unitId} IS NOT NULL) OR (${t.kind} = 'room' AND ${t.areaCode} IS NOT NULL)`),
  check('work_posts_staff_check', sql`${t.staffCount} >= 0`),
]);

/** 群众工作信息员: a cadre at a street, department, community or school; the phone is encrypted. */
export const informationOfficers = pgTable('information_officers', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  level: text('level').notNull(),
  /** The street office or department the officer reports to (a community's or school's street). */
  unitId: text('unit_id').notNull(),
  areaCode: text('area_code'),
  orgName: text('org_name').notNull().default(''),
  name: text('name').notNull(),
  phoneEnc: text('phone_enc'),
  userId: text('user_id'),
  active: boolean('active').notNull().default(true),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('information_officers_unit_idx').on(t.jurisdictionId, t.unitId),
  check('information_officers_level_check', sql`${t.level} IN ('street', 'department', 'community', 'school')`),
]);

/** An officer's early-warning report (信息预警); it becomes a dispute or an appeal, or is dismissed. */
export const warningReports = pgTable('warning_reports', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  officerId: text('officer_id').notNull(),
  unitId: text('unit_id').notNull(),
  areaCode: text('area_code'),
  content: text('content').notNull(),
  riskLevel: text('risk_level').notNull(),
  status: text('status').notNull().default('pending'),
  disputeId: text('dispute_id'),
  appealId: text('appeal_id'),
  filedBy: text('filed_by').notNull(),
  filedAt: ts('filed_at').notNull(),
  handledBy: text('handled_by'),
  handledAt: ts('handled_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('warning_reports_status_idx').on(t.jurisdictionId, t.status, t.filedAt),
  check('warning_reports_status_check', sql`${t.status} IN ('pending', 'dispute', 'appeal', 'dismissed')`),
  check('warning_reports_risk_check', sql`${t.riskLevel} IN ('low', 'medium', 'high')`),
]);

/** 居情档案: the current text of one section of a community's file; `version` counts its revisions. */
export const communityFileSections = pgTable('community_file_sections', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  areaCode: text('area_code').notNull(),
  section: text('section').notNull(),
  content: text('content').notNull(),
  version: integer('version').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.areaCode, t.section] }),
  check('community_file_sections_section_check', sql`${t.section} IN ('party_affairs', 'major_matters', 'finances', 'land_transfers', 'family_planning', 'hardship_relief')`),
]);

/** Every revision of a file section (its history), append-only. */
export const communityFileRevisions = pgTable('community_file_revisions', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  areaCode: text('area_code').notNull(),
  section: text('section').notNull(),
  version: integer('version').notNull(),
  content: text('content').notNull(),
  authorUserId: text('author_user_id'),
  at: ts('at').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.areaCode, t.section, t.version] })]);

/** 矛盾纠纷 register: parties (encrypted), area, kind, risk, owner unit, status and outcome. */
export const disputes = pgTable('disputes', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  kind: text('kind').notNull(),
  riskLevel: text('risk_level').notNull(),
  areaCode: text('area_code'),
  ownerUnitId: text('owner_unit_id').notNull(),
  /** [{ nameEnc, phoneEnc, role }]: the parties' names and phones encrypted like citizens'. */
  parties: jsonb('parties').notNull().default(sql`'[]'::jsonb`),
  status: text('status').notNull().default('open'),
  outcome: text('outcome').notNull().default(''),
  source: text('source').notNull(),
  sourceId: text('source_id'),
  reportedAt: ts('reported_at').notNull(),
  resolvedAt: ts('resolved_at'),
  createdBy: text('created_by'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('disputes_status_idx').on(t.jurisdictionId, t.status, t.reportedAt),
  index('disputes_resolved_idx').on(t.jurisdictionId, t.resolvedAt).where(sql`status = 'resolved'`),
  check('disputes_status_check', sql`${t.status} IN ('open', 'mediating', 'resolved', 'unresolved')`),
  check('disputes_risk_check', sql`${t.riskLevel} IN ('low', 'medium', 'high')`),
  check('disputes_source_check', sql`${t.source} IN ('register', 'screening', 'officer_report')`),
]);

/** A mediation step or status change on a dispute (调解过程), append-only. */
export const disputeSteps = pgTable('dispute_steps', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  disputeId: text('dispute_id').notNull(),
  action: text('action').notNull(),
  note: text('note').notNull(),
  authorUserId: text('author_user_id'),
  at: ts('at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('dispute_steps_dispute_idx').on(t.jurisdictionId, t.disputeId, t.at),
]);

/** 回访: the job materialises each planned revisit of a resolved dispute when it comes due; staff record it. */
export const disputeRevisits = pgTable('dispute_revisits', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  disputeId: text('dispute_id').notNull(),
  seq: integer('seq').notNull(),
  dueDate: text('due_date').notNull(),
  createdAt: ts('created_at').notNull(),
  doneAt: ts('done_at'),
  doneBy: text('done_by'),
  finding: text('finding'),
  note: text('note').notNull().default(''),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.disputeId, t.seq] }),
  index('dispute_revisits_open_idx').on(t.jurisdictionId, t.dueDate).where(sql`done_at IS NULL`),
  check('dispute_revisits_finding_check', sql`${t.finding} IS NULL OR ${t.finding} IN ('stable', 'recurred')`),
]);

/** 预警: a high-risk dispute raises one warning supervisors poll and acknowledge. */
export const disputeWarnings = pgTable('dispute_warnings', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  disputeId: text('dispute_id').notNull(),
  riskLevel: text('risk_level').notNull(),
  raisedAt: ts('raised_at').notNull(),
  acknowledgedBy: text('acknowledged_by'),
  acknowledgedAt: ts('acknowledged_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('dispute_warnings_dispute_idx').on(t.jurisdictionId, t.disputeId),
  index('dispute_warnings_open_idx').on(t.jurisdictionId, t.raisedAt).where(sql`acknowledged_at IS NULL`),
]);

/** 排查: a periodic screening round; every street office returns once. */
export const screeningRounds = pgTable('screening_rounds', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  title: text('title').notNull(),
  periodStart: text('period_start').notNull(),
  periodEnd: text('period_end').notNull(),
  dueDate: text('due_date').notNull(),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  check('screening_rounds_period_check', sql`${t.periodEnd} >= ${t.periodStart}`),
]);

export const screeningReturns = pgTable('screening_returns', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  roundId: text('round_id').notNull(),
  unitId: text('unit_id').notNull(),
  disputesFound: integer('disputes_found').notNull().default(0),
  note: text('note').notNull().default(''),
  returnedBy: text('returned_by'),
  returnedAt: ts('returned_at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.roundId, t.unitId] }),
  check('screening_returns_found_check', sql`${t.disputesFound} >= 0`),
]);
