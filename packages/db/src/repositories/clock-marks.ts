import { sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';

/** A running clock the deadline sweep still has something to do for. */
export interface SweepClock {
  appeal_id: string; clock: string; started_at: Date; due_at: Date; unit: string;
  yellow_notified_at: Date | null; overdue_notified_at: Date | null; notice_issued_at: Date | null; bulletin_flagged_at: Date | null;
}

export type ClockMark = 'yellow_notified_at' | 'overdue_notified_at' | 'notice_issued_at' | 'bulletin_flagged_at';

/**
 * Running, unpaused clocks due before `until` that are not yet through every step (overdue mark, notice, bulletin),
 * nearest due first, bounded. Served by the partial index appeal_clocks_due_idx.
 */
export async function sweepCandidates(db: Executor, jurisdictionId: string, until: Date, limit: number): Promise<SweepClock[]> {
  return queryRows<SweepClock>(db, sql`
    SELECT appeal_id, clock, started_at, due_at, unit, yellow_notified_at, overdue_notified_at, notice_issued_at, bulletin_flagged_at
    FROM appeal_clocks
    WHERE jurisdiction_id = ${jurisdictionId} AND stopped_at IS NULL AND paused_at IS NULL AND due_at < ${until}
      AND (overdue_notified_at IS NULL OR notice_issued_at IS NULL OR bulletin_flagged_at IS NULL)
    ORDER BY due_at LIMIT ${limit}`);
}

/**
 * Set one sweep mark on the clock exactly as it was read (same start and due time, mark still unset). False when
 * another process got there first or the clock was restarted meanwhile: the caller then does nothing. Run it in
 * the transaction of the event it stands for, so mark and event commit together or not at all.
 */
export async function markClock(tx: Executor, jurisdictionId: string, c: Pick<SweepClock, 'appeal_id' | 'clock' | 'started_at' | 'due_at'>, mark: ClockMark, now: Date): Promise<boolean> {
  const column = sql.raw(mark);
  // Overdue implies past yellow: a clock that went from green to red between sweeps is not urged afterwards.
  const alsoYellow = mark === 'overdue_notified_at' ? sql`, yellow_notified_at = COALESCE(yellow_notified_at, ${now})` : sql``;
  // The overdue mark also sets the appeal's overdue_marked (a trigger): lock the appeal first, as every transition
  // does before it writes clocks, so a sweep and a transition on one appeal wait for each other instead of deadlocking.
  if (mark === 'overdue_notified_at') {
    await queryRows(tx, sql`SELECT 1 FROM appeals WHERE jurisdiction_id = ${jurisdictionId} AND id = ${c.appeal_id} FOR UPDATE`);
  }
  const rows = await queryRows(tx, sql`
    UPDATE appeal_clocks SET ${column} = ${now}${alsoYellow}
    WHERE jurisdiction_id = ${jurisdictionId} AND appeal_id = ${c.appeal_id} AND clock = ${c.clock} AND ${column} IS NULL
      AND started_at = ${new Date(c.started_at)} AND due_at = ${new Date(c.due_at)}
    RETURNING clock`);
  return rows.length === 1;
}
