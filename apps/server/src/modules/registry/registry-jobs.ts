import { enqueueJob, listJurisdictions } from '@minsheng/db';
import type { JobRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import { expandReceptionRules } from './use-cases/expand-reception-rules';

/** registry_upkeep: keep recurring receptions expanded into the portal directory's horizon (idempotent). */
export const REGISTRY_JOB_HANDLERS = {
  registry_upkeep: async (deps: Deps, job: JobRow) => { await expandReceptionRules(deps, job.jurisdictionId); },
};

/** Enqueue the upkeep once an hour per jurisdiction (deterministic key), checked every minute while the worker runs. */
export function startRegistrySchedules(deps: Deps, everyMs = 60_000): () => void {
  const run = () => {
    const db = deps.database.db;
    const now = deps.now();
    const hour = now.toISOString().slice(0, 13);
    listJurisdictions(db)
      .then(async (list) => { for (const j of list) await enqueueJob(db, { jurisdictionId: j.id, kind: 'registry_upkeep', dedupeKey: `registry_upkeep:${hour}`, runAt: now, maxAttempts: 1 }); })
      .catch((err) => console.error('[registry] scheduling failed:', err instanceof Error ? err.message : err));
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
