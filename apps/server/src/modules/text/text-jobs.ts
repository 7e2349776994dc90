import { activeTextModelHead, enqueueTextJob, setJobOutcome } from '@minsheng/db';
import type { JobRow } from '@minsheng/db';
import { localDay } from '@minsheng/text';
import type { Deps } from '../../deps';
import type { Schedule } from '../../jobs/schedules';
import { classifierCache } from './classifier-cache';
import { loadTextSettings } from './settings';
import { retrainClassifier } from './use-cases/retrain-classifier';
import { RETRAIN_JOB } from './use-cases/request-retrain';
import { runEarlyWarning } from './use-cases/run-early-warning';

export const WARNING_JOB = 'text_warnings';
export const TEXT_JOB_KINDS = [RETRAIN_JOB, WARNING_JOB] as const;

/** Job kinds of the text module and what runs them (the worker merges these into its table). */
export const TEXT_JOB_HANDLERS: Record<string, (deps: Deps, job: JobRow) => Promise<void>> = {
  [RETRAIN_JOB]: async (deps, job) => {
    const payload = (job.payload ?? {}) as { requestedBy?: string };
    const outcome = await retrainClassifier(deps, job.jurisdictionId, { jobId: job.id, requestedBy: payload.requestedBy ?? null });
    await setJobOutcome(deps.database.db, job.jurisdictionId, job.id, outcome);
    if (!outcome.trained) console.warn(`[text] ${job.jurisdictionId}: no model trained: ${outcome.reason}`);
  },
  [WARNING_JOB]: async (deps, job) => {
    const payload = (job.payload ?? {}) as { days?: string[] };
    await setJobOutcome(deps.database.db, job.jurisdictionId, job.id, await runEarlyWarning(deps, job.jurisdictionId, { days: payload.days }));
  },
};

/**
 * Queues the text module's scheduled runs under deterministic keys, so any number of processes schedule each run once:
 * the retrain once per local day after `retrainHour` (at once while the jurisdiction has no model — a fresh demo
 * gets one within seconds of starting), early warning once per local hour (yesterday and today so far). Also warms
 * the classifier cache so the first suggestion does not pay for loading the model. Checked every minute.
 */
export const TEXT_SCHEDULE: Schedule = {
  name: 'text', everyMs: 60_000,
  enqueue: async (deps, jurisdictionId, now) => {
    const db = deps.database.db;
    const runtime = await deps.runtimes.get(jurisdictionId);
    if (!runtime) return;
    const settings = await loadTextSettings(db, jurisdictionId);
    const local = new Date(now.getTime() + runtime.settings.utcOffsetMinutes * 60_000);
    const day = localDay(now, runtime.settings.utcOffsetMinutes);
    if (local.getUTCHours() >= settings.retrainHour || !(await activeTextModelHead(db, jurisdictionId))) {
      await enqueueTextJob(db, { jurisdictionId, kind: RETRAIN_JOB, dedupeKey: `${RETRAIN_JOB}:${day}`, runAt: now, payload: { scheduled: true } });
    }
    await enqueueTextJob(db, { jurisdictionId, kind: WARNING_JOB, dedupeKey: `${WARNING_JOB}:${day}T${String(local.getUTCHours()).padStart(2, '0')}`, runAt: now });
    await classifierCache(deps.database).get(jurisdictionId);
  },
};
