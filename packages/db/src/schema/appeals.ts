import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/**
 * 群众: the identity a citizen gave with ONE appeal, stored only encrypted (AES-256-GCM, key from MINSHENG_SECRET).
 * Rows are never updated: a later call from the same phone cannot rewrite what an earlier (perhaps confidential)
 * appeal recorded. `phone_hash` (a keyed HMAC) links a caller's appeals without decrypting anything.
 */
export const citizens = pgTable('citizens', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  nameEnc: text('name_enc'),
  phoneEnc: text('phone_enc'),
  idNumberEnc: text('id_number_enc'),
  addressEnc: text('address_enc'),
  phoneHash: text('phone_hash'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('citizens_phone_hash_idx').on(t.jurisdictionId, t.phoneHash),
]);

/** 工单. `status` changes only through the domain transition table, with an event in the same transaction. */
export const appeals = pgTable('appeals', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  number: text('number').notNull(),
  queryCode: text('query_code').notNull(),
  track: text('track').notNull(),
  channel: text('channel').notNull(),
  kind: text('kind').notNull(),
  urgency: text('urgency').notNull(),
  status: text('status').notNull(),
  priorStatus: text('prior_status'),
  title: text('title').notNull(),
  content: text('content').notNull(),
  categoryId: text('category_id'),
  areaCode: text('area_code'),
  location: text('location'),
  citizenId: text('citizen_id'),
  confidential: boolean('confidential').notNull().default(false),
  consentPublish: boolean('consent_publish').notNull().default(false),
  accusedUnitId: text('accused_unit_id'),
  ownerUnitId: text('owner_unit_id').notNull(),
  leadUnitId: text('lead_unit_id'),
  coUnitIds: text('co_unit_ids').array().notNull().default(sql`'{}'::text[]`),
  masterId: text('master_id'),
  policyId: text('policy_id'),
  /** The routing-catalogue rule the current dispatch followed, so an approved return counts against that rule. */
  routingRuleId: text('routing_rule_id'),
  redoCount: integer('redo_count').notNull().default(0),
  returnCount: integer('return_count').notNull().default(0),
  unitsPassed: integer('units_passed').notNull().default(0),
  escalated: boolean('escalated').notNull().default(false),
  /**
   * Some running, unpaused clock of the appeal carries the deadline sweep's overdue mark: kept by a trigger on
   * appeal_clocks (migration 0024) so the 看板 and the 督办 board count overdue appeals from appeals_open_idx alone.
   * With the running clocks past due that no sweep has marked yet (appeal_clocks_unswept_idx), it is exactly "a
   * running clock is past due": a mark is set only past due and is cleared when the clock's due time moves.
   */
  overdueMarked: boolean('overdue_marked').notNull().default(false),
  urgeCount: integer('urge_count').notNull().default(0),
  extendedDays: integer('extended_days').notNull().default(0),
  pending: jsonb('pending'),
  reply: jsonb('reply'),
  callback: jsonb('callback'),
  outcome: jsonb('outcome'),
  /** 协办意见 received from co-units: [{ unitId, text, by, at }]. */
  coOpinions: jsonb('co_opinions').notNull().default(sql`'[]'::jsonb`),
  /** When an overdue appeal was put on the bulletin (超期通报), 5 working days after its supervision notice. */
  bulletinAt: ts('bulletin_at'),
  /** 上级转办: the upper-level platform the appeal came from and its id there (idempotent on the pair). */
  externalSource: text('external_source'),
  externalId: text('external_id'),
  /** The deadline the upper platform set; the handling clock never runs past it. */
  externalDueAt: ts('external_due_at'),
  /** 信访 group visits: how many came, and up to 5 representatives (names encrypted like all personal data). */
  visitorCount: integer('visitor_count'),
  representativesEnc: text('representatives_enc'),
  /** An earlier appeal on the same matter (a repeat petition is refused when that one was concluded by 复核). */
  relatedAppealId: text('related_appeal_id'),
  version: integer('version').notNull().default(0),
  lastEventSeq: integer('last_event_seq').notNull().default(0),
  lastEventHash: text('last_event_hash').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  closedAt: ts('closed_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('appeals_number_idx').on(t.jurisdictionId, t.number),
  index('appeals_created_idx').on(t.jurisdictionId, t.createdAt, t.id),
  index('appeals_status_idx').on(t.jurisdictionId, t.status, t.createdAt),
  index('appeals_lead_unit_idx').on(t.jurisdictionId, t.leadUnitId, t.status),
  index('appeals_citizen_idx').on(t.jurisdictionId, t.citizenId),
  index('appeals_master_idx').on(t.jurisdictionId, t.masterId).where(sql`master_id IS NOT NULL`),
  uniqueIndex('appeals_external_idx').on(t.jurisdictionId, t.externalSource, t.externalId).where(sql`external_id IS NOT NULL`),
  // The dashboards (issue 7). Open appeals (status not in TERMINAL_STATUSES, which the predicate repeats: a reader
  // must write the same list for PostgreSQL to use it) with every column the 看板 and 街镇分布 read, so their
  // counts are index-only scans of the ~20% still open instead of the whole table; with the overdue mark and what
  // makes a problem appeal (the thresholds are settings, so no partial index can hold them), the 督办 board's too.
  index('appeals_open_idx').on(t.jurisdictionId, t.createdAt, t.status, t.leadUnitId, t.ownerUnitId, t.accusedUnitId, t.areaCode, t.closedAt, t.id,
    t.overdueMarked, t.redoCount, t.escalated, t.unitsPassed)
    .where(sql`status NOT IN ('closed', 'referred', 'rejected', 'merged')`),
  // A period's appeals with what 街镇分布 groups and filters by: an index-only range scan instead of their rows.
  index('appeals_report_idx').on(t.jurisdictionId, t.createdAt, t.areaCode, t.status, t.accusedUnitId, t.ownerUnitId, t.id),
  // Closed today (看板) without reading every closed appeal.
  index('appeals_closed_idx').on(t.jurisdictionId, t.closedAt).where(sql`closed_at IS NOT NULL`),
  // A unit reader's scope starts from the appeals its units own (and appeal_assignments_unit_idx for those sent to them).
  index('appeals_owner_idx').on(t.jurisdictionId, t.ownerUnitId, t.createdAt),
]);

/** Every unit an appeal was ever sent to (主办/协办), so a unit keeps seeing what it handled. */
export const appealAssignments = pgTable('appeal_assignments', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  appealId: text('appeal_id').notNull(),
  unitId: text('unit_id').notNull(),
  role: text('role').notNull(),
  active: boolean('active').notNull().default(true),
  assignedBy: text('assigned_by'),
  assignedAt: ts('assigned_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId, t.unitId] }),
  index('appeal_assignments_unit_idx').on(t.jurisdictionId, t.unitId, t.appealId),
]);

/**
 * 全文检索: the two-character pieces (lower-cased) of each appeal's title and content, for searching by text. Chinese
 * has no spaces, so words cannot be the unit, and pg_trgm draws nothing from a two-character pattern such as 漏水.
 * A search of two or more characters reads the GIN index for the appeals holding all of its pieces and checks the
 * real text on those only. Triggers (migration 0020) keep it, so every writer — intake, imports, the generator — fills it.
 */
export const appealSearchGrams = pgTable('appeal_search_grams', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  appealId: text('appeal_id').notNull(),
  grams: text('grams').array().notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId] }),
  // A small pending list: intakes queue their pieces cheaply and the one that merges them waits ~20 ms, not ~75.
  index('appeal_search_grams_idx').using('gin', t.jurisdictionId, t.grams).with({ gin_pending_list_limit: 256 }),
]);

/** One running or finished clock of an appeal; `due_at` of open clocks is what the deadline sweep scans. */
export const appealClocks = pgTable('appeal_clocks', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  appealId: text('appeal_id').notNull(),
  clock: text('clock').notNull(),
  amount: text('amount').notNull(),
  unit: text('unit').notNull(),
  startedAt: ts('started_at').notNull(),
  dueAt: ts('due_at').notNull(),
  stoppedAt: ts('stopped_at'),
  pausedAt: ts('paused_at'),
  pausedBudget: jsonb('paused_budget'),
  yellowNotifiedAt: ts('yellow_notified_at'),
  overdueNotifiedAt: ts('overdue_notified_at'),
  /** The automatic supervision notice (督办) the working day after overdue, and the bulletin 5 working days later. */
  noticeIssuedAt: ts('notice_issued_at'),
  bulletinFlaggedAt: ts('bulletin_flagged_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId, t.clock] }),
  index('appeal_clocks_due_idx').on(t.jurisdictionId, t.dueAt).where(sql`stopped_at IS NULL AND paused_at IS NULL`),
  // Clocks that stopped or paused past their due time: with the running ones past due (the index above), the appeals
  // that ran past a deadline (街镇分布's 超期), read as a set instead of probed appeal by appeal.
  index('appeal_clocks_late_idx').on(t.jurisdictionId, t.appealId).where(sql`due_at < coalesce(stopped_at, paused_at)`),
  // Running clocks the deadline sweep has not judged overdue yet: past due, they are the live part of 街镇分布's 超期
  // (the rest is in the daily counts), a few minutes' worth between sweeps instead of every overdue clock.
  index('appeal_clocks_unswept_idx').on(t.jurisdictionId, t.dueAt).where(sql`stopped_at IS NULL AND paused_at IS NULL AND overdue_notified_at IS NULL`),
]);

/**
 * 催办 / 督办 / 提级 records attached to an appeal (they overlay its state, never replace it). A notice asks the unit
 * for a written answer by `reply_by`; `answered_at` is set when the unit answers.
 */
export const supervisions = pgTable('supervisions', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  appealId: text('appeal_id').notNull(),
  kind: text('kind').notNull(),
  unitId: text('unit_id'),
  eventSeq: integer('event_seq').notNull(),
  automatic: boolean('automatic').notNull().default(false),
  reason: text('reason'),
  issuedBy: text('issued_by').notNull(),
  issuedAt: ts('issued_at').notNull(),
  replyBy: ts('reply_by'),
  answeredAt: ts('answered_at'),
  answer: text('answer'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('supervisions_appeal_idx').on(t.jurisdictionId, t.appealId),
  index('supervisions_open_idx').on(t.jurisdictionId, t.unitId, t.replyBy).where(sql`answered_at IS NULL`),
]);

/** 联席会议 / 会商: units meet on hard appeals, record decisions and may assign the lead unit. */
export const jointMeetings = pgTable('joint_meetings', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  topic: text('topic').notNull(),
  heldAt: ts('held_at').notNull(),
  convenedBy: text('convened_by').notNull(),
  participantUnitIds: text('participant_unit_ids').array().notNull(),
  decisions: text('decisions').notNull(),
  leadUnitId: text('lead_unit_id'),
  appealIds: text('appeal_ids').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.id] })]);

/**
 * The notification outbox: written in the same transaction as the event that causes it, delivered by a job with
 * retries and backoff. Recipient contact details are stored encrypted; `failed` rows stay visible to admins.
 */
export const notifications = pgTable('notifications', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  appealId: text('appeal_id'),
  eventSeq: integer('event_seq'),
  audience: text('audience').notNull(),
  recipientUnitId: text('recipient_unit_id'),
  recipientEnc: text('recipient_enc'),
  channel: text('channel').notNull(),
  template: text('template').notNull(),
  params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
  status: text('status').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  sentAt: ts('sent_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('notifications_due_idx').on(t.jurisdictionId, t.nextAttemptAt).where(sql`status = 'queued'`),
  index('notifications_appeal_idx').on(t.jurisdictionId, t.appealId),
]);

/** 上级平台: a city or provincial platform that transfers appeals down and receives results through a webhook. */
export const upstreamPlatforms = pgTable('upstream_platforms', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull(),
  webhookUrl: text('webhook_url'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('upstream_platforms_key_idx').on(t.jurisdictionId, t.keyHash),
]);

/** The timeline: append-only (a trigger refuses UPDATE and DELETE); each row hashes the previous one. */
export const appealEvents = pgTable('appeal_events', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  appealId: text('appeal_id').notNull(),
  seq: integer('seq').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  actorUserId: text('actor_user_id'),
  actorRole: text('actor_role'),
  actorUnitId: text('actor_unit_id'),
  reason: text('reason'),
  payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
  visibility: text('visibility').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId, t.seq] }),
  index('appeal_events_time_idx').on(t.jurisdictionId, t.occurredAt),
]);

/** Background work, claimed with FOR UPDATE SKIP LOCKED; `dedupe_key` stops a scheduled run firing twice. */
export const jobs = pgTable('jobs', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
  status: text('status').notNull().default('queued'),
  runAt: ts('run_at').notNull().defaultNow(),
  attempts: integer('attempts').notNull().default(0),
  maxAttempts: integer('max_attempts').notNull().default(5),
  dedupeKey: text('dedupe_key'),
  lockedBy: text('locked_by'),
  lockedAt: ts('locked_at'),
  lastError: text('last_error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('jobs_dedupe_idx').on(t.jurisdictionId, t.dedupeKey),
  index('jobs_queue_idx').on(t.jurisdictionId, t.runAt).where(sql`status = 'queued'`),
]);

/** Replays of requests sent with an Idempotency-Key: the same key returns the first answer. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  key: text('key').notNull(),
  userId: text('user_id').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  response: jsonb('response').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.userId, t.key] })]);
