import { activeTextModelHead, enqueueTextJob, listJurisdictions, setJobOutcome } from '@minsheng/db';
import type { JobRow } from '@minsheng/db';
import { localDay } from '@minsheng/text';
import type { Deps } from '../../deps';
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
 * the classifier cache so the first suggestion does not pay for loading the model.
 */
export async function scheduleTextJobs(deps: Deps): Promise<void> {
  const db = deps.database.db;
  const now = deps.now();
  for (const j of await listJurisdictions(db)) {
    const runtime = await deps.runtimes.get(j.id);
    if (!runtime) continue;
    const settings = await loadTextSettings(db, j.id);
    const local = new Date(now.getTime() + runtime.settings.utcOffsetMinutes * 60_000);
    const day = localDay(now, runtime.settings.utcOffsetMinutes);
    if (local.getUTCHours() >= settings.retrainHour || !(await activeTextModelHead(db, j.id))) {
      await enqueueTextJob(db, { jurisdictionId: j.id, kind: RETRAIN_JOB, dedupeKey: `${RETRAIN_JOB}:${day}`, runAt: now, payload: { scheduled: true } });
    }
    await enqueueTextJob(db, { jurisdictionId: j.id, kind: WARNING_JOB, dedupeKey: `${WARNING_JOB}:${day}T${String(local.getUTCHours()).padStart(2, '0')}`, runAt: now });
    await classifierCache(deps.database).get(j.id);
  }
}

/** Starts scheduling (now, then every minute) for a worker; returns the function that stops it. */
export function startTextSchedules(deps: Deps, everyMs = 60_000): () => void {
  const run = () => { scheduleTextJobs(deps).catch((err) => console.error('[text] scheduling failed:', err instanceof Error ? err.message : err)); };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
