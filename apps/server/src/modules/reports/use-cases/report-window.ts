import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { AppError } from '@minsheng/contracts';
import { appealScopeByUnits } from '@minsheng/db';
import type { AppealScope, Executor } from '@minsheng/db';
import { resolvePeriod } from '@minsheng/domain';
import type { Period } from '@minsheng/domain';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { appealScopeOf } from '../../appeals/appeal-scope';

const DAY_MS = 86_400_000;

/** How far back a chart reaches when the request names no `from`, counted back from `to` (default today). */
export type DefaultSpan = { days: number } | { weeks: number } | { months: number };

/** Local days, inclusive; `days` (instead of `from`) means the last n days ending `to`. */
export interface ReportPeriodInput { from?: string | undefined; to?: string | undefined; days?: number | undefined }

/** The period, its UTC offset and the WHERE every dashboard figure shares: tenant, the user's scope, registered in the period. */
export interface ReportWindow { period: Period; offset: number; now: Date; where: SQL; scope: AppealScope }

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const isCalendarDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && dayOf(new Date(`${s}T00:00:00Z`)) === s;

/** The first local day of the default span ending on `to` (whole weeks from a Monday, whole months from the 1st). */
function defaultFrom(to: string, span: DefaultSpan): string {
  const last = new Date(`${to}T00:00:00Z`);
  if ('days' in span) return dayOf(new Date(last.getTime() - (span.days - 1) * DAY_MS));
  if ('weeks' in span) {
    const monday = last.getTime() - ((last.getUTCDay() + 6) % 7) * DAY_MS;
    return dayOf(new Date(monday - (span.weeks - 1) * 7 * DAY_MS));
  }
  return dayOf(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - (span.months - 1), 1)));
}

/**
 * The dashboard charts' common ground: a custom period of local calendar days (Asia/Shanghai, the jurisdiction's
 * offset), and the appeals the user may read that were registered in it — the same scope as the appeal list and
 * GET /api/reports/dashboard (leaders the whole jurisdiction, units their subtree).
 */
export async function reportWindow(deps: Deps, user: SessionUser, q: ReportPeriodInput, span: DefaultSpan): Promise<ReportWindow> {
  if (q.days !== undefined && q.from !== undefined) throw new AppError('VALIDATION_FAILED', 'give either from or days, not both', { field: 'days' });
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const offset = runtime.settings.utcOffsetMinutes;
  const now = deps.now();
  const to = q.to ?? dayOf(new Date(now.getTime() + offset * 60_000));
  if (!isCalendarDay(to)) throw new AppError('VALIDATION_FAILED', 'to must be a calendar day YYYY-MM-DD', { field: 'to' });
  const from = q.from ?? defaultFrom(to, q.days !== undefined ? { days: q.days } : span);
  const r = resolvePeriod({ kind: 'custom', from, to }, offset, now);
  if (!r.ok) throw new AppError('VALIDATION_FAILED', r.message, { field: r.field === 'period' ? 'from' : r.field });
  const scope = await appealScopeOf(deps, user);
  const where = sql`a.jurisdiction_id = ${user.jurisdictionId} AND ${appealScopeByUnits(scope)} AND a.created_at >= ${r.period.from} AND a.created_at < ${r.period.to}`;
  return { period: r.period, offset, now, where, scope };
}

/** Planner settings a dashboard's statement may raise or lower for itself. */
export interface StatementSettings { work_mem?: '64MB' }

/**
 * Run a dashboard's big statement with its own settings (SET LOCAL in a transaction, so they end with it). A read
 * replica's executor runs no transactions: there the statement runs as it is, with the standby's settings.
 */
export function withSettings<T>(deps: Deps, settings: StatementSettings, fn: (db: Executor) => Promise<T>): Promise<T> {
  const { db, reader } = deps.database;
  if (reader !== db) return fn(reader);
  return db.transaction(async (tx) => {
    for (const [name, value] of Object.entries(settings)) await tx.execute(sql.raw(`SET LOCAL ${name} = '${String(value)}'`));
    return fn(tx);
  });
}

/** An appeal column's local wall-clock time (a `timestamp` in the jurisdiction's calendar), for grouping by day, week or month. */
export function localTime(column: string, offset: number): SQL {
  return sql`(${sql.raw(column)} AT TIME ZONE 'UTC' + make_interval(mins => ${offset}::int))`;
}

/** The period as the wire shows it. */
export function presentWindow(w: ReportWindow) {
  return { from: w.period.from.toISOString(), to: w.period.to.toISOString(), firstDay: w.period.firstDay, lastDay: w.period.lastDay };
}

/** A share rounded to four decimals; null when there is nothing to share. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
