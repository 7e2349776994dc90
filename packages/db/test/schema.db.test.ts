import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { is, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { newId, openDatabase, queryRows, schema } from '@minsheng/db';
import { createTestDatabase } from '@minsheng/db/testing';

/** The schema's invariants, read back from the catalogue of a freshly migrated database (both engines). */

const JID = '999002';
type TestDb = Awaited<ReturnType<typeof createTestDatabase>>;

/** The PostgreSQL error under drizzle's wrapper (DrizzleQueryError keeps it as `cause`). */
function pgError(err: unknown): { code?: string; constraint?: string; message: string } {
  let e: any = err;
  while (e && !e.code && e.cause) e = e.cause;
  return e ?? { message: String(err) };
}

async function rejectsWith(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (err) => {
    const e = pgError(err);
    assert.equal(e.code, code, e.message);
    assert.match(`${e.constraint ?? ''} ${e.message}`, pattern);
    return true;
  });
}

async function catalogue(db: TestDb['db']) {
  const count = async (q: SQL) => (await queryRows<{ n: number }>(db, q))[0]!.n;
  return {
    tables: await count(sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`),
    indexes: await count(sql`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'public'`),
    constraints: await count(sql`SELECT count(*)::int AS n FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'`),
    triggers: await count(sql`SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal`),
    migrations: await count(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`),
  };
}

describe('database schema invariants', () => {
  let database: TestDb;
  before(async () => {
    database = await createTestDatabase();
    await database.db.insert(schema.jurisdictions).values({ id: JID, name: '测试区', numberPrefix: 'CS' });
  });
  after(() => database.close());

  it('has exactly the tables the drizzle schema declares', async () => {
    const declared = Object.values(schema).filter((v) => is(v, PgTable)).map((t) => getTableConfig(t as PgTable).name).sort();
    const rows = await queryRows<{ table_name: string }>(database.db, sql`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
    assert.deepEqual(rows.map((r) => r.table_name).sort(), declared);
    assert.ok(declared.length >= 15, `${declared.length} tables`);
  });

  it('every tenant-owned table carries jurisdiction_id NOT NULL and leads its primary key and every index with it', async () => {
    const tables = await queryRows<{ table_name: string; nullable: string | null }>(database.db, sql`
      SELECT t.table_name, c.is_nullable AS nullable FROM information_schema.tables t
      LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'jurisdiction_id'
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> 'jurisdictions'`);
    assert.ok(tables.length > 0);
    for (const t of tables) assert.equal(t.nullable, 'NO', `${t.table_name}.jurisdiction_id must exist and be NOT NULL`);

    const indexes = await queryRows<{ table_name: string; index_name: string; is_primary: boolean; first_column: string | null; columns: number }>(database.db, sql`
      SELECT t.relname AS table_name, i.relname AS index_name, x.indisprimary AS is_primary, a.attname AS first_column, x.indnatts::int AS columns
      FROM pg_index x
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
      WHERE n.nspname = 'public' AND t.relkind = 'r' AND t.relname <> 'jurisdictions'
      ORDER BY 1, 2`);
    const tenantTables = new Set(tables.map((t) => t.table_name));
    for (const name of tenantTables) {
      assert.equal(indexes.filter((ix) => ix.table_name === name && ix.is_primary).length, 1, `${name} has a primary key`);
    }
    const offenders = indexes.filter((ix) => ix.first_column !== 'jurisdiction_id').map((ix) => `${ix.table_name}.${ix.index_name} (${ix.first_column ?? 'expression'})`);
    assert.deepEqual(offenders, []);
    // A key of jurisdiction_id alone would let one tenant hold a single row: every key has more columns, but for the
    // tables that are meant to hold one row per tenant (the analytics rollups' own state).
    const onePerTenant = new Set(['analytics_rollup_state']);
    assert.deepEqual(indexes.filter((ix) => ix.columns < 2 && !onePerTenant.has(ix.table_name)).map((ix) => ix.index_name), []);
    assert.ok(indexes.length > tenantTables.size, 'secondary indexes were inspected too');
  });

  it('appeal_events is append-only: INSERT works, UPDATE and DELETE are refused by the trigger', async () => {
    const appealId = newId();
    const event = (seq: number) => ({
      jurisdictionId: JID, appealId, seq, action: 'register', fromStatus: null, toStatus: 'registered', reason: null,
      payload: { a: 1 }, visibility: 'public', occurredAt: new Date(), prevHash: '', hash: `h${seq}`,
    });
    await database.db.insert(schema.appealEvents).values([event(1), event(2)]);
    const [trigger] = await queryRows<{ enabled: string }>(database.db, sql`
      SELECT tgenabled AS enabled FROM pg_trigger WHERE tgname = 'appeal_events_append_only' AND tgrelid = 'appeal_events'::regclass`);
    assert.equal(trigger?.enabled, 'O', 'the trigger exists and fires');

    await rejectsWith(database.db.execute(sql`UPDATE appeal_events SET reason = 'rewritten' WHERE appeal_id = ${appealId} AND seq = 1`), '42501', /append-only/);
    await rejectsWith(database.db.execute(sql`UPDATE appeal_events SET payload = '{}'::jsonb WHERE appeal_id = ${appealId}`), '42501', /append-only/);
    await rejectsWith(database.db.execute(sql`DELETE FROM appeal_events WHERE appeal_id = ${appealId} AND seq = 2`), '42501', /append-only/);
    await rejectsWith(database.db.execute(sql`DELETE FROM appeal_events`), '42501', /append-only/);
    // A refused statement inside a transaction rolls the whole transaction back.
    await assert.rejects(database.db.transaction(async (tx) => {
      await tx.insert(schema.appealEvents).values(event(3));
      await tx.execute(sql`UPDATE appeal_events SET hash = 'x' WHERE appeal_id = ${appealId} AND seq = 1`);
    }));
    const rows = await queryRows<{ seq: number; reason: string | null; hash: string }>(database.db, sql`
      SELECT seq, reason, hash FROM appeal_events WHERE appeal_id = ${appealId} ORDER BY seq`);
    assert.deepEqual(rows.map((r) => [Number(r.seq), r.reason, r.hash]), [[1, null, 'h1'], [2, null, 'h2']]);
  });

  describe('CHECK constraints', () => {
    const appeal = (overrides: Record<string, unknown> = {}) => ({
      jurisdictionId: JID, id: newId(), number: `CS${Math.random().toString().slice(2, 14)}`, queryCode: 'ABCDEF', track: 'hotline',
      channel: 'phone_12345', kind: 'complaint', urgency: 'normal', status: 'registered', title: 't', content: 'c', ownerUnitId: 'u1',
      ...overrides,
    }) as typeof schema.appeals.$inferInsert;

    it('accept a valid appeal in every known status', async () => {
      for (const status of ['registered', 'accepted', 'dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback', 'closed', 'referred', 'rejected', 'merged']) {
        await database.db.insert(schema.appeals).values(appeal({ status }));
      }
    });

    for (const [field, value, constraint] of [
      ['status', 'bogus', 'appeals_status_check'], ['status', 'Registered', 'appeals_status_check'], ['status', '', 'appeals_status_check'],
      ['kind', 'gossip', 'appeals_kind_check'], ['urgency', 'whenever', 'appeals_urgency_check'], ['track', 'tweet', 'appeals_track_check'],
      ['redoCount', -1, 'appeals_counts_check'], ['version', -1, 'appeals_counts_check'],
    ] as const) {
      it(`reject appeals.${field} = ${JSON.stringify(value)} (${constraint})`, async () => {
        await rejectsWith(database.db.insert(schema.appeals).values(appeal({ [field]: value })), '23514', new RegExp(constraint));
      });
    }

    it('reject an unknown status when an existing appeal is updated', async () => {
      const row = appeal();
      await database.db.insert(schema.appeals).values(row);
      await rejectsWith(database.db.execute(sql`UPDATE appeals SET status = 'lost' WHERE jurisdiction_id = ${JID} AND id = ${row.id}`), '23514', /appeals_status_check/);
    });

    it('reject unknown values in the other enumerated columns', async () => {
      const cases: [SQL, RegExp][] = [
        [sql`INSERT INTO units (jurisdiction_id, id, key, path, name, short_name, kind) VALUES (${JID}, 'u9', 'k9', ARRAY['u9'], 'n', 'n', 'club')`, /units_kind_check/],
        [sql`INSERT INTO user_roles (jurisdiction_id, user_id, role, unit_id) VALUES (${JID}, 'x', 'king', 'u1')`, /user_roles_role_check/],
        [sql`INSERT INTO calendar_overrides (jurisdiction_id, date, kind) VALUES (${JID}, '2026-12-01', 'party')`, /calendar_overrides_kind_check/],
        [sql`INSERT INTO appeal_events (jurisdiction_id, appeal_id, seq, action, to_status, visibility, occurred_at, prev_hash, hash)
          VALUES (${JID}, 'a', 1, 'note', 'registered', 'secret', now(), '', 'h')`, /appeal_events_visibility_check/],
        [sql`INSERT INTO jobs (jurisdiction_id, id, kind, status) VALUES (${JID}, 'j', 'k', 'sleeping')`, /jobs_status_check/],
        [sql`INSERT INTO appeal_assignments (jurisdiction_id, appeal_id, unit_id, role) VALUES (${JID}, 'a', 'u1', 'boss')`, /appeal_assignments_role_check/],
      ];
      for (const [query, constraint] of cases) await rejectsWith(database.db.execute(query), '23514', constraint);
    });
  });

  it('foreign keys refuse rows of an unknown jurisdiction', async () => {
    await rejectsWith(database.db.insert(schema.appeals).values({
      jurisdictionId: '000000', id: newId(), number: 'X1', queryCode: 'ABCDEF', track: 'hotline', channel: 'web', kind: 'help', urgency: 'normal',
      status: 'registered', title: 't', content: 'c', ownerUnitId: 'u1',
    }), '23503', /jurisdiction/);
  });

  it('migrations are idempotent: running them again changes nothing', async () => {
    const journal = JSON.parse(readFileSync(new URL('../migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    const first = await catalogue(database.db);
    assert.equal(first.migrations, journal.entries.length);
    await database.migrate();
    await database.migrate();
    assert.deepEqual(await catalogue(database.db), first);
    if (database.url) {
      // Another process migrating the same PostgreSQL database at start-up.
      const other = await openDatabase({ url: database.url, poolSize: 1 });
      try { await other.migrate(); } finally { await other.close(); }
      assert.deepEqual(await catalogue(database.db), first);
    }
    const [count] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM jurisdictions WHERE id = ${JID}`);
    assert.equal(count?.n, 1, 'data survives');
  });
});
