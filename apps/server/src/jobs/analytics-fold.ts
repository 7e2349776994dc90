import { enqueueJob, foldAnalytics } from '@minsheng/db';
import type { FoldResult, JobRow } from '@minsheng/db';
import type { Deps } from '../deps';
import type { Schedule } from './schedules';
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

const FOLD_EVERY_MS = 30_000;

/** A fold per jurisdiction when the worker starts and every 30 s after, one per period whoever schedules. */
export const ANALYTICS_SCHEDULE: Schedule = {
  name: 'analytics', everyMs: FOLD_EVERY_MS,
  enqueue: async (deps, jurisdictionId, now) => {
    const slot = Math.floor(now.getTime() / FOLD_EVERY_MS);
    await enqueueJob(deps.database.db, { jurisdictionId, kind: ANALYTICS_FOLD_JOB, dedupeKey: `${ANALYTICS_FOLD_JOB}:${slot}`, runAt: now, maxAttempts: 1 });
  },
};
