import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './tenancy';

/**
 * Every run of every clock. `appeal_clocks` keeps only a clock's current run (a redo or redispatch restarts it in
 * place), but an indicator judges each run, so a trigger on `appeal_clocks` (migration 0008) copies each insert and
 * update here, keyed by the run's start. Nothing else writes it.
 */
export const appealClockRuns = pgTable('appeal_clock_runs', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  appealId: text('appeal_id').notNull(),
  clock: text('clock').notNull(),
  startedAt: ts('started_at').notNull(),
  dueAt: ts('due_at').notNull(),
  stoppedAt: ts('stopped_at'),
  pausedAt: ts('paused_at'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId, t.clock, t.startedAt] }),
  index('appeal_clock_runs_due_idx').on(t.jurisdictionId, t.clock, t.dueAt),
  index('appeal_clock_runs_stopped_idx').on(t.jurisdictionId, t.clock, t.stoppedAt).where(sql`stopped_at IS NOT NULL`),
]);

/**
 * An appeal taken out of one indicator after review (e.g. a dissatisfied callback judged unreasonable, 不满意复核):
 * it leaves both numerator and denominator. Adding and removing are written to the audit log with the reason.
 */
export const assessmentExclusions = pgTable('assessment_exclusions', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  appealId: text('appeal_id').notNull(),
  indicator: text('indicator').notNull(),
  reason: text('reason').notNull(),
  excludedBy: text('excluded_by').notNull(),
  excludedAt: ts('excluded_at').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.appealId, t.indicator] })]);

/** A closed month's assessment as published: the settings it used and the ranking, never recomputed afterwards. */
export const assessmentMonths = pgTable('assessment_months', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  month: text('month').notNull(),
  frozenAt: ts('frozen_at').notNull(),
  frozenBy: text('frozen_by').notNull(),
  settings: jsonb('settings').notNull(),
  result: jsonb('result').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.month] })]);
