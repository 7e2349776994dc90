import { CLOCK_COMPLETIONS } from './definitions';
import type { ClockRun, FactEvent } from './facts';

/** How a clock run ended, if it has: completed by its own event (on time or late), or run past due. */
export type ClockJudgement =
  | { ended: false }
  | { ended: true; endAt: Date; completed: boolean; onTime: boolean };

/**
 * A run ends when the event it waits for stops it in time (at that moment) or when it runs past due (at the due
 * time, so an overdue open appeal counts in the period its deadline passed, and a late reply later never moves it). A run stopped by anything else before
 * its due time (a return, a merge) ends nowhere and counts in no figure; a paused run is judged as of its pause.
 */
export function judgeClockRun(run: ClockRun, events: readonly FactEvent[], asOf: Date): ClockJudgement {
  const completions = CLOCK_COMPLETIONS[run.clock] ?? [];
  const stop = run.stoppedAt?.getTime();
  const completed = stop !== undefined && events.some((e) => completions.includes(e.action) && e.at.getTime() === stop);
  // A late run is judged at its due time whether or not it was completed later, so its period never moves.
  if (completed && stop <= run.dueAt.getTime()) return { ended: true, endAt: run.stoppedAt!, completed: true, onTime: true };
  const lastLive = run.stoppedAt ?? run.pausedAt ?? asOf;
  if (run.dueAt.getTime() < lastLive.getTime()) return { ended: true, endAt: run.dueAt, completed, onTime: false };
  return { ended: false };
}
