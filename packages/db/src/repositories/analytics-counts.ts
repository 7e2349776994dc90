import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { OPEN_APPEAL } from './appeal-reads';

const DAY_MS = 86_400_000;
/**
 * registered and closed count appeals on those days; open and late count them on the day they were registered, as
 * they are now: not terminal, and with some clock judged late by an event (stopped or paused past due, or marked
 * overdue by the deadline sweep) — 街镇分布's 超期, less the running clocks past due that no sweep has marked yet.
 */
export const COUNT_MEASURES = ['registered', 'closed', 'open', 'late'] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];
export const COUNT_DIMS = ['channel', 'kind', 'category', 'area'] as const;
export type CountDim = (typeof COUNT_DIMS)[number];
/** What a read groups by; `day` is the local calendar day (YYYY-MM-DD). */
export type CountKey = 'day' | 'track' | 'value' | 'accused';

export interface DailyCountQuery {
  jurisdictionId: string;
  measure: CountMeasure;
  dim: CountDim;
  /** Local-day boundaries: [from, to). */
  from: Date;
  to: Date;
  /** The reader's calendar; a read at another offset than the rollup's is not answered. */
  offsetMinutes?: number | undefined;
  track?: string | undefined;
  /** Appeals accusing one of these units are left out (the reader's units and their ancestors). */
  excludeAccused?: readonly string[] | undefined;
  groupBy: readonly CountKey[];
}

export interface DailyCountRow { day: string; track: string; value: string; accused: string; n: number }

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
/** The instant the local day of `at` begins, at `offset` minutes ahead of UTC. */
export const dayStartSql = (at: SQL, offset: number) => localStartSql('day', at, offset);
/** The instant the local month of `at` begins (its 1st, 00:00 at the offset). */
export const monthStartSql = (at: SQL, offset: number) => localStartSql('month', at, offset);
const localStartSql = (unit: 'day' | 'month', at: SQL, offset: number) =>
  sql`((date_trunc(${sql.raw(`'${unit}'`)}, ${at} AT TIME ZONE 'UTC' + make_interval(mins => ${offset}::int)) - make_interval(mins => ${offset}::int)) AT TIME ZONE 'UTC')`;
/**
 * Some clock of the appeal was judged late by an event — it stopped or paused past its due time, or the deadline sweep
 * marked it overdue while running — as migration 0023's triggers count it (minsheng_clock_ran_late). EXISTS over the
 * appeal's few clocks: inside a CASE an `id IN (…)` cannot become a join, and with more late clocks than fit work_mem
 * it is not hashed either but rescanned for every appeal (a rebuild at a million appeals ran for minutes).
 */
const LATE_SQL = sql`EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = a.jurisdiction_id AND c.appeal_id = a.id
  AND minsheng_clock_ran_late(c.due_at, c.stopped_at, c.paused_at, c.overdue_notified_at))`;

/** When each measure counts an appeal of `appeals a` (null: it does not), for recounting from the appeals. */
export function measureAtSql(measure: CountMeasure): SQL {
  switch (measure) {
    case 'registered': return sql`a.created_at`;
    case 'closed': return sql`a.closed_at`;
    case 'open': return sql`CASE WHEN ${OPEN_APPEAL} THEN a.created_at END`;
    case 'late': return sql`CASE WHEN ${LATE_SQL} THEN a.created_at END`;
  }
}

const DIM_COLUMN: Record<CountDim, string> = { channel: 'channel', kind: 'kind', category: "COALESCE(category_id, '')", area: "COALESCE(area_code, '')" };

/** The offset the folded counts of a jurisdiction were bucketed at; null before the first fold. */
export async function rollupOffset(db: Executor, jurisdictionId: string): Promise<number | null> {
  const [row] = await queryRows<{ utc_offset_minutes: number }>(db, sql`SELECT utc_offset_minutes FROM analytics_rollup_state WHERE jurisdiction_id = ${jurisdictionId}`);
  return row ? row.utc_offset_minutes : null;
}

/**
 * Appeals registered or closed in [from, to) counted from the daily rollup plus the deltas not folded yet, grouped
 * as asked — exactly what counting the appeals table says. Null when the rollup cannot answer: the period does not
 * start and end on its day boundaries, or the reader's calendar is not the one it was bucketed at (the caller then
 * counts the appeals directly).
 */
export async function readDailyCounts(db: Executor, q: DailyCountQuery): Promise<DailyCountRow[] | null> {
  const stored = await rollupOffset(db, q.jurisdictionId);
  const offset = stored ?? q.offsetMinutes ?? null;
  if (offset === null) return null;
  if (q.offsetMinutes !== undefined && q.offsetMinutes !== offset) return null;
  const aligned = (d: Date) => (d.getTime() + offset * 60_000) % DAY_MS === 0;
  if (!aligned(q.from) || !aligned(q.to)) return null;
  const j = q.jurisdictionId;
  const filters = (accused: string) => sql`${q.track ? sql`AND track = ${q.track}` : sql``}
    ${q.excludeAccused?.length ? sql`AND (${sql.raw(accused)} IS NULL OR ${sql.raw(accused)} = '' OR NOT (${sql.raw(accused)} = ANY(ARRAY[${list(q.excludeAccused)}]::text[])))` : sql``}`;
  const keys: Record<CountKey, string> = { day: 'day', track: 'track', value: 'value', accused: 'accused' };
  const group = q.groupBy.map((k) => keys[k]);
  const rows = await queryRows<{ day?: string; track?: string; value?: string; accused?: string; n: number | string }>(db, sql`
    SELECT ${sql.raw([...group.map((g) => (g === 'day' ? `to_char(day_start AT TIME ZONE 'UTC' + make_interval(mins => ${offset}), 'YYYY-MM-DD') AS day` : g)), 'sum(n)::bigint AS n'].join(', '))}
      FROM (
        SELECT day_start, track, value, accused_unit_id AS accused, n FROM analytics_daily_counts
         WHERE jurisdiction_id = ${j} AND measure = ${q.measure} AND dim = ${q.dim} AND day_start >= ${q.from} AND day_start < ${q.to} ${filters('accused_unit_id')}
        UNION ALL
        SELECT ${dayStartSql(sql`at`, offset)}, track, ${sql.raw(DIM_COLUMN[q.dim])}, COALESCE(accused_unit_id, ''), n FROM analytics_count_deltas
         WHERE jurisdiction_id = ${j} AND measure = ${q.measure} AND at >= ${q.from} AND at < ${q.to} ${filters('accused_unit_id')}
      ) x
     ${group.length ? sql.raw(`GROUP BY ${group.map((_, i) => i + 1).join(', ')}`) : sql``} HAVING sum(n) <> 0`);
  return rows.map((r) => ({ day: r.day ?? '', track: r.track ?? '', value: r.value ?? '', accused: r.accused ?? '', n: Number(r.n) }));
}

/**
 * Fold up to `limit` deltas into the daily rollup (the oldest first), in the caller's transaction holding the fold
 * lock; returns how many were folded. The first fold fixes the jurisdiction's bucketing offset.
 */
export async function foldCountDeltas(tx: Executor, jurisdictionId: string, offsetMinutes: number, limit: number): Promise<number> {
  const db = tx;
  await db.execute(sql`INSERT INTO analytics_rollup_state (jurisdiction_id, utc_offset_minutes) VALUES (${jurisdictionId}, ${offsetMinutes}) ON CONFLICT DO NOTHING`);
  const offset = (await rollupOffset(db, jurisdictionId))!;
  const [row] = await queryRows<{ n: number }>(db, sql`
    WITH claimed AS (
      DELETE FROM analytics_count_deltas WHERE jurisdiction_id = ${jurisdictionId} AND id IN (
        SELECT id FROM analytics_count_deltas WHERE jurisdiction_id = ${jurisdictionId} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING *),
    folded AS (
      INSERT INTO analytics_daily_counts (jurisdiction_id, measure, dim, day_start, track, value, accused_unit_id, n)
      SELECT ${jurisdictionId}, c.measure, d.dim, ${dayStartSql(sql`c.at`, offset)}, c.track, d.value, COALESCE(c.accused_unit_id, ''), sum(c.n)
        FROM claimed c CROSS JOIN LATERAL (VALUES ('channel', c.channel), ('kind', c.kind), ('category', COALESCE(c.category_id, '')), ('area', COALESCE(c.area_code, ''))) AS d(dim, value)
       GROUP BY 2, 3, 4, 5, 6, 7
      ON CONFLICT (jurisdiction_id, measure, dim, day_start, track, value, accused_unit_id) DO UPDATE SET n = analytics_daily_counts.n + EXCLUDED.n
      RETURNING 1)
    SELECT count(*)::int AS n FROM claimed`);
  return row?.n ?? 0;
}

/**
 * Count every appeal afresh into the daily rollup at `offsetMinutes`, in the caller's transaction (holding the fold
 * lock). The deltas are dropped by the same statement that counts the appeals, so both see one snapshot: a change
 * committed later keeps its delta, one committed earlier is in the count, none is in both.
 */
export async function rebuildDailyCounts(tx: Executor, jurisdictionId: string, offsetMinutes: number): Promise<number> {
  await tx.execute(sql`DELETE FROM analytics_daily_counts WHERE jurisdiction_id = ${jurisdictionId}`);
  await tx.execute(sql`INSERT INTO analytics_rollup_state (jurisdiction_id, utc_offset_minutes, rebuilt_at) VALUES (${jurisdictionId}, ${offsetMinutes}, now())
    ON CONFLICT (jurisdiction_id) DO UPDATE SET utc_offset_minutes = EXCLUDED.utc_offset_minutes, rebuilt_at = EXCLUDED.rebuilt_at`);
  const [row] = await queryRows<{ n: number }>(tx, sql`
    WITH dropped AS (DELETE FROM analytics_count_deltas WHERE jurisdiction_id = ${jurisdictionId} RETURNING 1),
    ins AS (
      INSERT INTO analytics_daily_counts (jurisdiction_id, measure, dim, day_start, track, value, accused_unit_id, n)
      SELECT ${jurisdictionId}, m.measure, d.dim, ${dayStartSql(sql`m.at`, offsetMinutes)}, a.track, d.value, COALESCE(a.accused_unit_id, ''), count(*)
        FROM appeals a
        CROSS JOIN LATERAL (VALUES ${sql.join(COUNT_MEASURES.map((m) => sql`(${m}, ${measureAtSql(m)})`), sql`, `)}) AS m(measure, at)
        CROSS JOIN LATERAL (VALUES ('channel', a.channel), ('kind', a.kind), ('category', COALESCE(a.category_id, '')), ('area', COALESCE(a.area_code, ''))) AS d(dim, value)
       WHERE a.jurisdiction_id = ${jurisdictionId} AND m.at IS NOT NULL
       GROUP BY 2, 3, 4, 5, 6, 7
      RETURNING 1)
    SELECT (SELECT count(*) FROM ins)::int + 0 * (SELECT count(*) FROM dropped)::int AS n`);
  return row?.n ?? 0;
}
