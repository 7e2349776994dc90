import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { enqueueJob, queryRows } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { testEngine } from '@minsheng/db/testing';
import { loadConfig } from '../src/config';
import { createDeps } from '../src/compose';
import { buildApp } from '../src/http/app';
import { intakeBody, TEST_SECRET } from './harness';
import { createSharedDatabase, startServerProcess, stopServer } from './server-process';
import type { ServerProcess, SharedDatabase } from './server-process';
import { verifyAllChains } from './db-census';

const engine = testEngine();
const OVERDUE_APPEALS = 12;
const EXTRA_SWEEPS = 24;
const INTAKES = 40;

const count = async (db: Database['db'], query: ReturnType<typeof sql>) => Number((await queryRows<{ n: string | number }>(db, query))[0]!.n);

/**
 * Issue 9 §3: two `minsheng serve` processes on one PostgreSQL database, both serving requests and both running the
 * background worker (every 100 ms). Jobs are claimed with FOR UPDATE SKIP LOCKED, so each runs once (the processes'
 * own job counters add up to the jobs done); sweeps racing over the same overdue clocks issue one supervision notice
 * per clock; each outbox notification is delivered once. PGlite is one process by design: skipped there.
 */
describe('two server processes on one PostgreSQL', { skip: engine !== 'postgres' && 'PGlite serves one process by design (PostgreSQL only)' }, () => {
  let shared: SharedDatabase;
  let database: Database;
  const servers: ServerProcess[] = [];

  before(async () => {
    shared = await createSharedDatabase('postgres');
    database = await shared.open();
    // Appeals dispatched ten days ago: their sign-for clocks are long overdue, and a supervision notice is due.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    const deps = await createDeps(loadConfig({ MINSHENG_SECRET: TEST_SECRET } as NodeJS.ProcessEnv), database, { now: () => tenDaysAgo, defaultJurisdictionId: '370812' });
    const app = await buildApp(deps);
    const token = async (username: string) => (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json<{ token: string }>().token;
    const agent = await token('agent');
    const dispatcher = await token('dispatcher');
    for (let i = 0; i < OVERDUE_APPEALS; i++) {
      const created = await app.inject({ method: 'POST', url: '/api/appeals', headers: { authorization: `Bearer ${agent}` }, payload: intakeBody({ title: `超期督办 ${i}` }) });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json<{ id: string }>().id;
      await app.inject({ method: 'POST', url: `/api/appeals/${id}/transitions`, headers: { authorization: `Bearer ${agent}` }, payload: { action: 'accept' } });
      const dispatched = await app.inject({ method: 'POST', url: `/api/appeals/${id}/transitions`, headers: { authorization: `Bearer ${dispatcher}` }, payload: { action: 'dispatch', leadUnitId: shared.units.get('dept-zhujian') } });
      assert.equal(dispatched.statusCode, 200, dispatched.body);
    }
    await app.close();
    const env = { ...shared.env, MINSHENG_WORKER_INTERVAL_MS: '100', MINSHENG_DB_POOL: '5' };
    servers.push(...await Promise.all([startServerProcess(env), startServerProcess(env)]));
  });
  after(async () => {
    await Promise.all(servers.map((s) => stopServer(s)));
    await database?.close();
    await shared?.drop();
  });

  it('both serve intake at once: every appeal once, numbers unique', async () => {
    const tokens = await Promise.all(servers.map(async (s) => {
      const res = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent', password: DEMO_PASSWORD }) });
      return ((await res.json()) as { token: string }).token;
    }));
    const answers = await Promise.all(Array.from({ length: INTAKES }, async (_, i) => {
      const s = servers[i % 2]!;
      const res = await fetch(`${s.url}/api/appeals`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % 2]}` }, body: JSON.stringify(intakeBody({ title: `双进程受理 ${i}` })) });
      return { status: res.status, body: (await res.json()) as { id: string; number: string } };
    }));
    assert.deepEqual(answers.map((a) => a.status), answers.map(() => 201));
    assert.equal(new Set(answers.map((a) => a.body.number)).size, INTAKES);
    assert.equal(await count(database.db, sql`SELECT count(*) AS n FROM appeals WHERE title LIKE '双进程受理 %'`), INTAKES);
  });

  it('racing workers run every job once, sweep each overdue clock into one notice, deliver each notification once', async (t) => {
    // Besides the per-minute sweep each worker schedules, a burst of sweeps for both to fight over.
    for (let i = 0; i < EXTRA_SWEEPS; i++) {
      await enqueueJob(database.db, { jurisdictionId: '370812', kind: 'deadline_sweep', dedupeKey: `test-sweep-${i}`, maxAttempts: 1 });
      // Deliveries racing each other over the notices' notifications as the sweeps write them.
      if (i % 4 === 0) await enqueueJob(database.db, { jurisdictionId: '370812', kind: 'notification_delivery', dedupeKey: `test-delivery-${i}`, maxAttempts: 1 });
    }
    const db = database.db;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const pendingJobs = await count(db, sql`SELECT count(*) AS n FROM jobs WHERE status IN ('queued', 'running')`);
      const notices = await count(db, sql`SELECT count(DISTINCT appeal_id) AS n FROM supervisions WHERE automatic`);
      const unsent = await count(db, sql`SELECT count(*) AS n FROM notifications WHERE status = 'queued'`);
      if (pendingJobs === 0 && notices === OVERDUE_APPEALS && unsent === 0) break;
      assert.ok(Date.now() < deadline, `work did not finish: ${pendingJobs} jobs pending, ${notices} notices, ${unsent} notifications queued`);
      await new Promise((r) => setTimeout(r, 200));
    }

    // Every job once: what the two processes say they ran adds up to the jobs the table holds as done, with one attempt each.
    const jobs = await queryRows<{ kind: string; status: string; attempts: number }>(db, sql`SELECT kind, status, attempts FROM jobs`);
    assert.ok(jobs.every((j) => j.status === 'done' && Number(j.attempts) === 1), JSON.stringify(jobs.filter((j) => j.status !== 'done' || Number(j.attempts) !== 1)));
    const ran: Record<string, number> = {};
    const perProcess: number[] = [];
    for (const s of servers) {
      const text = await (await fetch(`${s.url}/metrics`)).text();
      let mine = 0;
      for (const m of text.matchAll(/^minsheng_job_runs_total\{kind="([a-z_]+)"\} (\d+)$/gm)) { ran[m[1]!] = (ran[m[1]!] ?? 0) + Number(m[2]); mine += Number(m[2]); }
      assert.doesNotMatch(text, /^minsheng_job_failures_total\{/m);
      perProcess.push(mine);
    }
    const done: Record<string, number> = {};
    for (const j of jobs) done[j.kind] = (done[j.kind] ?? 0) + 1;
    assert.deepEqual(ran, done, 'runs counted by the processes = jobs done');
    assert.ok((done.deadline_sweep ?? 0) >= EXTRA_SWEEPS);
    assert.ok(perProcess.every((n) => n > 0), `both processes took work: ${perProcess.join(' + ')}`);
    t.diagnostic(`jobs done ${JSON.stringify(done)}; runs per process ${perProcess.join(' + ')}`);

    // Sweeps never double-fire: one automatic notice (and one supervise event) per overdue clock, one overdue mark.
    const perAppeal = await queryRows<{ title: string; notices: string | number; events: string | number }>(db, sql`
      SELECT a.title, (SELECT count(*) FROM supervisions s WHERE s.appeal_id = a.id AND s.automatic) AS notices,
             (SELECT count(*) FROM appeal_events e WHERE e.appeal_id = a.id AND e.action = 'supervise') AS events
      FROM appeals a WHERE a.title LIKE '超期督办 %'`);
    assert.equal(perAppeal.length, OVERDUE_APPEALS);
    for (const a of perAppeal) assert.deepEqual([Number(a.notices), Number(a.events)], [1, 1], a.title);

    // Each notification delivered once: the log adapter's lines from both processes, one per notification id.
    const delivered = servers.flatMap((s) => [...s.output().matchAll(/"notificationId":"([^"]+)"/g)].map((m) => m[1]!));
    const sent = await queryRows<{ id: string }>(db, sql`SELECT id FROM notifications WHERE status = 'sent'`);
    assert.ok(sent.length >= OVERDUE_APPEALS + INTAKES, `notifications were sent (${sent.length})`);
    assert.equal(delivered.length, sent.length, 'no notification delivered twice');
    assert.deepEqual(new Set(delivered), new Set(sent.map((r) => r.id)));

    const chains = await verifyAllChains({ database });
    assert.equal(chains.broken.length, 0, JSON.stringify(chains.broken));
  });
});
