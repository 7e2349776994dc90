import type { Deps } from '../../../deps';
import type { Gauge } from '../../../http/metrics';

/** The read replica as readiness reports it; null when none is configured. */
export interface ReplicaReport {
  reachable: boolean;
  /** Replay lag from pg_last_xact_replay_timestamp() (0 when it has replayed all it received); null when unknown. */
  lagSeconds: number | null;
  maxLagSeconds: number;
  /** Where analytics and list reads go right now: a replica down or too far behind sends them to the primary. */
  readsFrom: 'replica' | 'primary';
}

/**
 * Probe the replica now. Its state never makes the process unready: reads fall back to the primary, so the process
 * still serves everything; readiness only reports it.
 */
export async function checkReplica(deps: Deps): Promise<ReplicaReport | null> {
  if (!deps.database.replica) return null;
  const s = await deps.database.replica.check();
  return { reachable: s.reachable, lagSeconds: s.lagSeconds, maxLagSeconds: s.maxLagSeconds, readsFrom: s.servingReads ? 'replica' : 'primary' };
}

/** Scrape-time gauges of the replica (none without one); the lag sample is left out while it is unknown. */
export function replicaGauges(r: ReplicaReport | null): Gauge[] {
  if (!r) return [];
  return [
    { name: 'minsheng_db_replica_up', help: 'Whether the read replica (DATABASE_READ_URL) answered the last probe (1) or not (0).', samples: [{ labels: {}, value: r.reachable ? 1 : 0 }] },
    { name: 'minsheng_db_replica_lag_seconds', help: "Read replica replay lag: now() - pg_last_xact_replay_timestamp() while it has WAL to replay, else 0.", samples: r.lagSeconds === null ? [] : [{ labels: {}, value: r.lagSeconds }] },
    { name: 'minsheng_db_replica_serving_reads', help: 'Whether analytics and list reads go to the replica (1) or fall back to the primary (0).', samples: [{ labels: {}, value: r.readsFrom === 'replica' ? 1 : 0 }] },
  ];
}
