import { sql } from 'drizzle-orm';
import { AppError } from '@minsheng/contracts';
import type { DurationUnit } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import type { Deps } from '../deps';
import { requireRuntime } from '../runtime/require-runtime';
import { transitionAppeal } from '../modules/appeals/use-cases/transition-appeal';
import { systemUser } from './system-user';

interface DueClock { appeal_id: string; clock: string; started_at: Date; due_at: Date; unit: string; yellow_notified_at: Date | null; overdue_notified_at: Date | null }

/**
 * One pass over running clocks: at yellow the appeal is urged automatically (催办), when overdue the clock is marked.
 * Bounded per pass; the marks make it idempotent. (The supervision notice after overdue arrives with the lifecycle
 * issue; the mark and the urge are two writes, so a crash between them loses that one urge.)
 */
export async function sweepDeadlines(deps: Deps, jurisdictionId: string, limit = 500): Promise<{ yellow: number; overdue: number }> {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, jurisdictionId);
  const now = deps.now();
  // Candidates: running, unpaused clocks whose yellow or red mark is still unset, nearest due first.
  const rows = await queryRows<DueClock>(db, sql`
    SELECT appeal_id, clock, started_at, due_at, unit, yellow_notified_at, overdue_notified_at FROM appeal_clocks
    WHERE jurisdiction_id = ${jurisdictionId} AND stopped_at IS NULL AND paused_at IS NULL
      AND (overdue_notified_at IS NULL) AND due_at < ${new Date(now.getTime() + 30 * 86_400_000)}
    ORDER BY due_at LIMIT ${limit}`);
  let yellow = 0, overdue = 0;
  for (const c of rows) {
    const light = runtime.calendar.light(new Date(c.started_at), new Date(c.due_at), now, c.unit as DurationUnit, runtime.settings.yellowAt);
    if (light === 'red') {
      const marked = await queryRows(db, sql`UPDATE appeal_clocks SET overdue_notified_at = ${now}, yellow_notified_at = COALESCE(yellow_notified_at, ${now})
        WHERE jurisdiction_id = ${jurisdictionId} AND appeal_id = ${c.appeal_id} AND clock = ${c.clock} AND overdue_notified_at IS NULL
          AND started_at = ${new Date(c.started_at)} AND due_at = ${new Date(c.due_at)} RETURNING clock`);
      if (marked.length) overdue += 1; // a concurrent sweep may have marked it first
    } else if (light === 'yellow' && !c.yellow_notified_at) {
      const marked = await queryRows(db, sql`UPDATE appeal_clocks SET yellow_notified_at = ${now}
        WHERE jurisdiction_id = ${jurisdictionId} AND appeal_id = ${c.appeal_id} AND clock = ${c.clock} AND yellow_notified_at IS NULL
          AND started_at = ${new Date(c.started_at)} AND due_at = ${new Date(c.due_at)} RETURNING clock`); // only the clock as read, not one restarted meanwhile
      if (!marked.length) continue; // another process got there first
      yellow += 1;
      try {
        await transitionAppeal(deps, systemUser(jurisdictionId, runtime.rootUnitId), c.appeal_id, {
          action: 'urge', input: { reason: `系统自动催办：${c.clock} 时限已用 ${Math.round(runtime.settings.yellowAt * 100)}%` },
        });
      } catch (err) {
        // The appeal moved on meanwhile (or sits where urging is not allowed): the mark stays, nothing else to do.
        if (!(err instanceof AppError)) throw err;
      }
    }
  }
  return { yellow, overdue };
}
