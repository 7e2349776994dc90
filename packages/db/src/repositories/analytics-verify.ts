import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { monthPeriod, resolveSettings } from '@minsheng/domain';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { COUNT_DIMS, COUNT_MEASURES, dayStartSql, measureAtSql, monthStartSql, readDailyCounts, rollupOffset } from './analytics-counts';
import { INDICATOR_DAY_DIMS, memberGroupValueSql } from './indicator-days';
import { bruteForceMembersSql } from './indicator-members-sql';
import { computeIndicatorFigures, listRollupMembers, memberRow } from './indicators';
import type { RollupMemberRow } from './indicators';

export interface VerifyOptions {
  sampleAppeals: number;
  seed?: number | undefined;
  /** Local months (YYYY-MM) whose figures and daily counts are compared in full. */
  months?: readonly string[] | undefined;
  /** The moment the members are judged at (default now). */
  asOf?: Date | undefined;
}

const MAX_REPORTED = 50;
const EVER = { from: new Date('1970-01-01T00:00:00Z'), to: new Date('9999-01-01T00:00:00Z') };
const keyOf = (m: RollupMemberRow) => JSON.stringify([m.appealId, m.indicator, m.unitId, m.at.toISOString(), Math.round(m.numerator * 1e9) / 1e9,
  m.track, m.kind, m.channel, m.categoryId, m.areaCode, m.accusedUnitId]);

/** What is in `a` and not in `b`, as multisets of strings. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const k of b) left.set(k, (left.get(k) ?? 0) + 1);
  return a.filter((k) => { const n = left.get(k) ?? 0; if (n > 0) { left.set(k, n - 1); return false; } return true; });
}

/**
 * Recompute by brute force — the indicator SQL straight over events and clock runs, and counts straight over
 * appeals — and compare with the rollups exactly: every member of a random sample of appeals, and for each month
 * given, every indicator figure per unit and every daily count per dimension. Mismatches are described (at most 50).
 */
export async function verifyAnalyticsRollups(db: Executor, jurisdictionId: string, o: VerifyOptions): Promise<{ checked: number; mismatches: string[] }> {
  const j = jurisdictionId;
  const asOf = o.asOf ?? new Date();
  const [row] = await queryRows<{ settings: unknown }>(db, sql`SELECT settings FROM jurisdictions WHERE id = ${j}`);
  const settings = resolveSettings(row?.settings);
  const weights = settings.satisfactionWeights;
  const mismatches: string[] = [];
  const report = (m: string) => { if (mismatches.length < MAX_REPORTED) mismatches.push(m); };
  let checked = 0;

  if (o.sampleAppeals > 0) {
    const sample = await queryRows<{ id: string }>(db, sql`SELECT id FROM appeals WHERE jurisdiction_id = ${j}
      ORDER BY md5(id || ${String(o.seed ?? 1)}) LIMIT ${o.sampleAppeals}`);
    if (sample.length) {
      const set: SQL = sql`SELECT unnest(ARRAY[${sql.join(sample.map((s) => sql`${s.id}`), sql`, `)}]::text[])`;
      const scope = { jurisdictionId: j, ...EVER, asOf, weights };
      const brute = (await queryRows<Record<string, unknown>>(db, sql`WITH ${bruteForceMembersSql({ ...scope, appeals: set })}
        SELECT m.indicator, m.appeal_id, m.unit_id, m.at, m.numerator, a.track, a.kind, a.channel, a.category_id, a.area_code, a.accused_unit_id
          FROM members m JOIN appeals a ON a.jurisdiction_id = ${j} AND a.id = m.appeal_id WHERE m.unit_id IS NOT NULL`)).map(memberRow).map(keyOf);
      const rollup = (await listRollupMembers(db, scope, set)).map(keyOf);
      for (const k of minus(brute, rollup)) report(`member missing from the rollup: ${k}`);
      for (const k of minus(rollup, brute)) report(`member only in the rollup: ${k}`);
      // The sample's overdue_marked (the 看板's and the 督办 board's 超期) against their clocks.
      const flags = await queryRows<{ id: string; overdue_marked: boolean }>(db, sql`
        SELECT a.id, a.overdue_marked FROM appeals a WHERE a.jurisdiction_id = ${j} AND a.id IN (${set})
           AND a.overdue_marked <> EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = a.jurisdiction_id AND c.appeal_id = a.id
                                          AND c.stopped_at IS NULL AND c.paused_at IS NULL AND c.overdue_notified_at IS NOT NULL)`);
      for (const f of flags) report(`appeal ${f.id}: overdue_marked is ${f.overdue_marked}, its clocks say otherwise`);
      checked += sample.length;
    }
  }

  const offset = (await rollupOffset(db, j)) ?? settings.utcOffsetMinutes;
  for (const month of o.months ?? []) {
    const period = monthPeriod(month, offset, asOf);
    if (!period) { report(`${month}: not a month (YYYY-MM)`); continue; }
    const q = { jurisdictionId: j, from: period.from, to: period.to, asOf, weights };
    const figures = await computeIndicatorFigures(db, { ...q, groupBy: 'unit', includeSubunits: false, visibleUnitIds: null, ancestorUnitIds: [] });
    const bruteFigures = await queryRows<{ indicator: string; unit_id: string; numerator: number | string; denominator: number }>(db, sql`
      WITH ${bruteForceMembersSql(q)}
      SELECT m.indicator, m.unit_id, sum(m.numerator)::float8 AS numerator, count(*)::int AS denominator
        FROM members m JOIN appeals a ON a.jurisdiction_id = ${j} AND a.id = m.appeal_id
       WHERE m.unit_id IS NOT NULL AND a.track = 'hotline'
         AND NOT EXISTS (SELECT 1 FROM assessment_exclusions x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = m.appeal_id AND x.indicator = m.indicator)
       GROUP BY 1, 2`);
    const fig = (indicator: string, unit: string, n: number, d: number) => `${month} ${indicator} ${unit}: ${Math.round(n * 10_000) / 10_000}/${d}`;
    const got = figures.map((f) => fig(f.indicator, f.groupKey, f.numerator, f.denominator));
    const want = bruteFigures.map((f) => fig(f.indicator, f.unit_id, Number(f.numerator), f.denominator));
    for (const k of minus(want, got)) report(`figure by brute force not in the rollup: ${k}`);
    for (const k of minus(got, want)) report(`figure in the rollup not by brute force: ${k}`);
    checked += want.length;

    // The day sums the figures read, against summing the stored members afresh.
    const daySums = (table: 'days' | 'members') => queryRows<{ line: string }>(db, table === 'days' ? sql`
      SELECT concat_ws(' ', to_char(day_start, 'YYYY-MM-DD"T"HH24:MI'), dim, indicator, value, unit_id, accused_unit_id, satisfaction, n, round(numerator::numeric, 6)) AS line
        FROM analytics_indicator_days WHERE jurisdiction_id = ${j} AND day_start >= ${period.from} AND day_start < ${period.to} AND n <> 0` : sql`
      SELECT concat_ws(' ', to_char(day_start, 'YYYY-MM-DD"T"HH24:MI'), dim, indicator, value, unit_id, accused, satisfaction, n, round(numerator::numeric, 6)) AS line
        FROM (SELECT ${dayStartSql(sql`m.at`, offset)} AS day_start, d.dim, m.indicator, d.value, m.unit_id, COALESCE(m.accused_unit_id, '') AS accused,
                     COALESCE(m.satisfaction, '') AS satisfaction, count(*) AS n, sum(m.numerator) AS numerator
                FROM analytics_indicator_members m
                CROSS JOIN LATERAL (VALUES ${sql.join(INDICATOR_DAY_DIMS.map((d) => sql`(${d}, ${memberGroupValueSql(d, 'm')})`), sql`, `)}) AS d(dim, value)
               WHERE m.jurisdiction_id = ${j} AND m.track = 'hotline' AND m.at >= ${period.from} AND m.at < ${period.to}
               GROUP BY 1, 2, 3, 4, 5, 6, 7) t`);
    const sums = (await daySums('days')).map((r) => r.line);
    const summed = (await daySums('members')).map((r) => r.line);
    for (const k of minus(summed, sums)) report(`day sum of the stored members not in analytics_indicator_days: ${month} ${k}`);
    for (const k of minus(sums, summed)) report(`day sum in analytics_indicator_days not of the stored members: ${month} ${k}`);
    checked += summed.length;

    // The month's sums against its day sums (checked just above), every day of the month.
    const monthly = (await queryRows<{ line: string }>(db, sql`
      SELECT concat_ws(' ', dim, indicator, value, unit_id, accused_unit_id, satisfaction, n, round(numerator::numeric, 6)) AS line
        FROM analytics_indicator_months WHERE jurisdiction_id = ${j} AND month_start = ${period.from} AND n <> 0`)).map((r) => r.line);
    const daily = (await queryRows<{ line: string }>(db, sql`
      SELECT concat_ws(' ', dim, indicator, value, unit_id, accused_unit_id, satisfaction, sum(n), round(sum(numerator)::numeric, 6)) AS line
        FROM analytics_indicator_days WHERE jurisdiction_id = ${j} AND ${monthStartSql(sql`day_start`, offset)} = ${period.from}
       GROUP BY dim, indicator, value, unit_id, accused_unit_id, satisfaction HAVING sum(n) <> 0`)).map((r) => r.line);
    for (const k of minus(daily, monthly)) report(`month sum of the day sums not in analytics_indicator_months: ${month} ${k}`);
    for (const k of minus(monthly, daily)) report(`month sum in analytics_indicator_months not of the day sums: ${month} ${k}`);
    checked += daily.length;

    for (const measure of COUNT_MEASURES) {
      const at = measureAtSql(measure);
      const column = sql.raw(measure === 'closed' ? 'a.closed_at' : 'a.created_at'); // what `at` is when it is not null
      for (const dim of COUNT_DIMS) {
        const rolled = await readDailyCounts(db, { jurisdictionId: j, measure, dim, from: period.from, to: period.to, offsetMinutes: offset, groupBy: ['day', 'track', 'value', 'accused'] });
        if (!rolled) { report(`${month} ${measure} by ${dim}: the daily rollup cannot answer the month`); continue; }
        const value = { channel: 'a.channel', kind: 'a.kind', category: "COALESCE(a.category_id, '')", area: "COALESCE(a.area_code, '')" }[dim];
        const raw = await queryRows<{ day: string; track: string; value: string; accused: string; n: number }>(db, sql`
          SELECT to_char(at AT TIME ZONE 'UTC' + make_interval(mins => ${offset}::int), 'YYYY-MM-DD') AS day, track, value, accused, count(*)::int AS n
            FROM (SELECT ${at} AS at, a.track, ${sql.raw(value)} AS value, COALESCE(a.accused_unit_id, '') AS accused FROM appeals a
                   WHERE a.jurisdiction_id = ${j} AND ${column} >= ${period.from} AND ${column} < ${period.to}) x
           WHERE at IS NOT NULL
           GROUP BY 1, 2, 3, 4`);
        const line = (r: { day: string; track: string; value: string; accused: string; n: number }) => `${measure} ${dim} ${r.day} ${r.track} ${r.value} ${r.accused}: ${r.n}`;
        const want = raw.map(line);
        const got = rolled.map(line);
        for (const k of minus(want, got)) report(`count of the appeals not in the rollup: ${k}`);
        for (const k of minus(got, want)) report(`count in the rollup not of the appeals: ${k}`);
        checked += want.length;
      }
    }
  }
  return { checked, mismatches };
}
