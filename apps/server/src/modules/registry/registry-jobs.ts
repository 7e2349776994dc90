import { enqueueJob } from '@minsheng/db';
import type { JobRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { Schedule } from '../../jobs/schedules';
import { expandReceptionRules } from './use-cases/expand-reception-rules';

/** registry_upkeep: keep recurring receptions expanded into the portal directory's horizon (idempotent). */
export const REGISTRY_JOB_HANDLERS = {
  registry_upkeep: async (deps: Deps, job: JobRow) => { await expandReceptionRules(deps, job.jurisdictionId); },
};

/** Enqueue the upkeep once an hour per jurisdiction (deterministic key), checked every minute while the worker runs. */
export const REGISTRY_SCHEDULE: Schedule = {
  name: 'registry', everyMs: 60_000,
  enqueue: async (deps, jurisdictionId, now) => {
    await enqueueJob(deps.database.db, { jurisdictionId, kind: 'registry_upkeep', dedupeKey: `registry_upkeep:${now.toISOString().slice(0, 13)}`, runAt: now, maxAttempts: 1 });
  },
};
