import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { SatisfactionLevel } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { dayStartSql, monthStartSql } from './analytics-counts';
import { satisfactionWeight } from './indicator-members-sql';

const DAY_MS = 86_400_000;

/** The groupings the day sums are kept for; `unit` needs no value of its own (the member's unit is in every row). */
export const INDICATOR_DAY_DIMS = ['unit', 'area', 'category', 'channel', 'kind'] as const;
export type IndicatorDayDim = (typeof INDICATOR_DAY_DIMS)[number];

/** GB/T 2260 street/town codes are 9 digits; a community's 12-digit code starts with its street's. */
const STREET_CODE_LENGTH = 9;

/**
 * A member's group key under a grouping other than by unit, from the member columns of `alias`. A community counts
 * for its street (the 9-digit prefix of its 12-digit code), as on the dashboards' street map.
 */
export function memberGroupValueSql(dim: IndicatorDayDim, alias: string): SQL {
  const c = (col: string) => sql.raw(`${alias}.${col}`);
  switch (dim) {
    case 'unit': return sql`''`;
    case 'area': return sql`CASE WHEN length(${c('area_code')}) >= ${sql.raw(String(STREET_CODE_LENGTH))} THEN left(${c('area_code')}, ${sql.raw(String(STREET_CODE_LENGTH))}) ELSE COALESCE(${c('area_code')}, '') END`;
    case 'category': return sql`COALESCE(${c('category_id')}, '')`;
    case 'channel': return c('channel');
    case 'kind': return c('kind');
  }
}

/**
 * Add (`sign` 1) or take away (−1) the members of `source` (rows shaped like analytics_indicator_members, e.g. a CTE
 * `WITH gone AS (DELETE … RETURNING *)` given as `with` and named in `from`) to the day sums and the month sums, once
 * per grouping, in one statement. Only hotline members are summed: §7's figures count nothing else.
 */
export function addToIndicatorSumsSql(jurisdictionId: string, offsetMinutes: number, source: { with?: SQL; from: SQL }, sign: 1 | -1, o: { ordered?: boolean } = {}): SQL {
  const dims = sql.join(INDICATOR_DAY_DIMS.map((d) => sql`(${d}, ${memberGroupValueSql(d, 'm')})`), sql`, `);
  const keys = sql.raw('dim, indicator, value, unit_id, accused_unit_id, satisfaction');
  return sql`
    WITH ${source.with ? sql`${source.with},` : sql``} per_day AS (
      SELECT ${dayStartSql(sql`m.at`, offsetMinutes)} AS day_start, d.dim, m.indicator, d.value, m.unit_id,
             COALESCE(m.accused_unit_id, '') AS accused_unit_id, COALESCE(m.satisfaction, '') AS satisfaction,
             ${sign}::int * count(*) AS n, ${sign}::int * sum(m.numerator) AS numerator
        FROM ${source.from} m CROSS JOIN LATERAL (VALUES ${dims}) AS d(dim, value)
       WHERE m.track = 'hotline'
       GROUP BY 1, 2, 3, 4, 5, 6, 7
    ), days AS (
      INSERT INTO analytics_indicator_days (jurisdiction_id, day_start, ${keys}, n, numerator)
      SELECT ${jurisdictionId}, day_start, ${keys}, n, numerator FROM per_day ${o.ordered ? sql`ORDER BY dim, day_start` : sql``}
      ON CONFLICT (jurisdiction_id, dim, day_start, indicator, value, unit_id, accused_unit_id, satisfaction)
      DO UPDATE SET n = analytics_indicator_days.n + EXCLUDED.n, numerator = analytics_indicator_days.numerator + EXCLUDED.numerator)
    INSERT INTO analytics_indicator_months (jurisdiction_id, month_start, ${keys}, n, numerator)
    SELECT ${jurisdictionId}, ${monthStartSql(sql`day_start`, offsetMinutes)}, ${keys}, sum(n), sum(numerator) FROM per_day
     GROUP BY 2, 3, 4, 5, 6, 7, 8 ${o.ordered ? sql`ORDER BY 3, 2` : sql``}
    ON CONFLICT (jurisdiction_id, dim, month_start, indicator, value, unit_id, accused_unit_id, satisfaction)
    DO UPDATE SET n = analytics_indicator_months.n + EXCLUDED.n, numerator = analytics_indicator_months.numerator + EXCLUDED.numerator`;
}

/** The offset the day sums are bucketed at; null before the first fold and while a rebuild has not summed them yet. */
export async function indicatorDaysOffset(db: Executor, jurisdictionId: string): Promise<number | null> {
  const [row] = await queryRows<{ utc_offset_minutes: number; indicator_days_ready: boolean }>(db, sql`
    SELECT utc_offset_minutes, indicator_days_ready FROM analytics_rollup_state WHERE jurisdiction_id = ${jurisdictionId}`);
  return row?.indicator_days_ready ? row.utc_offset_minutes : null;
}

/**
 * Sum every stored member afresh (the end of a rebuild), in the caller's transaction holding the fold lock, and let
 * readers read the sums again.
 */
export async function resumIndicatorDays(tx: Executor, jurisdictionId: string, offsetMinutes: number): Promise<void> {
  const j = jurisdictionId;
  await tx.execute(sql`DELETE FROM analytics_indicator_days WHERE jurisdiction_id = ${j}`);
  await tx.execute(sql`DELETE FROM analytics_indicator_months WHERE jurisdiction_id = ${j}`);
  // One aggregate over every member: memory enough to hash it rather than spill to disk.
  await tx.execute(sql`SET LOCAL work_mem = '256MB'`);
  // Written in the order a figure reads them (a grouping's days), so a month is a few contiguous pages, not the table.
  await tx.execute(addToIndicatorSumsSql(j, offsetMinutes, { from: sql`(SELECT * FROM analytics_indicator_members WHERE jurisdiction_id = ${j})` }, 1, { ordered: true }));
  await tx.execute(sql`UPDATE analytics_rollup_state SET indicator_days_ready = true WHERE jurisdiction_id = ${j}`);
}

/**
 * The whole local days (at the rollup's offset) inside [from, to) that end by `asOf`: every member stored for them
 * counts whatever its pending flag (its moment is before asOf), so their sums can be read as they are. Null when
 * there is no such day.
 */
export function wholeDaysBefore(from: Date, to: Date, asOf: Date, offsetMinutes: number): WholeDays | null {
  const shift = offsetMinutes * 60_000;
  const floor = (t: number) => t - ((((t + shift) % DAY_MS) + DAY_MS) % DAY_MS);
  const first = floor(from.getTime() + DAY_MS - 1);
  const end = floor(Math.min(to.getTime(), asOf.getTime()));
  return first < end ? { from: new Date(first), to: new Date(end), offsetMinutes } : null;
}

/** Whole local days [from, to) at the rollup's offset. */
export interface WholeDays { from: Date; to: Date; offsetMinutes: number }

/** The whole local months inside whole days [from, to): read from the month sums, the days around them from the day sums. */
export function wholeMonthsWithin(days: WholeDays): { from: Date; to: Date } | null {
  const shift = days.offsetMinutes * 60_000;
  const monthStart = (t: number, ahead: number) => {
    const local = new Date(t + shift);
    return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + ahead, 1) - shift;
  };
  const start = monthStart(days.from.getTime(), 0);
  const first = start < days.from.getTime() ? monthStart(days.from.getTime(), 1) : start;
  const end = monthStart(days.to.getTime(), 0);
  return first < end ? { from: new Date(first), to: new Date(end) } : null;
}

/**
 * The signed rows a figure sums over whole days (indicator, unit_id, accused_unit_id, group_value, n, numerator):
 * the day and month sums of `dim`, less the stored members they hold that a reader must not count as stored — those of
 * appeals marked dirty (recomputed inline by the caller) and those excluded from their indicator. 满意率's numerator
 * is the reader's weight of each level. With `measure: 'positive'` the numerator column counts the members with a
 * share instead (a drill-down's numerator list): 满意率's members of a level the reader weighs above zero, and for
 * every other indicator the stored numerator itself, each member's being 0 or 1. `indicator` keeps one indicator's.
 */
export function wholeDaySumsSql(q: { jurisdictionId: string; weights: Record<SatisfactionLevel, number> }, dim: IndicatorDayDim, days: WholeDays, o: { measure?: 'share' | 'positive'; indicator?: string } = {}): SQL {
  const j = q.jurisdictionId;
  const positive = o.measure === 'positive';
  const numerator = (n: SQL, level: SQL, stored: SQL) => (positive
    ? sql`CASE WHEN indicator = 'satisfaction' THEN CASE WHEN ${satisfactionWeight(level, q.weights)} > 0 THEN ${n} ELSE 0 END ELSE ${stored} END`
    : sql`CASE WHEN indicator = 'satisfaction' THEN ${n} * ${satisfactionWeight(level, q.weights)} ELSE ${stored} END`);
  const only = (col: string) => (o.indicator === undefined ? sql`` : sql`AND ${sql.raw(col)} = ${o.indicator}`);
  // Whole months from the month sums (a month by category: ~17,000 rows instead of ~500,000), the days around them
  // from the day sums.
  const sums = (table: 'days' | 'months', from: Date, to: Date) => {
    const start = sql.raw(table === 'days' ? 'day_start' : 'month_start');
    return sql`
    SELECT indicator, unit_id, NULLIF(accused_unit_id, '') AS accused_unit_id, value AS group_value, n,
           ${numerator(sql`n`, sql`NULLIF(satisfaction, '')`, sql`numerator`)} AS numerator
      FROM ${sql.raw(`analytics_indicator_${table}`)}
     WHERE jurisdiction_id = ${j} AND dim = ${dim} AND ${start} >= ${from} AND ${start} < ${to} ${only('indicator')}`;
  };
  const months = wholeMonthsWithin(days);
  const stored = months ? [
    ...(days.from < months.from ? [sums('days', days.from, months.from)] : []),
    sums('months', months.from, months.to),
    ...(months.to < days.to ? [sums('days', months.to, days.to)] : []),
  ] : [sums('days', days.from, days.to)];
  return sql`
    ${sql.join(stored, sql` UNION ALL `)}
    UNION ALL
    SELECT indicator, unit_id, accused_unit_id, ${memberGroupValueSql(dim, 's')}, -1,
           -(${numerator(sql`1`, sql`satisfaction`, positive ? sql`(numerator > 0)::int` : sql`numerator`)})
      FROM analytics_indicator_members s
     WHERE s.jurisdiction_id = ${j} AND s.at >= ${days.from} AND s.at < ${days.to} AND s.track = 'hotline' ${only('s.indicator')}
       AND s.appeal_id IN (SELECT d.appeal_id FROM analytics_dirty_appeals d WHERE d.jurisdiction_id = ${j}
                           UNION SELECT x.appeal_id FROM assessment_exclusions x WHERE x.jurisdiction_id = ${j})
       AND (EXISTS (SELECT 1 FROM analytics_dirty_appeals d WHERE d.jurisdiction_id = ${j} AND d.appeal_id = s.appeal_id)
            OR EXISTS (SELECT 1 FROM assessment_exclusions x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = s.appeal_id AND x.indicator = s.indicator))`;
}
