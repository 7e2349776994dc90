import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { listUnits, openDatabase, queryRows } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { testEngine } from '@minsheng/db/testing';
import { loadConfig } from '../src/config';
import { createDeps, openConfiguredDatabase } from '../src/compose';
import type { Deps } from '../src/deps';
import { buildApp } from '../src/http/app';
import type { App } from '../src/http/app';
import { seedDemo } from '../src/demo/seed-demo';
import { runMinsheng } from './cli-process';
import { intakeBody, TEST_SECRET } from './harness';
import { postgresBin, startReplicatedClusters } from './pg-cluster';
import type { ReplicatedClusters } from './pg-cluster';

const engine = testEngine();
const bin = postgresBin();

/** Which server answered: a hot standby is in recovery, the primary is not. */
async function servedByStandby(db: Database['reader']): Promise<boolean> {
  return (await queryRows<{ standby: boolean }>(db, sql`SELECT pg_is_in_recovery() AS standby`))[0]!.standby;
}

/** A write through the reader fails as PostgreSQL's "read-only transaction" (drizzle wraps the driver's error). */
async function refusedAsReadOnly(p: Promise<unknown>, message?: string): Promise<void> {
  await assert.rejects(p, (err: { message?: string; cause?: { code?: string } }) => err.cause?.code === '25006' || /read-only/.test(err.message ?? ''), message);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('DATABASE_READ_URL is refused where it cannot work (both tiers)', () => {
  it('without DATABASE_URL (the embedded PGlite database has no replica), or when it is not a postgres:// URL', async () => {
    const env = { MINSHENG_SECRET: TEST_SECRET } as NodeJS.ProcessEnv;
    assert.throws(() => loadConfig({ ...env, DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:5433/x' }), /DATABASE_READ_URL needs DATABASE_URL.*PGlite/);
    assert.throws(() => loadConfig({ ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1/x', DATABASE_READ_URL: 'mysql://replica/x' }), /DATABASE_READ_URL must be a postgres:\/\/ URL/);
    assert.throws(() => loadConfig({ ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1/x', MINSHENG_READ_MAX_LAG_S: '-1' }), /MINSHENG_READ_MAX_LAG_S/);
    await assert.rejects(openDatabase({ dataDir: 'memory://', readUrl: 'postgres://postgres@127.0.0.1:5433/x' }), /DATABASE_READ_URL needs DATABASE_URL: the embedded PGlite database has no read replica/);
    const ok = loadConfig({ ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1/x', DATABASE_READ_URL: 'postgresql://postgres@127.0.0.1:5433/x' });
    assert.equal(ok.databaseReadUrl, 'postgresql://postgres@127.0.0.1:5433/x');
    assert.equal(ok.readMaxLagSeconds, 30);
  });

  // A child process costs ~5–15 s of start-up: the PostgreSQL tier spends its time on the clusters instead.
  it('`minsheng serve` with DATABASE_READ_URL on PGlite stops at startup with a clear message', { skip: engine === 'postgres' && 'run on the PGlite tier' }, async () => {
    const r = await runMinsheng(['serve'], { MINSHENG_SECRET: TEST_SECRET, MINSHENG_DATA_DIR: '/nonexistent/never-created', DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:5433/x', PORT: '0' });
    assert.notEqual(r.code, 0);
    assert.match(r.stdout + r.stderr, /DATABASE_READ_URL needs DATABASE_URL/);
  });
});

const skip = engine !== 'postgres' ? 'replication is PostgreSQL-only: run with MINSHENG_TEST_DB=postgres (PGlite has no streaming replica)'
  : !bin ? 'no PostgreSQL binaries under /usr/lib/postgresql to start a primary and a standby' : false;

describe('read replica: a primary and a streaming hot standby on loopback (PostgreSQL only)', { skip }, () => {
  let clusters: ReplicatedClusters | undefined;
  let database: Database | undefined;
  let app: App | undefined;
  let deps: Deps;
  let baseUrl = '';
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  async function api<T = any>(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T; text: string }> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* /metrics is text */ }
    return { status: res.status, body: parsed as T, text };
  }
  const listed = async () => {
    const res = await api<{ items: { id: string }[] }>('GET', '/api/appeals?limit=100', tokens.agent);
    assert.equal(res.status, 200, res.text);
    return new Set(res.body.items.map((a) => a.id));
  };
  const todayIntake = async () => {
    const res = await api<{ totals: { todayIntake: number } }>('GET', '/api/reports/dashboard?days=7', tokens.leader);
    assert.equal(res.status, 200, res.text);
    return res.body.totals.todayIntake;
  };
  const register = async (title: string) => {
    const res = await api<{ id: string }>('POST', '/api/appeals', tokens.agent, intakeBody({ title }));
    assert.equal(res.status, 201, res.text);
    return res.body.id;
  };
  const ready = async () => {
    const res = await api<{ status: string; replica: { reachable: boolean; lagSeconds: number | null; maxLagSeconds: number; readsFrom: string } }>('GET', '/api/health/ready');
    assert.equal(res.status, 200, res.text);
    return res.body.replica;
  };
  const metric = async (name: string) => {
    const res = await api('GET', '/metrics');
    assert.equal(res.status, 200);
    const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(res.text);
    return m ? Number(m[1]) : null;
  };

  before(async () => {
    clusters = await startReplicatedClusters(bin!);
    await clusters.primary.query('CREATE DATABASE minsheng');
    await clusters.caughtUp();
    const config = loadConfig({
      MINSHENG_SECRET: TEST_SECRET, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', MINSHENG_DB_POOL: '4',
      DATABASE_URL: clusters.primary.url('minsheng'), DATABASE_READ_URL: clusters.standby.url('minsheng'),
      // Replay is paused for a while below; the lag bound has its own check with a database opened for it.
      MINSHENG_READ_MAX_LAG_S: '600',
    } as NodeJS.ProcessEnv);
    database = await openConfiguredDatabase(config);
    await database.migrate();
    const clock = { now: new Date('2026-11-23T09:00:00+08:00') };
    deps = await createDeps(config, database, { now: () => clock.now });
    await seedDemo(deps, { appeals: 0, compactAreas: true });
    deps.defaultJurisdictionId = '370812';
    app = await buildApp(deps, {});
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    for (const u of ['agent', 'dispatcher', 'leader']) {
      const res = await api<{ token: string }>('POST', '/api/auth/login', undefined, { username: u, password: DEMO_PASSWORD });
      assert.equal(res.status, 200, res.text);
      tokens[u] = res.body.token;
    }
    ids.first = await register('回放前登记的诉求');
    await clusters.caughtUp();
  });

  after(async () => {
    await app?.close();
    await database?.close();
    await clusters?.destroy();
  });

  it('(a) lists and dashboards are read from the standby, an appeal just saved from the primary', async () => {
    assert.equal(await servedByStandby(deps.database.reader), true, 'reader → standby');
    assert.equal(await servedByStandby(deps.database.db), false, 'db → primary');
    assert.ok((await listed()).has(ids.first!));
    assert.equal(await todayIntake(), 1);

    await clusters!.standby.query('SELECT pg_wal_replay_pause()');
    await until('replay paused', async () => (await clusters!.standby.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s'))[0]?.s === 'paused');
    ids.second = await register('回放暂停时登记的诉求');
    const detail = await api<{ id: string; title: string }>('GET', `/api/appeals/${ids.second}`, tokens.agent);
    assert.equal(detail.status, 200, 'the detail right after saving comes from the primary (read-your-writes)');
    assert.equal(detail.body.title, '回放暂停时登记的诉求');
    const list = await listed();
    assert.ok(list.has(ids.first!) && !list.has(ids.second), 'the list comes from the paused standby: not there yet');
    assert.equal(await todayIntake(), 1, 'so does the dashboard');
    const board = await api('GET', '/api/supervision/board', tokens.leader);
    assert.equal(board.status, 200, board.text);
    const indicators = await api('GET', '/api/indicators?period=month&from=2026-11-01', tokens.leader);
    assert.equal(indicators.status, 200, indicators.text);
  });

  it('(b) every write still succeeds while replay is paused; the reader refuses writes and transactions', async () => {
    const act = async (user: string, body: Record<string, unknown>) => {
      const res = await api('POST', `/api/appeals/${ids.second}/transitions`, tokens[user], body);
      assert.equal(res.status, 200, `${String(body.action)}: ${res.text}`);
    };
    await act('agent', { action: 'accept' });
    const zhujian = (await listUnits(deps.database.db, '370812')).find((u) => u.key === 'dept-zhujian')!;
    await act('dispatcher', { action: 'dispatch', leadUnitId: zhujian.id });
    const reveal = await api<{ phone: string }>('POST', `/api/appeals/${ids.second}/citizen/reveal`, tokens.agent, { reason: '核实情况' });
    assert.equal(reveal.status, 200, `reveal writes an audit row on the primary: ${reveal.text}`);
    const report = await api<{ id: string }>('POST', '/api/reports', tokens.leader, { kind: 'weekly', period: '2026-11-16' });
    assert.equal(report.status, 201, `figures from the standby, the frozen report inserted on the primary: ${report.text}`);
    assert.equal((await api('GET', `/api/reports/${report.body.id}`, tokens.leader)).status, 200);
    assert.equal((await listed()).has(ids.second!), false, 'still paused');

    await refusedAsReadOnly(queryRows(deps.database.reader, sql`CREATE TABLE must_not_exist (a int)`));
    await assert.rejects(deps.database.reader.transaction(async () => undefined), (err: { cause?: { message?: string } }) => /does not run transactions/.test(err.cause?.message ?? ''));
  });

  it('(d) the replay lag shows in /api/health/ready and /metrics; past MINSHENG_READ_MAX_LAG_S reads go to the primary', async () => {
    await new Promise((r) => setTimeout(r, 1_100)); // replay is paused with WAL waiting: the lag grows
    const replica = await ready();
    assert.equal(replica.reachable, true);
    assert.equal(replica.readsFrom, 'replica');
    assert.equal(replica.maxLagSeconds, 600);
    assert.ok(replica.lagSeconds !== null && replica.lagSeconds >= 1, `lag ${replica.lagSeconds}`);
    assert.ok((await metric('minsheng_db_replica_lag_seconds'))! >= 1);
    assert.equal(await metric('minsheng_db_replica_up'), 1);
    assert.equal(await metric('minsheng_db_replica_serving_reads'), 1);

    // The same replica with a bound it now exceeds: reads fall back to the primary.
    const strict = await openDatabase({ url: clusters!.primary.url('minsheng'), readUrl: clusters!.standby.url('minsheng'), readMaxLagSeconds: 0.5, poolSize: 2 });
    try {
      assert.equal(strict.replica!.status().servingReads, false);
      assert.equal(await servedByStandby(strict.reader), false);
      await refusedAsReadOnly(queryRows(strict.reader, sql`CREATE TABLE must_not_exist (a int)`), 'the fallback to the primary is read-only too');
    } finally {
      await strict.close();
    }

    await clusters!.standby.query('SELECT pg_wal_replay_resume()');
    await until('the appeal to replay into the list', async () => (await listed()).has(ids.second!));
    assert.equal(await todayIntake(), 2);
    await until('lag back to 0', async () => (await ready()).lagSeconds === 0);
  });

  it('(c) with the standby stopped, reads fall back to the primary and readiness says so', async () => {
    await clusters!.standby.stop();
    ids.third = await register('备库停机后登记的诉求');
    assert.ok((await listed()).has(ids.third), 'the list comes from the primary at once');
    assert.equal(await todayIntake(), 3);
    assert.equal(await servedByStandby(deps.database.reader), false);
    const replica = await ready();
    assert.deepEqual({ reachable: replica.reachable, lagSeconds: replica.lagSeconds, readsFrom: replica.readsFrom }, { reachable: false, lagSeconds: null, readsFrom: 'primary' });
    assert.equal(await metric('minsheng_db_replica_up'), 0);
    assert.equal(await metric('minsheng_db_replica_serving_reads'), 0);
    assert.equal(await metric('minsheng_db_replica_lag_seconds'), null, 'no lag sample while it is unknown');
    await refusedAsReadOnly(queryRows(deps.database.reader, sql`CREATE TABLE must_not_exist (a int)`));

    // Back up: the next probe finds it and reads return to it.
    await clusters!.standby.start();
    await until('the standby to serve reads again', async () => (await ready()).readsFrom === 'replica', 20_000);
    await clusters!.caughtUp();
    assert.equal(await servedByStandby(deps.database.reader), true);
    assert.ok((await listed()).has(ids.third));
  });
});
