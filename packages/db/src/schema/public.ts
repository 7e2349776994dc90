import { sql } from 'drizzle-orm';
import { boolean, check, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from '@minsheng/contracts';
import { jurisdictions, ts } from './tenancy';

/** bytea as a Buffer (node-postgres gives a Buffer, PGlite a Uint8Array: the repository normalises). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const attachmentTypeList = sql.raw(ATTACHMENT_TYPES.map((t) => `'${t}'`).join(', '));

/**
 * 附件: photos and documents attached to an appeal by staff or by the citizen on the portal. The bytes live in the
 * database (one backup holds everything, both engines alike), encrypted like all personal data: a photo can show a
 * face, a plate or an ID card. `public` marks what the public board may show once staff approved it.
 */
export const attachments = pgTable('attachments', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  appealId: text('appeal_id').notNull(),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  dataEnc: bytea('data_enc').notNull(),
  /** 'staff' | 'citizen' (portal) | 'exchange'. */
  source: text('source').notNull(),
  uploadedBy: text('uploaded_by'),
  public: boolean('public').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('attachments_appeal_idx').on(t.jurisdictionId, t.appealId, t.createdAt),
  check('attachments_type_check', sql`${t.contentType} IN (${attachmentTypeList})`),
  check('attachments_size_check', sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= ${sql.raw(String(ATTACHMENT_LIMITS.maxFileBytes))} AND length(btrim(${t.filename})) > 0 AND length(${t.filename}) <= ${sql.raw(String(ATTACHMENT_LIMITS.maxFilenameLength))}`),
  check('attachments_source_check', sql`${t.source} IN ('staff', 'citizen', 'exchange')`),
]);

/** Open311 API keys an administrator issues to an outside app; only a hash is kept, the key is shown once. */
export const open311ApiKeys = pgTable('open311_api_keys', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull(),
  /** The first characters of the key, so an administrator can tell keys apart without the secret. */
  keyPrefix: text('key_prefix').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('open311_api_keys_hash_idx').on(t.jurisdictionId, t.keyHash),
]);

/** The Open311 datatypes of a service attribute. */
export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
const datatypeList = sql.raw(ATTRIBUTE_DATATYPES.map((t) => `'${t}'`).join(', '));

/**
 * 分类附加项: the extra questions a category asks (Open311 service definition attributes). `values` is the list
 * [{ key, name }] of a (single|multi)valuelist. `variable` false means an informational line, not a question.
 */
export const categoryAttributes = pgTable('category_attributes', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  categoryId: text('category_id').notNull(),
  code: text('code').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  datatype: text('datatype').notNull(),
  required: boolean('required').notNull().default(false),
  variable: boolean('variable').notNull().default(true),
  description: text('description').notNull(),
  datatypeDescription: text('datatype_description').notNull().default(''),
  values: jsonb('values').notNull().default(sql`'[]'::jsonb`),
  active: boolean('active').notNull().default(true),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.categoryId, t.code] }),
  check('category_attributes_datatype_check', sql`${t.datatype} IN (${datatypeList})`),
]);

/**
 * What an Open311 client sent with a request beyond the appeal itself: the token it may poll, where (lat/long,
 * address id), which device/account, the media link and the attribute answers. Identity fields go to `citizens`,
 * encrypted, like every other channel's.
 */
export const open311Requests = pgTable('open311_requests', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  appealId: text('appeal_id').notNull(),
  token: text('token').notNull(),
  apiKeyId: text('api_key_id').notNull(),
  serviceCode: text('service_code').notNull(),
  lat: doublePrecision('lat'),
  long: doublePrecision('long'),
  addressString: text('address_string'),
  addressId: text('address_id'),
  deviceId: text('device_id'),
  accountId: text('account_id'),
  mediaUrl: text('media_url'),
  attributes: jsonb('attributes').notNull().default(sql`'{}'::jsonb`),
  requestedAt: ts('requested_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId] }),
  uniqueIndex('open311_requests_token_idx').on(t.jurisdictionId, t.token),
]);

/**
 * 留言板: an appeal whose citizen consented to publication, as the public will read it: title, content and reply
 * after automatic redaction, then edited and approved by staff. Nothing is public before `status = 'approved'`.
 */
export const boardPosts = pgTable('board_posts', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  appealId: text('appeal_id').notNull(),
  /** 'pending' (redacted, awaiting staff) | 'approved' (public) | 'rejected' (never shown). */
  status: text('status').notNull().default('pending'),
  title: text('title').notNull(),
  content: text('content').notNull(),
  reply: text('reply').notNull(),
  categoryId: text('category_id'),
  areaCode: text('area_code'),
  unitId: text('unit_id'),
  /** What the automatic redaction found, by type (name, phone, …), for the reviewer's eye. */
  redactions: jsonb('redactions').notNull().default(sql`'{}'::jsonb`),
  askedAt: ts('asked_at').notNull(),
  repliedAt: ts('replied_at').notNull(),
  reviewedBy: text('reviewed_by'),
  reviewedAt: ts('reviewed_at'),
  reviewNote: text('review_note'),
  publishedAt: ts('published_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId] }),
  index('board_posts_published_idx').on(t.jurisdictionId, t.status, t.publishedAt),
  check('board_posts_status_check', sql`${t.status} IN ('pending', 'approved', 'rejected')`),
]);

/**
 * 每月通报: one unit's figures for one month, frozen when the month is published (the portal shows these rows, the
 * console computes the same figures live). `figures` = { received, replied, onTime, rated, satisfied, … }.
 */
export const monthlyBulletins = pgTable('monthly_bulletins', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  month: text('month').notNull(),
  unitId: text('unit_id').notNull(),
  figures: jsonb('figures').notNull(),
  publishedAt: ts('published_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.month, t.unitId] }),
  check('monthly_bulletins_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
]);

/** 领导接访 and 热线值班 schedules for the public directory. */
export const receptionSchedules = pgTable('reception_schedules', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  /** 'leader_reception' (领导接访日) | 'hotline' (领导热线/在线访谈). */
  kind: text('kind').notNull(),
  unitId: text('unit_id'),
  leaderName: text('leader_name').notNull(),
  leaderTitle: text('leader_title').notNull().default(''),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  place: text('place').notNull().default(''),
  topic: text('topic').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('reception_schedules_time_idx').on(t.jurisdictionId, t.startsAt),
  check('reception_schedules_kind_check', sql`${t.kind} IN ('leader_reception', 'hotline') AND ${t.endsAt} > ${t.startsAt}`),
]);

/**
 * Fixed-window counters for the public endpoints (per IP, per phone, per tracked number): shared by every server
 * process, unlike a counter in memory. Old windows are purged by the hourly job.
 */
export const rateLimits = pgTable('rate_limits', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  bucket: text('bucket').notNull(),
  windowStart: ts('window_start').notNull(),
  hits: integer('hits').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.bucket, t.windowStart] })]);

/** Human checks (算术验证) already answered: a solved check cannot be replayed for a second submission. */
export const humanCheckUses = pgTable('human_check_uses', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  nonce: text('nonce').notNull(),
  usedAt: ts('used_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.nonce] })]);
