import { enqueueJob, foldAnalytics, listJurisdictions } from '@minsheng/db';
import type { FoldResult, JobRow } from '@minsheng/db';
import type { Deps } from '../deps';
import { requireRuntime } from '../runtime/require-runtime';

export const ANALYTICS_FOLD_JOB = 'analytics_fold';

/**
 * Keep the analytics rollups close to the lifecycle (their readers are exact either way, but recompute inline what
 * is not folded yet): fold count deltas and recompute dirty appeals' indicator members. A fold already running
 * elsewhere is left to finish (the fold lock); its leftovers are taken by the next run.
 */
export async function runAnalyticsFold(deps: Deps, jurisdictionId: string): Promise<FoldResult> {
  const runtime = await requireRuntime(deps, jurisdictionId);
  return foldAnalytics(deps.database.db, jurisdictionId, runtime.settings.utcOffsetMinutes);
}

export const ANALYTICS_JOB_HANDLERS = {
  [ANALYTICS_FOLD_JOB]: async (deps: Deps, job: JobRow) => { await runAnalyticsFold(deps, job.jurisdictionId); },
};

/** Enqueue a fold per jurisdiction now and every `everyMs` while the worker runs, one per period whoever schedules. */
export function startAnalyticsSchedules(deps: Deps, everyMs = 30_000): () => void {
  const run = () => {
    const db = deps.database.db;
    const slot = Math.floor(deps.now().getTime() / everyMs);
    listJurisdictions(db)
      .then(async (list) => {
        for (const j of list) await enqueueJob(db, { jurisdictionId: j.id, kind: ANALYTICS_FOLD_JOB, dedupeKey: `${ANALYTICS_FOLD_JOB}:${slot}`, runAt: deps.now(), maxAttempts: 1 });
      })
      .catch((err) => console.error('[analytics] scheduling failed:', err instanceof Error ? err.message : err));
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
