import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/**
 * 群众工作台账 (issue 8), modules 7 and 8: hearings (听证会) and proxy services (民生事项代办). Every table is keyed by
 * jurisdiction first; representatives' and applicants' names and phones are stored encrypted.
 */

/** A hearing on a major decision: notice, topic, schedule, minutes and outcome; `published_at` puts it on the portal. */
export const hearings = pgTable('hearings', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  title: text('title').notNull(),
  topic: text('topic').notNull(),
  organiserUnitId: text('organiser_unit_id').notNull(),
  place: text('place').notNull(),
  scheduledAt: ts('scheduled_at').notNull(),
  minNoticeDays: integer('min_notice_days').notNull(),
  notice: text('notice').notNull().default(''),
  status: text('status').notNull().default('draft'),
  minutes: text('minutes').notNull().default(''),
  outcome: text('outcome').notNull().default(''),
  cancelReason: text('cancel_reason').notNull().default(''),
  announcedAt: ts('announced_at'),
  heldAt: ts('held_at'),
  concludedAt: ts('concluded_at'),
  publishedAt: ts('published_at'),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('hearings_schedule_idx').on(t.jurisdictionId, t.scheduledAt),
  index('hearings_published_idx').on(t.jurisdictionId, t.scheduledAt).where(sql`${t.publishedAt} IS NOT NULL`),
  check('hearings_status_check', sql`${t.status} IN ('draft', 'announced', 'held', 'concluded', 'cancelled')`),
  check('hearings_notice_days_check', sql`${t.minNoticeDays} BETWEEN 0 AND 90`),
  check('hearings_published_check', sql`${t.publishedAt} IS NULL OR ${t.status} <> 'draft'`),
]);

/** 听证代表: a resident or an enterprise (whose name is public; its contact person's is not). */
export const hearingRepresentatives = pgTable('hearing_representatives', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  hearingId: text('hearing_id').notNull(),
  kind: text('kind').notNull(),
  nameEnc: text('name_enc').notNull(),
  phoneEnc: text('phone_enc'),
  organisation: text('organisation').notNull().default(''),
  constituency: text('constituency').notNull().default(''),
  attended: boolean('attended'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('hearing_representatives_hearing_idx').on(t.jurisdictionId, t.hearingId),
  check('hearing_representatives_kind_check', sql`${t.kind} IN ('resident', 'enterprise')`),
  check('hearing_representatives_org_check', sql`${t.kind} = 'resident' OR ${t.organisation} <> ''`),
]);

/** 听证材料: what representatives read beforehand; `public` ones are shown on the portal. */
export const hearingMaterials = pgTable('hearing_materials', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  hearingId: text('hearing_id').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  public: boolean('public').notNull().default(true),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('hearing_materials_hearing_idx').on(t.jurisdictionId, t.hearingId),
]);

/** The public catalogue of 民生事项 offered for proxy handling, by level, with procedure, materials and time limit. */
export const proxyItems = pgTable('proxy_items', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  unitId: text('unit_id'),
  procedure: jsonb('procedure').$type<string[]>().notNull(),
  materials: jsonb('materials').$type<string[]>().notNull(),
  promisedDays: integer('promised_days').notNull(),
  fee: text('fee').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('proxy_items_code_idx').on(t.jurisdictionId, t.code),
  check('proxy_items_level_check', sql`${t.level} IN ('district', 'street', 'community')`),
  check('proxy_items_days_check', sql`${t.promisedDays} BETWEEN 1 AND 90`),
]);

/** A 代办 request: its own number and query code, the item's promise as a working-day deadline, the agent. */
export const proxyRequests = pgTable('proxy_requests', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  number: text('number').notNull(),
  queryCode: text('query_code').notNull(),
  itemId: text('item_id').notNull(),
  unitId: text('unit_id').notNull(),
  agentUserId: text('agent_user_id').notNull(),
  applicantNameEnc: text('applicant_name_enc').notNull(),
  applicantPhoneEnc: text('applicant_phone_enc'),
  matter: text('matter').notNull().default(''),
  status: text('status').notNull().default('accepted'),
  promisedDays: integer('promised_days').notNull(),
  acceptedAt: ts('accepted_at').notNull(),
  dueAt: ts('due_at'),
  pausedBudget: jsonb('paused_budget').$type<{ minutes: number; working: boolean }>(),
  closedAt: ts('closed_at'),
  result: text('result').notNull().default(''),
  version: integer('version').notNull().default(1),
  /** The sweep's marks (once each): the handling unit was warned before the deadline / told it had passed. */
  dueWarnedAt: ts('due_warned_at'),
  overdueNotifiedAt: ts('overdue_notified_at'),
  createdBy: text('created_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('proxy_requests_number_idx').on(t.jurisdictionId, t.number),
  index('proxy_requests_open_due_idx').on(t.jurisdictionId, t.dueAt).where(sql`${t.closedAt} IS NULL`),
  // The overdue sweep's scan: open, running and not yet told.
  index('proxy_requests_sweep_idx').on(t.jurisdictionId, t.dueAt).where(sql`${t.closedAt} IS NULL AND ${t.overdueNotifiedAt} IS NULL AND ${t.dueAt} IS NOT NULL`),
  check('proxy_requests_status_check', sql`${t.status} IN ('accepted', 'in_progress', 'awaiting_materials', 'completed', 'returned')`),
  check('proxy_requests_clock_check', sql`(${t.dueAt} IS NULL) = (${t.status} = 'awaiting_materials')`),
]);

/** Every step of a request (the event row, written in the same transaction); `note` is shown to the citizen. */
export const proxyRequestSteps = pgTable('proxy_request_steps', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  requestId: text('request_id').notNull(),
  seq: integer('seq').notNull(),
  action: text('action').notNull(),
  toStatus: text('to_status').notNull(),
  note: text('note').notNull().default(''),
  actorUserId: text('actor_user_id'),
  at: ts('at').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.requestId, t.seq] })]);

/** Per-day counter behind proxy numbers (DB20261205001), separate from appeal numbers. */
export const proxyCounters = pgTable('proxy_counters', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  day: text('day').notNull(),
  value: integer('value').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.day] })]);
