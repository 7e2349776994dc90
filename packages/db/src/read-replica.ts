import type pg from 'pg';

/** What the last probe of the read replica found. */
export interface ReplicaStatus {
  reachable: boolean;
  /**
   * Seconds the standby's replay is behind the primary: now() − pg_last_xact_replay_timestamp() while it has received
   * WAL it has not replayed, 0 when it has replayed everything it received; null when unknown (unreachable, or behind
   * with no transaction replayed since it started).
   */
  lagSeconds: number | null;
  maxLagSeconds: number;
  /** Reads go to the replica now: reachable and no further behind than maxLagSeconds. */
  servingReads: boolean;
  checkedAt: Date | null;
}

/** The read replica behind `Database.reader`: its health, probed on demand and refreshed as reads come in. */
export interface ReadReplica {
  /** Probe now (readiness, metrics); concurrent calls share one probe. */
  check(): Promise<ReplicaStatus>;
  /** The last probe's result, without touching the network. */
  status(): ReplicaStatus;
}

type Queryable = Pick<pg.Pool, 'query'>;

const PROBE_TIMEOUT_MS = 2_000;

// Behind = received WAL not yet replayed; a standby that has replayed all it received is current however long ago the
// primary last committed (an idle primary would otherwise look minutes behind).
const PROBE_SQL = `SELECT pg_is_in_recovery() AS standby,
  CASE WHEN NOT pg_is_in_recovery() THEN 0
       WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
       ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS lag`;

/**
 * Watches the replica and answers whether reads may go to it. Transitions are logged once each, with no query text or
 * parameters (they may hold personal data), only the reason.
 */
export class ReplicaMonitor implements ReadReplica {
  private current: ReplicaStatus;
  private inflight: Promise<ReplicaStatus> | null = null;

  constructor(private readonly pool: Queryable, private readonly maxLagSeconds: number, private readonly probeIntervalMs: number) {
    this.current = { reachable: false, lagSeconds: null, maxLagSeconds, servingReads: false, checkedAt: null };
  }

  status(): ReplicaStatus {
    return this.current;
  }

  /** Whether this read may go to the replica; starts a background probe when the last one is stale. */
  serving(): boolean {
    const at = this.current.checkedAt?.getTime() ?? 0;
    if (Date.now() - at >= this.probeIntervalMs) void this.check().catch(() => undefined);
    return this.current.servingReads;
  }

  check(): Promise<ReplicaStatus> {
    this.inflight ??= this.probe().finally(() => { this.inflight = null; });
    return this.inflight;
  }

  /** A read sent to the replica failed to reach it: stop sending reads there until a probe finds it again. */
  markUnreachable(err: unknown): void {
    this.update({ reachable: false, lagSeconds: null }, reason(err));
  }

  private async probe(): Promise<ReplicaStatus> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`probe timed out after ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS); });
      const result = await Promise.race([this.pool.query<{ standby: boolean; lag: string | number | null }>(PROBE_SQL), timeout]);
      const row = result.rows[0];
      const lag = row?.lag == null ? null : Math.max(0, Math.round(Number(row.lag) * 1000) / 1000);
      this.update({ reachable: true, lagSeconds: lag }, lag === null ? 'lag unknown' : `lag ${lag} s`);
    } catch (err) {
      this.update({ reachable: false, lagSeconds: null }, reason(err));
    } finally {
      clearTimeout(timer);
    }
    return this.current;
  }

  private update(s: { reachable: boolean; lagSeconds: number | null }, why: string): void {
    // Unknown lag while behind cannot be shown to be within the bound, so it counts as too far behind.
    const servingReads = s.reachable && s.lagSeconds !== null && s.lagSeconds <= this.maxLagSeconds;
    const was = this.current;
    this.current = { ...s, maxLagSeconds: this.maxLagSeconds, servingReads, checkedAt: new Date() };
    if (was.checkedAt !== null && was.servingReads === servingReads) return;
    if (servingReads) console.info('[db] read replica in use for analytics and lists');
    else console.warn(`[db] read replica not used (${s.reachable ? `behind more than ${this.maxLagSeconds} s` : 'unreachable'}: ${why}); reads go to the primary`);
  }
}

/** Failures that mean "this server cannot answer now", not "this query is wrong": the read may go to the primary. */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(ECONN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EPIPE|EAI_AGAIN)/.test(code)) return true;
  // 08: connection exception; 57P01–57P03: shut down / cannot connect now.
  if (/^(08|57P0[123])/.test(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(String(e?.message ?? ''));
}

function reason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  return String(e?.code ?? e?.message ?? 'unknown').slice(0, 120);
}

type QueryArgs = Parameters<pg.Pool['query']>;

/**
 * A `pg`-shaped client for drizzle that sends each query to the replica while the monitor allows, otherwise (or when
 * the replica turns out to be unreachable mid-query) to the fallback pool on the primary. Both pools are read-only, so
 * a write sent to the reader fails wherever it lands. Transactions are refused: each statement may land on another
 * connection, and anything that needs a transaction belongs on the primary's executor.
 */
export function routingClient(replica: Queryable, fallback: Queryable, monitor: ReplicaMonitor): Queryable {
  const query = async (...args: QueryArgs) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text ?? '';
    if (/^\s*(begin|start\s+transaction)\b/i.test(text)) throw new Error('the read executor does not run transactions: use database.db');
    if (!monitor.serving()) return (fallback.query as (...a: QueryArgs) => Promise<unknown>)(...args);
    try {
      return await (replica.query as (...a: QueryArgs) => Promise<unknown>)(...args);
    } catch (err) {
      // 40001 on a standby: cancelled by a conflict with recovery (replay removed rows the query needed); the replica
      // itself is fine, this one read just goes to the primary.
      const conflict = (err as { code?: unknown } | null)?.code === '40001';
      if (!conflict && !isUnavailable(err)) throw err;
      if (!conflict) monitor.markUnreachable(err);
      return (fallback.query as (...a: QueryArgs) => Promise<unknown>)(...args);
    }
  };
  return { query } as unknown as Queryable;
}
