import { and, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { generatedReports } from '../schema';
import { readDailyCounts } from './analytics-counts';
import type { CountDim, CountKey, CountMeasure, DailyCountRow } from './analytics-counts';

export type GeneratedReportRow = typeof generatedReports.$inferSelect;
export type GeneratedReportHead = Omit<GeneratedReportRow, 'body'>;

/** Store a generated report; false when a scheduled one of that kind and period exists already (it stays as it was). */
export async function insertGeneratedReport(db: Executor, row: GeneratedReportRow): Promise<boolean> {
  const rows = await db.insert(generatedReports).values(row).onConflictDoNothing().returning({ id: generatedReports.id });
  return rows.length === 1;
}

/** The jurisdiction's reports, newest first, without their bodies. */
export async function listGeneratedReports(db: Executor, jurisdictionId: string, q: { kind?: string | undefined; limit: number }): Promise<GeneratedReportHead[]> {
  const where = [eq(generatedReports.jurisdictionId, jurisdictionId)];
  if (q.kind) where.push(eq(generatedReports.kind, q.kind));
  const { body: _body, ...head } = getTableColumns(generatedReports);
  return db.select(head).from(generatedReports).where(and(...where)).orderBy(desc(generatedReports.generatedAt), desc(generatedReports.id)).limit(q.limit);
}

export async function findGeneratedReport(db: Executor, jurisdictionId: string, id: string): Promise<GeneratedReportRow | null> {
  const rows = await db.select().from(generatedReports).where(and(eq(generatedReports.jurisdictionId, jurisdictionId), eq(generatedReports.id, id)));
  return rows[0] ?? null;
}

/** The scheduled report of a kind and period, if it was generated. */
export async function findScheduledReport(db: Executor, jurisdictionId: string, kind: string, period: string): Promise<GeneratedReportRow | null> {
  const rows = await db.select().from(generatedReports).where(and(eq(generatedReports.jurisdictionId, jurisdictionId), eq(generatedReports.kind, kind),
    eq(generatedReports.period, period), isNull(generatedReports.generatedBy)));
  return rows[0] ?? null;
}

// ── figures of a period (all read the appeals of one jurisdiction, optionally one track) ─────────────────────────

/** `offsetMinutes`, the jurisdiction's calendar, lets registered and closed counts come from the daily rollup. */
export interface ReportWindow { jurisdictionId: string; from: Date; to: Date; track?: string | undefined; offsetMinutes?: number | undefined }

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const trackOf = (w: ReportWindow, alias = 'a') => (w.track ? sql`AND ${sql.raw(alias)}.track = ${w.track}` : sql``);

export const APPEAL_DIMENSIONS = ['track', 'channel', 'kind', 'category', 'area', 'accused_unit'] as const;
export type AppealDimension = (typeof APPEAL_DIMENSIONS)[number];
const DIMENSION_SQL: Record<AppealDimension, SQL> = {
  track: sql`a.track`, channel: sql`a.channel`, kind: sql`a.kind`, category: sql`COALESCE(a.category_id, '')`,
  area: sql`COALESCE(a.area_code, '')`, accused_unit: sql`a.accused_unit_id`,
};

/** The daily rollup's answer for a window (null when it cannot give one: then the appeals are counted). */
async function rolledUp(db: Executor, w: ReportWindow, measure: CountMeasure, dimension: AppealDimension): Promise<Map<string, number> | null> {
  if (w.offsetMinutes === undefined) return null;
  const by: CountKey = dimension === 'track' ? 'track' : dimension === 'accused_unit' ? 'accused' : 'value';
  const dim: CountDim = dimension === 'track' || dimension === 'accused_unit' ? 'channel' : dimension;
  const rows = await readDailyCounts(db, { jurisdictionId: w.jurisdictionId, measure, dim, from: w.from, to: w.to, offsetMinutes: w.offsetMinutes, track: w.track, groupBy: [by] });
  if (!rows) return null;
  const key = (r: DailyCountRow) => (by === 'track' ? r.track : by === 'accused' ? r.accused : r.value);
  return new Map(rows.filter((r) => by !== 'accused' || r.accused !== '').map((r) => [key(r), r.n]));
}

/** Appeals registered (登记) in the window per value of one dimension; `accused_unit` counts only those naming one. */
export async function countRegisteredBy(db: Executor, w: ReportWindow, dimension: AppealDimension): Promise<Map<string, number>> {
  const rolled = await rolledUp(db, w, 'registered', dimension);
  if (rolled) return rolled;
  const key = DIMENSION_SQL[dimension];
  const rows = await queryRows<{ key: string; n: number }>(db, sql`
    SELECT ${key} AS key, count(*)::int AS n FROM appeals a
     WHERE a.jurisdiction_id = ${w.jurisdictionId} AND a.created_at >= ${w.from} AND a.created_at < ${w.to} ${trackOf(w)}
       ${dimension === 'accused_unit' ? sql`AND a.accused_unit_id IS NOT NULL` : sql``}
     GROUP BY 1`);
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** Appeals closed (办结, closed_at) in the window. */
export async function countClosed(db: Executor, w: ReportWindow): Promise<number> {
  const rolled = await rolledUp(db, w, 'closed', 'track');
  if (rolled) return [...rolled.values()].reduce((s, n) => s + n, 0);
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM appeals a
    WHERE a.jurisdiction_id = ${w.jurisdictionId} AND a.closed_at >= ${w.from} AND a.closed_at < ${w.to} ${trackOf(w)}`);
  return row?.n ?? 0;
}

/** Events of the given actions in the window, per action. */
export async function countEvents(db: Executor, w: ReportWindow, actions: readonly string[]): Promise<Map<string, number>> {
  const rows = await queryRows<{ action: string; n: number }>(db, sql`
    SELECT e.action, count(*)::int AS n FROM appeal_events e JOIN appeals a ON a.jurisdiction_id = e.jurisdiction_id AND a.id = e.appeal_id
     WHERE e.jurisdiction_id = ${w.jurisdictionId} AND e.occurred_at >= ${w.from} AND e.occurred_at < ${w.to}
       AND e.action IN (${list(actions)}) ${trackOf(w)}
     GROUP BY 1`);
  return new Map(rows.map((r) => [r.action, r.n]));
}

/**
 * Events of the given actions per unit: a dispatch counts for the unit it names, every other action for the appeal's
 * lead unit as the report is generated (the report is frozen then, so this does not move afterwards).
 */
export async function countEventsByUnit(db: Executor, w: ReportWindow, actions: readonly string[]): Promise<{ unitId: string; action: string; n: number }[]> {
  return queryRows(db, sql`
    SELECT COALESCE(CASE WHEN e.action IN ('dispatch', 'sub_dispatch') THEN e.payload->>'leadUnitId' END, a.lead_unit_id) AS "unitId", e.action, count(*)::int AS n
      FROM appeal_events e JOIN appeals a ON a.jurisdiction_id = e.jurisdiction_id AND a.id = e.appeal_id
     WHERE e.jurisdiction_id = ${w.jurisdictionId} AND e.occurred_at >= ${w.from} AND e.occurred_at < ${w.to}
       AND e.action IN (${list(actions)}) ${trackOf(w)}
     GROUP BY 1, 2 HAVING COALESCE(CASE WHEN e.action IN ('dispatch', 'sub_dispatch') THEN e.payload->>'leadUnitId' END, a.lead_unit_id) IS NOT NULL`);
}

/** Written results (支持/解释/不予支持 …) of the replies approved in the window, per result. */
export async function countApprovedReplyResults(db: Executor, w: ReportWindow): Promise<Map<string, number>> {
  const rows = await queryRows<{ result: string; n: number }>(db, sql`
    SELECT COALESCE(a.reply->>'result', '') AS result, count(*)::int AS n
      FROM appeal_events e JOIN appeals a ON a.jurisdiction_id = e.jurisdiction_id AND a.id = e.appeal_id
     WHERE e.jurisdiction_id = ${w.jurisdictionId} AND e.occurred_at >= ${w.from} AND e.occurred_at < ${w.to}
       AND e.action IN ('approve_reply', 'decide_review', 'decide_rereview') ${trackOf(w)}
     GROUP BY 1`);
  return new Map(rows.map((r) => [r.result, r.n]));
}

/** An appeal as a report lists it: never the citizen, never the content. */
export interface ReportAppealRow {
  id: string; number: string; title: string; confidential: boolean; status: string; categoryId: string | null; leadUnitId: string | null;
}
const APPEAL_HEAD = sql`a.id, a.number, a.title, a.confidential, a.status, a.category_id AS "categoryId", a.lead_unit_id AS "leadUnitId"`;

/**
 * Sign-for and handling clocks that ran past due in the window (the late members of 按时签收率 and 按时办结率), most
 * overdue first; `stoppedAt` null while still running at `asOf`.
 */
export async function listOverdueClocks(db: Executor, w: ReportWindow, asOf: Date, limit: number) {
  const where = sql`r.jurisdiction_id = ${w.jurisdictionId} AND r.clock IN ('sign_for', 'handling') AND r.due_at >= ${w.from} AND r.due_at < ${w.to}
    AND r.due_at < COALESCE(r.stopped_at, r.paused_at, ${asOf}::timestamptz) AND r.started_at <= ${asOf} ${trackOf(w)}`;
  const rows = await queryRows<ReportAppealRow & { clock: string; dueAt: Date | string; stoppedAt: Date | string | null; total: number }>(db, sql`
    SELECT ${APPEAL_HEAD}, r.clock, r.due_at AS "dueAt", r.stopped_at AS "stoppedAt", count(*) OVER ()::int AS total
      FROM appeal_clock_runs r JOIN appeals a ON a.jurisdiction_id = r.jurisdiction_id AND a.id = r.appeal_id
     WHERE ${where}
     ORDER BY COALESCE(r.stopped_at, ${asOf}::timestamptz) - r.due_at DESC, a.number LIMIT ${limit}`);
  return { total: rows[0]?.total ?? 0, items: rows.map((r) => ({ ...r, dueAt: new Date(r.dueAt), stoppedAt: r.stoppedAt ? new Date(r.stoppedAt) : null })) };
}

/**
 * Appeals with at least one of `actions` in the window, ranked by a weight per action (e.g. redo 3, supervise 2,
 * urge 1), with the count of each action in the window.
 */
export async function rankAppealsByEvents(db: Executor, w: ReportWindow, weights: Readonly<Record<string, number>>, limit: number) {
  const actions = Object.keys(weights);
  const score = sql.join(actions.map((a) => sql`${weights[a]!}::int * count(*) FILTER (WHERE e.action = ${a})`), sql` + `);
  const counts = sql.join(actions.map((a) => sql`${a}::text, count(*) FILTER (WHERE e.action = ${a})`), sql`, `);
  const rows = await queryRows<ReportAppealRow & { score: number; counts: Record<string, number>; total: number }>(db, sql`
    SELECT ${APPEAL_HEAD}, (${score})::int AS score, json_build_object(${counts}) AS counts, count(*) OVER ()::int AS total
      FROM appeal_events e JOIN appeals a ON a.jurisdiction_id = e.jurisdiction_id AND a.id = e.appeal_id
     WHERE e.jurisdiction_id = ${w.jurisdictionId} AND e.occurred_at >= ${w.from} AND e.occurred_at < ${w.to}
       AND e.action IN (${list(actions)}) ${trackOf(w)}
     GROUP BY a.id, a.number, a.title, a.confidential, a.status, a.category_id, a.lead_unit_id
     ORDER BY 8 DESC, a.number LIMIT ${limit}`);
  return { total: rows[0]?.total ?? 0, items: rows.map((r) => ({ ...r, counts: typeof r.counts === 'string' ? JSON.parse(r.counts) as Record<string, number> : r.counts })) };
}
