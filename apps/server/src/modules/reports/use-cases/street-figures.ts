import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import type { ReportPeriodInput } from './report-window';
import { OPEN_APPEAL, presentWindow, reportWindow, shareOf, withSettings } from './report-window';

/** GB/T 2260 street/town codes are 9 digits; a community's 12-digit code starts with its street's. */
const STREET_CODE_LENGTH = 9;

/**
 * 街镇分布: per street/town of the jurisdiction, the period's appeals located in it or any of its communities
 * (rolled up by the 9-digit prefix), how many of them ran past a deadline and that share (超期率), and how many are
 * still open. "Ran past a deadline" follows the indicator engine's clock judgement: some clock of the appeal was due
 * before it stopped, paused or — still running — before now. Appeals located only at district level, or nowhere,
 * are counted apart as `unlocated`. Every street appears, with zeros, so a map shows the whole jurisdiction.
 */
export async function streetFigures(deps: Deps, user: SessionUser, q: ReportPeriodInput) {
  const w = await reportWindow(deps, user, q, { days: 30 });
  const db = deps.database.reader;
  const j = user.jurisdictionId;
  // "Some clock was due before it stopped, paused or — still running — before now", split in two: the clocks stopped
  // or paused late (appeal_clocks_late_idx) and the running ones past due (appeal_clocks_due_idx). For the whole
  // jurisdiction each is read once as a set of appeal ids and hashed (a month at 10 million appeals' monthly density: 280,000
  // appeals, which one by one took 2.4 s); for a unit reader's few appeals each is looked up by key.
  const late = sql`c.jurisdiction_id = ${j} AND c.due_at < coalesce(c.stopped_at, c.paused_at)`;
  const running = sql`c.jurisdiction_id = ${j} AND c.stopped_at IS NULL AND c.paused_at IS NULL AND c.due_at < ${w.now}`;
  const overdue = w.scope.unitIds === null
    ? sql`(a.id IN (SELECT c.appeal_id FROM appeal_clocks c WHERE ${late}) OR a.id IN (SELECT c.appeal_id FROM appeal_clocks c WHERE ${running}))`
    : sql`(EXISTS (SELECT 1 FROM appeal_clocks c WHERE ${late} AND c.appeal_id = a.id) OR EXISTS (SELECT 1 FROM appeal_clocks c WHERE ${running} AND c.appeal_id = a.id))`;
  const [streets, rows] = await Promise.all([
    queryRows<{ code: string; name: string; short_name: string }>(db, sql`
      SELECT code, name, short_name FROM areas WHERE jurisdiction_id = ${j} AND level = 'street' ORDER BY code`),
    // Room for both hashes (some 700,000 clocks at 10 million appeals' monthly density) in memory.
    withSettings(deps, { work_mem: '64MB' }, (tx) => queryRows<{ street: string | null; volume: number; overdue: number; open: number }>(tx, sql`
        SELECT CASE WHEN length(a.area_code) >= ${STREET_CODE_LENGTH} THEN left(a.area_code, ${STREET_CODE_LENGTH}) END AS street,
               count(*)::int AS volume,
               count(*) FILTER (WHERE ${overdue})::int AS overdue,
               count(*) FILTER (WHERE ${OPEN_APPEAL})::int AS open
          FROM appeals a WHERE ${w.where} GROUP BY 1`)),
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
