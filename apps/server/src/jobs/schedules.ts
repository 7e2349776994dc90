import { enqueueJob, listJurisdictions } from '@minsheng/db';
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

/** A job of `kind` once an hour per jurisdiction (the hour in its key), checked every minute while a worker runs. */
export function hourlyJob(name: string, kind: string): Schedule {
  return {
    name, everyMs: 60_000,
    enqueue: async (deps, jurisdictionId, now) => {
      await enqueueJob(deps.database.db, { jurisdictionId, kind, dedupeKey: `${kind}:${now.toISOString().slice(0, 13)}`, runAt: now, maxAttempts: 1 });
    },
  };
}
