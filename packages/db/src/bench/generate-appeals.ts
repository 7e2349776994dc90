import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { GENERATED_COPY_SQL } from './generate-copies';

/**
 * Bulk benchmark data for the analytics at scale (`minsheng bench generate`): N appeals over `years` years, with their
 * events, clocks, clock runs, assignments and supervision records.
 *
 * Every generated appeal is a *copy of a real one*: the demo's appeals, walked through the real use cases, are the
 * templates, so each copy's timeline (which events, in which order, which clocks started and stopped when) is one the
 * lifecycle really produces. A copy moves its template in time, may stretch its timeline (some copies finish late,
 * so the indicators have something to judge), hands it to another unit of the same kind, gives it another category
 * and area, and draws its callback's satisfaction and "solved" anew. Old copies come only from finished templates
 * (nothing stays open for years); the last 30 days copy templates of that age, open ones included.
 *
 * What a copy does not have: a valid hash chain (its events keep the template's hashes, so `minsheng audit verify`
 * reports them — a benchmark database is not evidence), and personal data of its own (it shares its template's
 * citizen, as a repeat caller would).
 *
 * Speed: the copies are inserted in time order with ids that grow with time, the secondary indexes of the big tables
 * are dropped during the load and built once at the end, and the tables' triggers are off (clock runs are copied
 * directly; the analytics rollups are rebuilt afterwards with `minsheng analytics rebuild`).
 */
export interface GenerateOptions {
  jurisdictionId: string;
  appeals: number;
  years: number;
  /** A span of this many months (of 365/12 days) instead of `years`: a month's density of a bigger load, at less. */
  months?: number | undefined;
  seed: number;
  /** Copies per transaction. */
  batch: number;
  now: Date;
  /** Leave the secondary indexes dropped (a later run builds them): for a big load in several runs. */
  deferIndexes: boolean;
  log: (line: string) => void;
}

export interface GenerateResult { appeals: number; events: number; seconds: number }

/** The tables a copy writes to, whose secondary indexes are rebuilt once after the load. */
const BULK_TABLES = ['appeals', 'appeal_events', 'appeal_clocks', 'appeal_clock_runs', 'appeal_assignments', 'appeal_search_grams'];

/** The bulk tables with triggers of their own. */
const TRIGGERED_TABLES = ['appeals', 'appeal_events', 'appeal_clocks', 'appeal_clock_runs'];

const run = (db: Executor, q: SQL) => db.execute(q);

export async function generateAppeals(db: Executor, o: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const j = o.jurisdictionId;
  if (o.appeals === 0) return finish(db, o, started);
  await prepareTemplates(db, j, o.now);
  const [pools] = await queryRows<{ recent: number; old: number }>(db, sql`
    SELECT count(*) FILTER (WHERE pool = 'recent')::int AS recent, count(*) FILTER (WHERE pool = 'old')::int AS old FROM _bench_tmpl`);
  if (!pools || !pools.old || !pools.recent) throw new Error('no template appeals: seed the demo first (`minsheng seed --demo --appeals 2000`)');
  const offset = await countGeneratedAppeals(db, j);
  o.log(`templates: ${pools.recent} recent, ${pools.old} finished; ${offset.toLocaleString('en')} generated appeals already there`);

  await dropSecondaryIndexes(db);
  const spent: number[] = [];
  const spanDays = o.months ? (o.months * 365) / 12 : o.years * 365;
  const spanStart = new Date(o.now.getTime() - spanDays * 86_400_000);
  try {
    for (let from = 1; from <= o.appeals; from += o.batch) {
      const to = Math.min(o.appeals, from + o.batch - 1);
      await db.transaction(async (tx) => {
        // A fixed seed per batch: the same options give the same data.
        await run(tx, sql`SELECT setseed(${((o.seed * 7919 + from) % 1_000_003) / 1_000_003})`);
        // The tables' own triggers (clock runs, analytics dirty marks) are off for the copy: runs are copied directly
        // and the rollups are rebuilt after the load. Inside the batch's transaction, so a run killed half-way cannot
        // leave them off.
        for (const t of TRIGGERED_TABLES) await run(tx, sql.raw(`ALTER TABLE ${t} DISABLE TRIGGER USER`));
        for (const [i, statement] of GENERATED_COPY_SQL.entries()) {
          const t = Date.now();
          await run(tx, statement({ j, from: from + offset, to: to + offset, offset, total: o.appeals, spanStart, spanSeconds: (o.now.getTime() - spanStart.getTime()) / 1000, now: o.now, pools }));
          spent[i] = (spent[i] ?? 0) + Date.now() - t;
        }
        for (const t of TRIGGERED_TABLES) await run(tx, sql.raw(`ALTER TABLE ${t} ENABLE TRIGGER USER`));
      });
      const s = (Date.now() - started) / 1000;
      o.log(`  ${to.toLocaleString('en')} / ${o.appeals.toLocaleString('en')} appeals (${s.toFixed(0)} s, ${Math.round(to / s).toLocaleString('en')}/s)`);
    }
    o.log(`  seconds per step: ${GENERATED_COPY_SQL.map((st, i) => `${st.name} ${((spent[i] ?? 0) / 1000).toFixed(1)}`).join(', ')}`);
  } finally {
    await run(db, sql`DROP TABLE IF EXISTS _bench_tmpl`);
  }
  return finish(db, o, started);
}

/** Build the dropped indexes (unless deferred) and analyse, then count what the jurisdiction now holds. */
async function finish(db: Executor, o: GenerateOptions, started: number): Promise<GenerateResult> {
  const j = o.jurisdictionId;
  if (o.deferIndexes) o.log('secondary indexes left dropped (--defer-indexes): the next run without it builds them');
  else {
    await buildDroppedIndexes(db, o.log);
    // VACUUM as well: a bulk load leaves no page marked all-visible, so index-only scans (the dashboards' covering
    // indexes) would still read every row until autovacuum came by — measuring the load, not the product.
    o.log('vacuuming and analysing…');
    for (const t of BULK_TABLES) await run(db, sql.raw(`VACUUM (ANALYZE) ${t}`));
  }
  const [counts] = await queryRows<{ appeals: number; events: number }>(db, sql`
    SELECT (SELECT count(*) FROM appeals WHERE jurisdiction_id = ${j})::int AS appeals, (SELECT count(*) FROM appeal_events WHERE jurisdiction_id = ${j})::int AS events`);
  return { appeals: counts?.appeals ?? 0, events: counts?.events ?? 0, seconds: (Date.now() - started) / 1000 };
}

/** Generated appeals already in the jurisdiction (their numbers start with G). */
export async function countGeneratedAppeals(db: Executor, j: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM appeals WHERE jurisdiction_id = ${j} AND number LIKE 'G%'`);
  return row?.n ?? 0;
}

/**
 * The templates, numbered within their pool: `recent` (received in the last 30 days, in any state) and `old` (finished
 * appeals of any age, never merged). `span` is how long the template's timeline ran, in seconds.
 */
async function prepareTemplates(db: Executor, j: string, now: Date): Promise<void> {
  await run(db, sql`DROP TABLE IF EXISTS _bench_tmpl`);
  await run(db, sql`
    CREATE UNLOGGED TABLE _bench_tmpl AS
    WITH t AS (
      SELECT a.id, a.created_at, a.lead_unit_id, u.kind AS lead_kind, a.status,
             GREATEST(1, extract(epoch FROM (SELECT max(e.occurred_at) FROM appeal_events e WHERE e.jurisdiction_id = ${j} AND e.appeal_id = a.id) - a.created_at)) AS span
        FROM appeals a LEFT JOIN units u ON u.jurisdiction_id = a.jurisdiction_id AND u.id = a.lead_unit_id
       WHERE a.jurisdiction_id = ${j} AND a.number NOT LIKE 'G%' AND a.master_id IS NULL AND a.status <> 'merged'
    )
    SELECT 'recent'::text AS pool, row_number() OVER (ORDER BY id)::int AS k, t.* FROM t WHERE created_at > ${now}::timestamptz - interval '30 days'
    UNION ALL
    -- Closed templates count three times, so refusals and referrals stay the small share they are in a real centre.
    SELECT 'old', row_number() OVER (ORDER BY id, w)::int, t.* FROM t CROSS JOIN LATERAL generate_series(1, CASE WHEN t.status = 'closed' THEN 3 ELSE 1 END) AS w
     WHERE status IN ('closed', 'rejected', 'referred', 'answered')`);
  await run(db, sql`CREATE INDEX ON _bench_tmpl (pool, k)`);
}

/**
 * Drop the secondary (non-key) indexes of the bulk tables, keeping their definitions in `_bench_index_defs` so that a
 * run that stops half-way, or runs deferring them, still leave what is needed to build them again.
 */
async function dropSecondaryIndexes(db: Executor): Promise<void> {
  await run(db, sql`CREATE TABLE IF NOT EXISTS _bench_index_defs (name text PRIMARY KEY, def text NOT NULL)`);
  const rows = await queryRows<{ name: string; def: string }>(db, sql`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relname IN (${sql.join(BULK_TABLES.map((t) => sql`${t}`), sql`, `)}) AND NOT i.indisprimary
       AND c.relnamespace = 'public'::regnamespace`);
  for (const r of rows) {
    await run(db, sql`INSERT INTO _bench_index_defs (name, def) VALUES (${r.name}, ${r.def}) ON CONFLICT (name) DO UPDATE SET def = EXCLUDED.def`);
    await run(db, sql.raw(`DROP INDEX IF EXISTS ${r.name}`));
  }
}

/** Build every index an earlier step dropped, once, with memory enough to sort in one pass. */
async function buildDroppedIndexes(db: Executor, log: (line: string) => void): Promise<void> {
  const defs = await queryRows<{ name: string; def: string }>(db, sql`SELECT name, def FROM _bench_index_defs ORDER BY name`).catch(() => []);
  await run(db, sql`SET maintenance_work_mem = '1GB'`).catch(() => undefined);
  for (const d of defs) {
    const t = Date.now();
    await run(db, sql.raw(d.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')));
    await run(db, sql`DELETE FROM _bench_index_defs WHERE name = ${d.name}`);
    log(`  index ${d.name} built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  await run(db, sql`DROP TABLE IF EXISTS _bench_index_defs`);
}
