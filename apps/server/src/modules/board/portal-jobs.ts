import { enqueueJob, purgeLoginAttempts, purgeRateLimits } from '@minsheng/db';
import type { Executor, JobRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { Schedule } from '../../jobs/schedules';
import { requireRuntime } from '../../runtime/require-runtime';
import { previousMonth } from '../portal/month';
import { draftBoardPosts } from './use-cases/draft-board-posts';
import { publishMonthlyBulletin } from './use-cases/publish-monthly-bulletin';

/**
 * The portal's background work: draft board posts for newly closed appeals, publish last month's bulletin (the month
 * is the payload; publishing twice changes nothing), and drop rate-limit windows older than two days.
 */
export const PORTAL_JOB_HANDLERS = {
  portal_upkeep: async (deps: Deps, job: JobRow) => {
    await draftBoardPosts(deps, job.jurisdictionId);
    await purgeRateLimits(deps.database.db, new Date(deps.now().getTime() - 2 * 86_400_000));
    // Failed-login counters too (windows and locks last at most a day).
    await purgeLoginAttempts(deps.database.db, new Date(deps.now().getTime() - 2 * 86_400_000));
  },
  monthly_bulletin: async (deps: Deps, job: JobRow) => {
    const month = (job.payload as { month?: string }).month;
    if (month) await publishMonthlyBulletin(deps, job.jurisdictionId, month);
  },
};

/**
 * Schedule both under deterministic keys: upkeep every 10 minutes, the bulletin keyed by its month, so any number of
 * workers enqueue each at most once (until finished jobs are purged a day later; a re-run publishes nothing new).
 */
export async function schedulePortalJobs(deps: Deps, db: Executor, jurisdictionId: string, now: Date): Promise<void> {
  const slot = Math.floor(now.getTime() / 600_000);
  await enqueueJob(db, { jurisdictionId, kind: 'portal_upkeep', dedupeKey: `portal_upkeep:${slot}`, runAt: now, maxAttempts: 1 });
  const month = previousMonth(now, (await requireRuntime(deps, jurisdictionId)).settings.utcOffsetMinutes);
  await enqueueJob(db, { jurisdictionId, kind: 'monthly_bulletin', dedupeKey: `monthly_bulletin:${month}`, payload: { month }, runAt: now, maxAttempts: 3 });
}

/** Checked for every jurisdiction when the worker starts and every minute after (like the text jobs). */
export const PORTAL_SCHEDULE: Schedule = {
  name: 'portal', everyMs: 60_000,
  enqueue: (deps, jurisdictionId, now) => schedulePortalJobs(deps, deps.database.db, jurisdictionId, now),
};
