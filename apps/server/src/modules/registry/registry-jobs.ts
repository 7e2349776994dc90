import type { JobRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import { hourlyJob } from '../../jobs/schedules';
import { expandReceptionRules } from './use-cases/expand-reception-rules';

/** registry_upkeep: keep recurring receptions expanded into the portal directory's horizon (idempotent). */
export const REGISTRY_JOB_HANDLERS = {
  registry_upkeep: async (deps: Deps, job: JobRow) => { await expandReceptionRules(deps, job.jurisdictionId); },
};

/** Enqueue the upkeep once an hour per jurisdiction (deterministic key), checked every minute while the worker runs. */
export const REGISTRY_SCHEDULE = hourlyJob('registry', 'registry_upkeep');
