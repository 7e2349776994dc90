import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { ReplicaMonitor, routingClient } from './read-replica';
import type { ReadReplica } from './read-replica';

export type { ReadReplica, ReplicaStatus } from './read-replica';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = Db | Tx;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  /**
   * The executor for analytics and list reads: the read replica (DATABASE_READ_URL) while it is reachable and within
   * the lag bound, otherwise the primary; read-only either way, and never for transactions. The same object as `db`
   * when no replica is configured. Whatever must see the caller's own writes reads `db`.
   */
  reader: Db;
  /** The replica's health; null without one. */
  replica: ReadReplica | null;
  engine: Engine;
  /** Apply the committed SQL migrations (idempotent). */
  migrate(): Promise<void>;
  /**
   * Run a hot statement by name with positional parameters: on PostgreSQL a named prepared statement (parsed and
   * planned once per connection), on PGlite a plain parameterised query. Only for fixed SQL text per name.
   */
  prepared<T = Record<string, unknown>>(name: string, text: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… selects PostgreSQL through a `pg` pool; absent selects embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /** postgres://… of a streaming hot standby for `reader`; PostgreSQL only. */
  readUrl?: string | undefined;
  /** A replica further behind than this many seconds is not read from (default 30). */
  readMaxLagSeconds?: number | undefined;
  /** How often reads re-check the replica's health (ms, default 5000). */
  replicaProbeMs?: number | undefined;
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Open the one database the process uses. PGlite pays its cold start once here, so open it once. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.readUrl && !options.url) throw new Error('DATABASE_READ_URL needs DATABASE_URL: the embedded PGlite database has no read replica');
  if (options.readUrl && !/^postgres(ql)?:\/\//.test(options.readUrl)) throw new Error('DATABASE_READ_URL must be a postgres:// URL');
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, options);
  return openPglite(options.dataDir ?? './data');
}

async function openPostgres(url: string, poolSize: number, options: OpenDatabaseOptions): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // JIT off for this application's sessions: its queries are short, and at 100,000 appeals PostgreSQL's cost estimate
  // for a dashboard count crosses jit_above_cost, so each one spent ~160 ms compiling to run ~150 ms (measured with
  // bench:lists: the dashboard went from 1.2 s to a fraction of that). A DBA can still turn it on per role.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  const db = drizzle(pool, { schema }) as unknown as Db;
  let reader = db;
  let replica: ReplicaMonitor | null = null;
  const pools = [pool];
  if (options.readUrl) {
    // Small pools: analytics are few and slow, and a write sent here by mistake must fail loudly, on the replica and on
    // the primary alike (a standby refuses writes anyway; a plain server named by mistake would not).
    const readOptions = { max: Math.max(2, Math.ceil(poolSize / 2)), options: '-c jit=off -c default_transaction_read_only=on' };
    // A replica that stopped answering costs a read at most 2 s before it goes to the primary.
    const replicaPool = new pg.Pool({ connectionString: options.readUrl, ...readOptions, connectionTimeoutMillis: 2_000 });
    const fallbackPool = new pg.Pool({ connectionString: url, ...readOptions });
    for (const p of [replicaPool, fallbackPool]) p.on('error', (err) => console.error('[db] idle read client error:', err.message));
    pools.push(replicaPool, fallbackPool);
    replica = new ReplicaMonitor(replicaPool, options.readMaxLagSeconds ?? 30, options.replicaProbeMs ?? 5_000);
    await replica.check(); // a replica that is down at start is not fatal: reads go to the primary until it answers
    reader = drizzle(routingClient(replicaPool, fallbackPool, replica) as never, { schema }) as unknown as Db;
  }
  return {
    db,
    reader,
    replica,
    engine: 'postgres',
    migrate: () => migrate(drizzle(pool, { schema }), { migrationsFolder }),
    prepared: async <T>(name: string, text: string, params: unknown[]) => (await pool.query({ name, text, values: params })).rows as T[],
    close: async () => { await Promise.all(pools.map((p) => p.end())); },
  };
}

/** The extensions the migrations create (pg_trgm, btree_gin): every PGlite opened on a minsheng folder loads them. */
export async function pgliteExtensions() {
  const [{ pg_trgm }, { btree_gin }] = await Promise.all([import('@electric-sql/pglite/contrib/pg_trgm'), import('@electric-sql/pglite/contrib/btree_gin')]);
  return { pg_trgm, btree_gin };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: await pgliteExtensions() });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    reader: db,
    replica: null,
    engine: 'pglite',
    migrate: () => migrate(drizzle(client, { schema }), { migrationsFolder }),
    prepared: async <T>(_name: string, text: string, params: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}
