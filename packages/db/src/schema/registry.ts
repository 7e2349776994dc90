import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/**
 * 群众工作台账 (issue 8), modules 1, 2 and 5: the duty roster (值班, AB岗), leader receptions and hotline sessions
 * (领导接访, 包案) and people's diaries (民情日记). Every table is keyed by jurisdiction first.
 */

/** One post of one shift (值班岗位): A is on duty, B is the named backup (AB岗). */
export const dutyShifts = pgTable('duty_shifts', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  unitId: text('unit_id').notNull(),
  post: text('post').notNull(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  aUserId: text('a_user_id').notNull(),
  bUserId: text('b_user_id').notNull(),
  note: text('note').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('duty_shifts_time_idx').on(t.jurisdictionId, t.startsAt),
  check('duty_shifts_times_check', sql`${t.endsAt} > ${t.startsAt}`),
  check('duty_shifts_ab_check', sql`${t.aUserId} <> ${t.bUserId}`),
]);

/** 换班: a request to hand one slot of a shift to someone else; the roster changes only once approved. */
export const dutySwaps = pgTable('duty_swaps', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  shiftId: text('shift_id').notNull(),
  slot: text('slot').notNull(),
  fromUserId: text('from_user_id').notNull(),
  toUserId: text('to_user_id').notNull(),
  reason: text('reason').notNull().default(''),
  status: text('status').notNull().default('pending'),
  requestedBy: text('requested_by').notNull(),
  requestedAt: ts('requested_at').notNull(),
  decidedBy: text('decided_by'),
  decidedAt: ts('decided_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('duty_swaps_status_idx').on(t.jurisdictionId, t.status, t.requestedAt),
  check('duty_swaps_slot_check', sql`${t.slot} IN ('a', 'b')`),
  check('duty_swaps_status_check', sql`${t.status} IN ('pending', 'approved', 'rejected')`),
]);

/**
 * A recurring 领导接访 / 领导热线 schedule (e.g. the first Tuesday of every month). `recurrence` is the domain's
 * `Recurrence`; a job expands it into `reception_schedules` rows, which the portal directory publishes.
 */
export const receptionRules = pgTable('reception_rules', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  kind: text('kind').notNull(),
  unitId: text('unit_id'),
  leaderUserId: text('leader_user_id'),
  leaderName: text('leader_name').notNull(),
  leaderTitle: text('leader_title').notNull().default(''),
  recurrence: jsonb('recurrence').notNull(),
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  place: text('place').notNull().default(''),
  topic: text('topic').notNull().default(''),
  active: boolean('active').notNull().default(true),
  /** Optimistic concurrency: an edit or cancel names the version it read. */
  version: integer('version').notNull().default(1),
  /** 取消: final, unlike stopping (active = false), and says why. */
  cancelledAt: ts('cancelled_at'),
  cancelledBy: text('cancelled_by'),
  cancelReason: text('cancel_reason').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  check('reception_rules_cancel_check', sql`${t.cancelledAt} IS NULL OR (${t.active} = false AND ${t.cancelReason} <> '')`),
  check('reception_rules_kind_check', sql`${t.kind} IN ('leader_reception', 'hotline')`),
  check('reception_rules_times_check', sql`${t.endTime} > ${t.startTime}`),
]);

/** Which schedule row a rule produced for a date, so expanding twice adds nothing. */
export const receptionRuleOccurrences = pgTable('reception_rule_occurrences', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  ruleId: text('rule_id').notNull(),
  date: text('date').notNull(),
  scheduleId: text('schedule_id').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.ruleId, t.date] })]);

/** A held reception or hotline session: who received, when and where; the matters raised hang below it. */
export const receptionSessions = pgTable('reception_sessions', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  kind: text('kind').notNull(),
  ruleId: text('rule_id'),
  unitId: text('unit_id'),
  leaderUserId: text('leader_user_id').notNull(),
  heldAt: ts('held_at').notNull(),
  place: text('place').notNull().default(''),
  summary: text('summary').notNull().default(''),
  version: integer('version').notNull().default(1),
  cancelledAt: ts('cancelled_at'),
  cancelledBy: text('cancelled_by'),
  cancelReason: text('cancel_reason').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  check('reception_sessions_cancel_check', sql`${t.cancelledAt} IS NULL OR ${t.cancelReason} <> ''`),
  index('reception_sessions_held_idx').on(t.jurisdictionId, t.heldAt),
  check('reception_sessions_kind_check', sql`${t.kind} IN ('leader_reception', 'hotline')`),
]);

/** What one visitor (or caller) raised; it became the appeal `appealId`, due back to the leader by `dueAt`. */
export const receptionMatters = pgTable('reception_matters', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  sessionId: text('session_id').notNull(),
  /** The visitor's name, encrypted like all personal data. */
  visitorNameEnc: text('visitor_name_enc'),
  visitorCount: integer('visitor_count').notNull().default(1),
  content: text('content').notNull(),
  appealId: text('appeal_id').notNull(),
  assignedUnitId: text('assigned_unit_id'),
  dueAt: ts('due_at').notNull(),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('reception_matters_session_idx').on(t.jurisdictionId, t.sessionId, t.createdAt),
  uniqueIndex('reception_matters_appeal_idx').on(t.jurisdictionId, t.appealId),
]);

/** 包案: a named leader owns a long-standing hard case until it is resolved. */
export const caseOwnerships = pgTable('case_ownerships', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  leaderUserId: text('leader_user_id').notNull(),
  appealId: text('appeal_id'),
  title: text('title').notNull(),
  unitId: text('unit_id'),
  status: text('status').notNull().default('open'),
  startedAt: ts('started_at').notNull(),
  resolvedAt: ts('resolved_at'),
  createdBy: text('created_by'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('case_ownerships_leader_idx').on(t.jurisdictionId, t.leaderUserId, t.status),
  check('case_ownerships_status_check', sql`${t.status} IN ('open', 'resolved')`),
]);

/** The progress notes of a 包案 case, oldest first. */
export const caseProgress = pgTable('case_progress', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  caseId: text('case_id').notNull(),
  note: text('note').notNull(),
  authorUserId: text('author_user_id').notNull(),
  at: ts('at').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('case_progress_case_idx').on(t.jurisdictionId, t.caseId, t.at),
]);

/** 民情日记: a leader's visit (date, place, people met, needs heard, plan); a need may become an appeal. */
export const diaryEntries = pgTable('diary_entries', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  authorUserId: text('author_user_id').notNull(),
  unitId: text('unit_id').notNull(),
  /** Local date 'YYYY-MM-DD' of the visit. */
  visitDate: text('visit_date').notNull(),
  place: text('place').notNull(),
  peopleMet: text('people_met').notNull().default(''),
  needsHeard: text('needs_heard').notNull(),
  plan: text('plan').notNull().default(''),
  appealId: text('appeal_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('diary_entries_month_idx').on(t.jurisdictionId, t.visitDate),
  index('diary_entries_author_idx').on(t.jurisdictionId, t.authorUserId, t.visitDate),
  check('diary_entries_date_check', sql`${t.visitDate} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
]);
