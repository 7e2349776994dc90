// PostgreSQL side of the benchmark: a throw-away database per run, its backends (for CPU accounting) and the
// bare-INSERT baseline the intake figures are compared with.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { onCleanup } from './cleanup';
import { percentile } from './load';
import { startCpuMeter } from './cpu';

export interface BenchDatabase { name: string; url: string; drop: () => Promise<void>; /** Leave it for inspection. */ keep: () => void }

export class PostgresAdmin {
  constructor(readonly serverUrl: string) {
    const host = new URL(serverUrl).hostname;
    if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`BENCH_PG_URL must point at this machine (127.0.0.1), got host ${host}`);
  }

  get host(): string {
    return new URL(this.serverUrl).host;
  }

  databaseUrl(name: string): string {
    const url = new URL(this.serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async with<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.serverUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => {});
    }
  }

  async version(): Promise<string> {
    return this.with(async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v);
  }

  /** A fresh empty database, dropped again by `drop()` or, on failure, by the cleanup. */
  async createDatabase(): Promise<BenchDatabase> {
    const name = `minsheng_bench_${randomBytes(5).toString('hex')}`;
    await this.with((c) => c.query(`CREATE DATABASE ${name}`));
    const drop = async () => {
      await this.with((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      console.log(`  dropped database ${name}`);
    };
    const unregister = onCleanup(`drop database ${name}`, drop);
    return { name, url: this.databaseUrl(name), drop: async () => { unregister(); await drop(); }, keep: unregister };
  }

  /** Process ids of the backends connected to a database (the server's pool). */
  async backendPids(database: string): Promise<number[]> {
    return this.with(async (c) => (await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database])).rows.map((r) => r.pid));
  }
}

export interface InsertBaseline {
  rows: number; seconds: number; perSecond: number; p50: number; p99: number; clients: number;
  /** CPU milliseconds per row of the PostgreSQL backends serving the clients (null without /proc). */
  postgresCpuMsPerRow: number | null;
}

/** The floor under any intake: single-row INSERTs, each its own committed transaction, from `clients` clients. */
export async function insertBaseline(url: string, payload: string, seconds = 3, clients = 8): Promise<InsertBaseline> {
  const conns = Array.from({ length: clients }, () => new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 }));
  try {
    await Promise.all(conns.map((c) => c.connect()));
    await conns[0]!.query('CREATE TABLE bench_insert_baseline (id bigserial PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
    const insert = 'INSERT INTO bench_insert_baseline (payload) VALUES ($1)';
    for (const c of conns) for (let i = 0; i < 20; i++) await c.query(insert, [payload]); // warm-up
    const pids = await Promise.all(conns.map(async (c) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid));
    const meter = startCpuMeter(undefined, pids);
    const latencies: number[] = [];
    const start = performance.now();
    const deadline = start + seconds * 1000;
    const maxRows = 5_000_000;
    await Promise.all(conns.map(async (c) => {
      while (performance.now() < deadline && latencies.length < maxRows) {
        const t0 = performance.now();
        await c.query(insert, [payload]);
        latencies.push(performance.now() - t0);
      }
    }));
    const elapsed = (performance.now() - start) / 1000;
    const cpu = meter.stop();
    await conns[0]!.query('DROP TABLE bench_insert_baseline');
    latencies.sort((a, b) => a - b);
    return {
      rows: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), clients,
      postgresCpuMsPerRow: cpu.postgres === null || !latencies.length ? null : (cpu.postgres * cpu.seconds * 1000) / latencies.length,
    };
  } finally {
    await Promise.all(conns.map((c) => c.end().catch(() => {})));
  }
}
