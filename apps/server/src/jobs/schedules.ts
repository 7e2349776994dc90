import { listJurisdictions } from '@minsheng/db';
import type { Deps } from '../deps';

/**
 * A recurring enqueue: once when a worker starts and every `everyMs` after, for each jurisdiction, queue the jobs
 * now due under deterministic dedupe keys — so however many processes schedule, each run is queued once.
 */
export interface Schedule {
  /** Names the schedule in the log when queuing fails. */
  name: string;
  everyMs: number;
  enqueue: (deps: Deps, jurisdictionId: string, now: Date) => Promise<void>;
}

/** Start every schedule on its own timer (one failing jurisdiction or schedule does not stop the others); returns the stop. */
export function startSchedules(deps: Deps, schedules: readonly Schedule[]): () => void {
  const timers = schedules.map((schedule) => {
    const run = () => {
      listJurisdictions(deps.database.db)
        .then(async (list) => { for (const j of list) await schedule.enqueue(deps, j.id, deps.now()); })
        .catch((err) => console.error(`[${schedule.name}] scheduling failed:`, err instanceof Error ? err.message : err));
    };
    const timer = setInterval(run, schedule.everyMs);
    timer.unref();
    run();
    return timer;
  });
  return () => { for (const timer of timers) clearInterval(timer); };
}
