import { sql } from 'drizzle-orm';
import { OPEN_APPEAL, queryRows, UNSWEPT_CLOCK } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import type { ReportPeriodInput, ReportWindow } from './report-window';
import { presentWindow, reportWindow, shareOf, withSettings } from './report-window';
import { windowCounts } from './rollup-counts';

/** GB/T 2260 street/town codes are 9 digits; a community's 12-digit code starts with its street's. */
const STREET_CODE_LENGTH = 9;

/**
 * 街镇分布: per street/town of the jurisdiction, the period's appeals located in it or any of its communities
 * (rolled up by the 9-digit prefix), how many of them ran past a deadline and that share (超期率), and how many are
 * still open. "Ran past a deadline" follows the indicator engine's clock judgement: some clock of the appeal was due
 * before it stopped, paused or — still running — before now. Appeals located only at district level, or nowhere,
 * are counted apart as `unlocated`. Every street appears, with zeros, so a map shows the whole jurisdiction.
 */
type StreetRow = { street: string | null; volume: number; overdue: number; open: number };

const streetOf = (areaCode: string | null) => (areaCode !== null && areaCode.length >= STREET_CODE_LENGTH ? areaCode.slice(0, STREET_CODE_LENGTH) : null);

/**
 * The whole jurisdiction's figures from the daily rollup (volume, open, and appeals with a clock judged late by an
 * event: stopped or paused past due, or marked overdue by the deadline sweep — each on the day the appeal was
 * registered), plus the one live part: appeals whose running clock is past due but not swept yet (minutes' worth,
 * through appeal_clocks_unswept_idx), not counted late already. A year of a leader's map is then a sum of days, not a
 * read of every appeal of the year with its clocks. Null when the rollup cannot answer the window.
 */
async function rolledStreetRows(deps: Deps, w: ReportWindow, j: string): Promise<StreetRow[] | null> {
  const db = deps.database.reader;
  const measures = await Promise.all((['registered', 'open', 'late'] as const).map((m) => windowCounts(db, j, w, m, 'area', ['value'])));
  const [registered, open, late] = measures;
  if (!registered || !open || !late) return null;
  // From the unswept clocks to their appeals, one by one (LATERAL): the planner cannot know that few running clocks
  // past due lack the sweep's mark (it estimated 170,000 for 34 at a million appeals) and would otherwise hash every
  // appeal of the window against them.
  const unswept = await queryRows<{ area_code: string | null; n: number }>(db, sql`
    SELECT a.area_code, count(*)::int AS n
      FROM (SELECT DISTINCT c.appeal_id FROM appeal_clocks c WHERE c.jurisdiction_id = ${j}
              AND ${UNSWEPT_CLOCK} AND c.due_at < ${w.now}) u
     CROSS JOIN LATERAL (SELECT a.area_code FROM appeals a WHERE ${w.where} AND a.id = u.appeal_id
       AND NOT EXISTS (SELECT 1 FROM appeal_clocks l WHERE l.jurisdiction_id = ${j} AND l.appeal_id = a.id
                         AND minsheng_clock_ran_late(l.due_at, l.stopped_at, l.paused_at, l.overdue_notified_at))) a
     GROUP BY 1`);
  const rows = new Map<string | null, StreetRow>();
  const add = (areaCode: string | null, field: 'volume' | 'overdue' | 'open', n: number) => {
    const street = streetOf(areaCode || null);
    const row = rows.get(street) ?? { street, volume: 0, overdue: 0, open: 0 };
    row[field] += n;
    rows.set(street, row);
  };
  for (const r of registered) add(r.value, 'volume', r.n);
  for (const r of open) add(r.value, 'open', r.n);
  for (const r of late) add(r.value, 'overdue', r.n);
  for (const r of unswept) add(r.area_code, 'overdue', r.n);
  return [...rows.values()];
}

/** The figures counted from the period's appeals: a unit reader's subtree, or when the rollup cannot answer. */
async function countedStreetRows(deps: Deps, w: ReportWindow, j: string): Promise<StreetRow[]> {
  // "Some clock was due before it stopped, paused or — still running — before now", split in two: the clocks stopped
  // or paused late (appeal_clocks_late_idx) and the running ones past due (appeal_clocks_due_idx). For the whole
  // jurisdiction each is read once as a set of appeal ids and hashed; for a unit reader's few appeals each is looked
  // up by key.
  const late = sql`c.jurisdiction_id = ${j} AND c.due_at < coalesce(c.stopped_at, c.paused_at)`;
  const running = sql`c.jurisdiction_id = ${j} AND c.stopped_at IS NULL AND c.paused_at IS NULL AND c.due_at < ${w.now}`;
  const overdue = w.scope.unitIds === null
    ? sql`(a.id IN (SELECT c.appeal_id FROM appeal_clocks c WHERE ${late}) OR a.id IN (SELECT c.appeal_id FROM appeal_clocks c WHERE ${running}))`
    : sql`(EXISTS (SELECT 1 FROM appeal_clocks c WHERE ${late} AND c.appeal_id = a.id) OR EXISTS (SELECT 1 FROM appeal_clocks c WHERE ${running} AND c.appeal_id = a.id))`;
  // Room for both hashes in memory.
  return withSettings(deps, { work_mem: '64MB' }, (tx) => queryRows<StreetRow>(tx, sql`
      SELECT CASE WHEN length(a.area_code) >= ${STREET_CODE_LENGTH} THEN left(a.area_code, ${STREET_CODE_LENGTH}) END AS street,
             count(*)::int AS volume,
             count(*) FILTER (WHERE ${overdue})::int AS overdue,
             count(*) FILTER (WHERE ${OPEN_APPEAL})::int AS open
        FROM appeals a WHERE ${w.where} GROUP BY 1`));
}

/**
 * 街镇分布: per street/town of the jurisdiction, the period's appeals located in it or any of its communities
 * (rolled up by the 9-digit prefix), how many of them ran past a deadline and that share (超期率), and how many are
 * still open. "Ran past a deadline" follows the indicator engine's clock judgement: some clock of the appeal was due
 * before it stopped, paused or — still running — before now. Appeals located only at district level, or nowhere,
 * are counted apart as `unlocated`. Every street appears, with zeros, so a map shows the whole jurisdiction.
 */
export async function streetFigures(deps: Deps, user: SessionUser, q: ReportPeriodInput) {
  const w = await reportWindow(deps, user, q, { days: 30 });
  const j = user.jurisdictionId;
  const [streets, rows] = await Promise.all([
    queryRows<{ code: string; name: string; short_name: string }>(deps.database.reader, sql`
      SELECT code, name, short_name FROM areas WHERE jurisdiction_id = ${j} AND level = 'street' ORDER BY code`),
    rolledStreetRows(deps, w, j).then((rolled) => rolled ?? countedStreetRows(deps, w, j)),
  ]);
  const known = new Set(streets.map((s) => s.code));
  const zero = { volume: 0, overdue: 0, open: 0 };
  const byStreet = new Map(rows.filter((r) => r.street !== null && known.has(r.street)).map((r) => [r.street!, r]));
  const rest = rows.filter((r) => r.street === null || !known.has(r.street))
    .reduce((s, r) => ({ volume: s.volume + r.volume, overdue: s.overdue + r.overdue, open: s.open + r.open }), zero);
  const figures = (r: { volume: number; overdue: number; open: number }) => ({ volume: r.volume, overdue: r.overdue, overdueRate: shareOf(r.overdue, r.volume), open: r.open });
  return {
    period: presentWindow(w), asOf: w.now.toISOString(),
    total: rows.reduce((s, r) => s + r.volume, 0),
    streets: streets.map((s) => ({ areaCode: s.code, name: s.name, shortName: s.short_name, ...figures(byStreet.get(s.code) ?? zero) })),
    unlocated: figures(rest),
  };
}
