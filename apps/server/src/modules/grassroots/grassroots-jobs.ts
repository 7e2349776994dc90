import { enqueueJob, listJurisdictions } from '@minsheng/db';
import type { JobRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import { materialiseRevisits } from './use-cases/revisits';

/** grassroots_revisits: make due the revisits (回访) of resolved disputes whose planned date has come (idempotent). */
export const GRASSROOTS_JOB_HANDLERS = {
  grassroots_revisits: async (deps: Deps, job: JobRow) => { await materialiseRevisits(deps, job.jurisdictionId); },
};

/** Enqueue the revisit run once an hour per jurisdiction (deterministic key), checked every minute while the worker runs. */
export function startGrassrootsSchedules(deps: Deps, everyMs = 60_000): () => void {
  const run = () => {
    const db = deps.database.db;
    const now = deps.now();
    const hour = now.toISOString().slice(0, 13);
    listJurisdictions(db)
      .then(async (list) => { for (const j of list) await enqueueJob(db, { jurisdictionId: j.id, kind: 'grassroots_revisits', dedupeKey: `grassroots_revisits:${hour}`, runAt: now, maxAttempts: 1 }); })
      .catch((err) => console.error('[grassroots] scheduling failed:', err instanceof Error ? err.message : err));
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
