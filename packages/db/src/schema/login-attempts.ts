import { check, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ts } from './tenancy';

/**
 * Failed-login counters (登录失败计数), shared by every server process. `subject_hash` is a SHA-256 of the username or
 * the client IP, so no identifier is stored in the clear; a row is deleted when the username logs in successfully.
 */
export const loginAttempts = pgTable('login_attempts', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  scope: text('scope').notNull(),
  subjectHash: text('subject_hash').notNull(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  lockedUntil: ts('locked_until'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.scope, t.subjectHash] }),
  check('login_attempts_scope_check', sql`${t.scope} IN ('username', 'ip')`),
  check('login_attempts_failures_check', sql`${t.failures} >= 0`),
]);
