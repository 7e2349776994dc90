import { sql } from 'drizzle-orm';
import { appealScopeByUnits, OPEN_APPEAL, queryRows, readDailyCounts, UNSWEPT_CLOCK } from '@minsheng/db';
import type { DailyCountRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { appealScopeOf } from '../../appeals/appeal-scope';

export interface DashboardInput {
  /** Days of trend, ending today (local calendar days of the jurisdiction). */
  days: number;
  /** "Due soon": a running clock falls due within this many hours. */
  soonHours: number;
}

const DAY_MS = 86_400_000;

/** Local calendar day (YYYY-MM-DD) of an instant, at a fixed UTC offset. */
function localDay(at: Date, offsetMinutes: number): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * 数据看板 figures, computed in SQL over the user's scope: today's intake, open, overdue and due-soon appeals (in
 * total and by responsible unit: the lead unit, or the receiving unit before dispatch), intake and closures per day,
 * and open appeals by status and the period's intake by channel. "Overdue" is the appeal list's definition: a
 * running, unpaused clock past its due time (overdueNow).
 */
export async function dashboard(deps: Deps, user: SessionUser, input: DashboardInput) {
  const db = deps.database.reader;
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const offset = runtime.settings.utcOffsetMinutes;
  const now = deps.now();
  const today = localDay(now, offset);
  const todayStart = new Date(Date.parse(`${today}T00:00:00Z`) - offset * 60_000);
  const from = new Date(todayStart.getTime() - (input.days - 1) * DAY_MS);
  const soon = new Date(now.getTime() + input.soonHours * 3_600_000);
  const readerScope = await appealScopeOf(deps, user);
  const j = user.jurisdictionId;
  const base = sql`a.jurisdiction_id = ${j} AND ${appealScopeByUnits(readerScope)}`;
  const open = OPEN_APPEAL;
  const day = (column: string) => sql`to_char(${sql.raw(column)} AT TIME ZONE 'UTC' + make_interval(mins => ${offset}::int), 'YYYY-MM-DD')`;

  // Counted per responsible unit and status without reading a clock: the open appeals (appeals_open_idx, index-only,
  // with overdue_marked, the sweep's 超期) and, of the others, those registered today or closed today (two small reads).
  const unit = sql`coalesce(a.lead_unit_id, a.owner_unit_id)`;
  const todays = sql`count(*) FILTER (WHERE a.created_at >= ${todayStart})::int AS today_intake,
           count(*) FILTER (WHERE a.closed_at >= ${todayStart})::int AS closed_today`;
  const countsSql = sql`
    SELECT ${unit} AS unit_id, a.status, count(*)::int AS open, count(*) FILTER (WHERE a.overdue_marked)::int AS marked, ${todays}
      FROM appeals a WHERE ${base} AND ${open} GROUP BY 1, 2
    UNION ALL
    SELECT ${unit}, a.status, 0, 0, ${todays} FROM appeals a WHERE ${base} AND NOT (${open}) AND a.created_at >= ${todayStart} GROUP BY 1, 2
    UNION ALL
    SELECT ${unit}, a.status, 0, 0, ${todays} FROM appeals a
     WHERE ${base} AND NOT (${open}) AND a.closed_at >= ${todayStart} AND a.created_at < ${todayStart} GROUP BY 1, 2`;
  // The live rest, from the running clocks no sweep has marked (appeal_clocks_unswept_idx: minutes' and hours' worth)
  // due before `soon`: an open appeal without the mark is 超期 when one is past due, else due soon (a clock due soon is
  // not past due, so never marked). From clock to appeal by key (LATERAL, OFFSET 0 so it is not flattened into a
  // join): PostgreSQL cannot tell how few these clocks are, and would otherwise hash every open appeal to join them.
  const liveSql = sql`
    SELECT a.unit_id, count(*) FILTER (WHERE k.overdue)::int AS overdue, count(*) FILTER (WHERE NOT k.overdue)::int AS due_soon
      FROM (SELECT c.appeal_id, bool_or(c.due_at < ${now}) AS overdue FROM appeal_clocks c
             WHERE c.jurisdiction_id = ${j} AND ${UNSWEPT_CLOCK} AND c.due_at < ${soon}
             GROUP BY 1) k
      CROSS JOIN LATERAL (SELECT ${unit} AS unit_id FROM appeals a
                           WHERE a.jurisdiction_id = ${j} AND a.id = k.appeal_id AND ${base} AND ${open} AND NOT a.overdue_marked OFFSET 0) a
     GROUP BY 1`;
  type Counts = { today_intake: number; open: number; overdue: number; due_soon: number; closed_today: number };
  // The days' counts from the daily rollup for a reader of the whole jurisdiction (a unit reader's subtree from the appeals).
  const perDay = (rows: DailyCountRow[]) => [...rows.reduce((m, r) => m.set(r.day, (m.get(r.day) ?? 0) + r.n), new Map<string, number>())].map(([d, n]) => ({ day: d, n }));
  const days = async () => {
    const rolled = readerScope.unitIds !== null ? null : await Promise.all((['registered', 'closed'] as const).map((measure) => readDailyCounts(db, {
      jurisdictionId: j, measure, dim: 'channel', from, to: new Date(todayStart.getTime() + DAY_MS), offsetMinutes: offset,
      excludeAccused: readerScope.ancestorIds, groupBy: ['day', 'value'],
    })));
    const [rolledIntake, rolledClosed] = rolled ?? [null, null];
    return Promise.all([
      rolledIntake ? perDay(rolledIntake) : queryRows<{ day: string; n: number }>(db, sql`
        SELECT ${day('a.created_at')} AS day, count(*)::int AS n FROM appeals a WHERE ${base} AND a.created_at >= ${from} GROUP BY 1`),
      rolledClosed ? perDay(rolledClosed) : queryRows<{ day: string; n: number }>(db, sql`
        SELECT ${day('a.closed_at')} AS day, count(*)::int AS n FROM appeals a WHERE ${base} AND a.closed_at >= ${from} GROUP BY 1`),
      rolledIntake
        ? [...rolledIntake.reduce((m, r) => m.set(r.value, (m.get(r.value) ?? 0) + r.n), new Map<string, number>())].map(([channel, n]) => ({ channel, n }))
          .sort((a, b) => b.n - a.n || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0))
        : queryRows<{ channel: string; n: number }>(db, sql`
          SELECT a.channel, count(*)::int AS n FROM appeals a WHERE ${base} AND a.created_at >= ${from} GROUP BY 1 ORDER BY 2 DESC, 1`),
    ]);
  };
  // The figures are independent: read at once, the request waits for the slowest rather than for their sum.
  const [counted, live, [intake, closed, byChannel]] = await Promise.all([
    queryRows<{ unit_id: string; status: string; open: number; marked: number; today_intake: number; closed_today: number }>(db, countsSql),
    queryRows<{ unit_id: string; overdue: number; due_soon: number }>(db, liveSql),
    days(),
  ]);
  const units = new Map<string, Counts>();
  const unitCounts = (id: string) => units.get(id) ?? units.set(id, { today_intake: 0, open: 0, overdue: 0, due_soon: 0, closed_today: 0 }).get(id)!;
  const statuses = new Map<string, number>();
  for (const r of counted) {
    const u = unitCounts(r.unit_id);
    u.today_intake += r.today_intake; u.open += r.open; u.overdue += r.marked; u.closed_today += r.closed_today;
    if (r.open) statuses.set(r.status, (statuses.get(r.status) ?? 0) + r.open);
  }
  for (const r of live) {
    const u = unitCounts(r.unit_id);
    u.overdue += r.overdue; u.due_soon += r.due_soon;
  }
  const byUnit = [...units].map(([unit_id, c]) => ({ unit_id, ...c }))
    .sort((a, b) => b.open - a.open || b.overdue - a.overdue || (a.unit_id < b.unit_id ? -1 : a.unit_id > b.unit_id ? 1 : 0));
  const byStatus = [...statuses].map(([status, n]) => ({ status, n }))
    .sort((a, b) => b.n - a.n || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
  const totals = byUnit.reduce<Counts>((t, r) => ({
    today_intake: t.today_intake + r.today_intake, open: t.open + r.open, overdue: t.overdue + r.overdue,
    due_soon: t.due_soon + r.due_soon, closed_today: t.closed_today + r.closed_today,
  }), { today_intake: 0, open: 0, overdue: 0, due_soon: 0, closed_today: 0 });

  const intakeBy = new Map(intake.map((r) => [r.day, r.n]));
  const closedBy = new Map(closed.map((r) => [r.day, r.n]));
  const trend = Array.from({ length: input.days }, (_, i) => {
    const date = localDay(new Date(from.getTime() + i * DAY_MS), offset);
    return { date, intake: intakeBy.get(date) ?? 0, closed: closedBy.get(date) ?? 0 };
  });
  const counts = (r: Counts) => ({ todayIntake: r.today_intake, open: r.open, overdue: r.overdue, dueSoon: r.due_soon, closedToday: r.closed_today });
  return {
    generatedAt: now.toISOString(), today, days: input.days, soonHours: input.soonHours,
    totals: counts(totals),
    byUnit: byUnit.map((r) => ({ unitId: r.unit_id, ...counts(r) })),
    trend,
    byStatus: byStatus.map((r) => ({ status: r.status, count: r.n })),
    byChannel: byChannel.map((r) => ({ channel: r.channel, count: r.n })),
  };
}
