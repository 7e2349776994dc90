import { bigint, boolean, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './tenancy';

/**
 * Every indicator member (DOMAIN.md §7) of every appeal, as the job last computed it from the appeal's events and
 * clock runs, with the appeal attributes the filters and groupings read copied in so a figure never joins `appeals`.
 * What depends on time passing is left to the reader: a run still running unpaused is `pending` (a member only once
 * `at`, its due time, is before asOf), and 满意率's numerator is the callback's `satisfaction` weighed by the
 * reader's settings. An appeal whose facts changed since is listed in `analytics_dirty_appeals` and recomputed
 * inline by readers until the job catches up, so figures are exact at any moment.
 */
export const analyticsIndicatorMembers = pgTable('analytics_indicator_members', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  appealId: text('appeal_id').notNull(),
  indicator: text('indicator').notNull(),
  /** The deciding event's seq, or minus the ordinal of the clock run: unique per appeal and indicator. */
  ord: integer('ord').notNull(),
  unitId: text('unit_id').notNull(),
  at: ts('at').notNull(),
  numerator: doublePrecision('numerator').notNull(),
  satisfaction: text('satisfaction'),
  pending: boolean('pending').notNull(),
  track: text('track').notNull(),
  kind: text('kind').notNull(),
  channel: text('channel').notNull(),
  categoryId: text('category_id'),
  areaCode: text('area_code'),
  accusedUnitId: text('accused_unit_id'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.appealId, t.indicator, t.ord] }),
  index('analytics_indicator_members_at_idx').on(t.jurisdictionId, t.at),
  // A drill-down pages through one indicator's members of a period oldest first: a page reads its own entries only.
  index('analytics_indicator_members_indicator_at_idx').on(t.jurisdictionId, t.indicator, t.at),
]);

/** What the day and month sums of indicator members are kept by, and hold (fresh builders for each table). */
const indicatorSumColumns = () => ({
  dim: text('dim').notNull(),
  indicator: text('indicator').notNull(),
  value: text('value').notNull(),
  unitId: text('unit_id').notNull(),
  accusedUnitId: text('accused_unit_id').notNull(),
  satisfaction: text('satisfaction').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
  numerator: doublePrecision('numerator').notNull(),
});

/**
 * The hotline's indicator members summed per local day (`day_start`, at the offset of `analytics_rollup_state`), per
 * indicator, lead unit, accused unit ('' for none) and 满意率 level ('' for none), once per grouping (`dim`: unit,
 * area, category, channel, kind; `value` is the member's group key under it, '' for unit). Kept in step with
 * `analytics_indicator_members` by the statements that write it, so readers sum whole past days here and correct
 * for what the members table marks (dirty appeals, exclusions) instead of reading every member of a month.
 */
export const analyticsIndicatorDays = pgTable('analytics_indicator_days', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  dayStart: ts('day_start').notNull(),
  ...indicatorSumColumns(),
}, (t) => [primaryKey({ name: 'analytics_indicator_days_pk', columns: [t.jurisdictionId, t.dim, t.dayStart, t.indicator, t.value, t.unitId, t.accusedUnitId, t.satisfaction] })]);

/**
 * The same sums per local month (`month_start`, the instant the 1st begins at the rollup's offset), written by the
 * same statements as the day sums: a figure over whole months (a month's or a year's indicators) reads some 30 times
 * fewer rows — a month by category at 10 million appeals, ~17,000 instead of ~500,000.
 */
export const analyticsIndicatorMonths = pgTable('analytics_indicator_months', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  monthStart: ts('month_start').notNull(),
  ...indicatorSumColumns(),
}, (t) => [primaryKey({ name: 'analytics_indicator_months_pk', columns: [t.jurisdictionId, t.dim, t.monthStart, t.indicator, t.value, t.unitId, t.accusedUnitId, t.satisfaction] })]);

/** Appeals whose members must be recomputed: appended by triggers on events, clock runs and appeal attributes. */
export const analyticsDirtyAppeals = pgTable('analytics_dirty_appeals', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  appealId: text('appeal_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('analytics_dirty_appeals_appeal_idx').on(t.jurisdictionId, t.appealId),
]);

/**
 * Appeals registered and closed per local day (`day_start`, the instant the day begins at the offset recorded in
 * `analytics_rollup_state`), per track and accused unit, per value of one dimension (channel, kind, category,
 * area): each appeal counts once per dimension. Folded from `analytics_count_deltas` by the job.
 */
export const analyticsDailyCounts = pgTable('analytics_daily_counts', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  measure: text('measure').notNull(),
  dim: text('dim').notNull(),
  dayStart: ts('day_start').notNull(),
  track: text('track').notNull(),
  value: text('value').notNull(),
  accusedUnitId: text('accused_unit_id').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.measure, t.dim, t.dayStart, t.track, t.value, t.accusedUnitId] })]);

/**
 * +1/−1 per appeal as it is registered, closed, reopened or re-filed (a trigger on `appeals`): append-only, so
 * intake never waits on a shared counter row. Readers add the rows not yet folded.
 */
export const analyticsCountDeltas = pgTable('analytics_count_deltas', {
  jurisdictionId: text('jurisdiction_id').notNull(),
  id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
  measure: text('measure').notNull(),
  at: ts('at').notNull(),
  track: text('track').notNull(),
  channel: text('channel').notNull(),
  kind: text('kind').notNull(),
  categoryId: text('category_id'),
  areaCode: text('area_code'),
  accusedUnitId: text('accused_unit_id'),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.id] })]);

/** The UTC offset the daily counts were bucketed at; readers fall back to the appeals when it is not theirs. */
export const analyticsRollupState = pgTable('analytics_rollup_state', {
  jurisdictionId: text('jurisdiction_id').primaryKey(),
  utcOffsetMinutes: integer('utc_offset_minutes').notNull(),
  rebuiltAt: ts('rebuilt_at'),
  /** False while a rebuild refills the members: analytics_indicator_days is summed afresh at its end, read only after. */
  indicatorDaysReady: boolean('indicator_days_ready').notNull().default(true),
});
