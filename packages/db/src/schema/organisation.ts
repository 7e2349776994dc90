import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/** 单位: a tree. `path` lists the ids from the root down to this unit, so subtree checks need no recursion. */
export const units = pgTable('units', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  key: text('key').notNull(),
  parentId: text('parent_id'),
  path: text('path').array().notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  kind: text('kind').notNull(),
  phone: text('phone').notNull().default(''),
  /** Where notifications for the unit go (new assignments, urges, notices); empty → the log adapter only. */
  email: text('email').notNull().default(''),
  address: text('address').notNull().default(''),
  receptionHours: text('reception_hours').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('units_key_idx').on(t.jurisdictionId, t.key),
  index('units_parent_idx').on(t.jurisdictionId, t.parentId),
]);

/** The areas a unit serves (属地). */
export const unitAreas = pgTable('unit_areas', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  unitId: text('unit_id').notNull(),
  areaCode: text('area_code').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.unitId, t.areaCode] }),
  index('unit_areas_area_idx').on(t.jurisdictionId, t.areaCode),
]);

export const users = pgTable('users', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('users_username_idx').on(t.jurisdictionId, t.username),
]);

/** A role held in a unit; the unit's subtree is the role's scope. */
export const userRoles = pgTable('user_roles', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  userId: text('user_id').notNull(),
  role: text('role').notNull(),
  unitId: text('unit_id').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.userId, t.role, t.unitId] })]);

/** Login sessions; only a hash of the token is stored. */
export const sessions = pgTable('sessions', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  userId: text('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  /** Touched at most once a minute by authentication; a session idle longer than the idle timeout is over. */
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.tokenHash] }),
  index('sessions_user_idx').on(t.jurisdictionId, t.userId),
]);

/** 诉求分类: a 3-level tree with the defaults intake applies. */
export const categories = pgTable('categories', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  key: text('key').notNull(),
  parentId: text('parent_id'),
  level: integer('level').notNull(),
  name: text('name').notNull(),
  defaultKind: text('default_kind'),
  defaultPolicyId: text('default_policy_id'),
  defaultUnitId: text('default_unit_id'),
  open311Code: text('open311_code'),
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('categories_key_idx').on(t.jurisdictionId, t.key),
  uniqueIndex('categories_open311_idx').on(t.jurisdictionId, t.open311Code),
  index('categories_parent_idx').on(t.jurisdictionId, t.parentId),
]);

/** Who changed what in the configuration, and every reveal of masked personal data. */
export const auditLog = pgTable('audit_log', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: text('id').notNull(),
  actorUserId: text('actor_user_id'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
  at: ts('at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('audit_log_target_idx').on(t.jurisdictionId, t.targetType, t.targetId),
  // The reveal audit (GET /api/admin/audit/reveals) reads one tenant's actions over a time window, newest first.
  index('audit_log_action_at_idx').on(t.jurisdictionId, t.action, t.at),
]);
