import type { JobRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import { hourlyJob } from '../../jobs/schedules';
import { materialiseRevisits } from './use-cases/revisits';

/** grassroots_revisits: make due the revisits (回访) of resolved disputes whose planned date has come (idempotent). */
export const GRASSROOTS_JOB_HANDLERS = {
  grassroots_revisits: async (deps: Deps, job: JobRow) => { await materialiseRevisits(deps, job.jurisdictionId); },
};

/** Enqueue the revisit run once an hour per jurisdiction (deterministic key), checked every minute while the worker runs. */
export const GRASSROOTS_SCHEDULE = hourlyJob('grassroots', 'grassroots_revisits');
