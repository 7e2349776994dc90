import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { enqueueJob, queryRows } from '@minsheng/db';
import type { JobRow } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { sweepDeadlines } from '../src/jobs/deadline-sweep';
import type { SweepResult } from '../src/jobs/deadline-sweep';

/** The light marks of a sweep (notices and bulletins have their own tests). */
const lights = (r: SweepResult) => ({ yellow: r.yellow, overdue: r.overdue });
import { JOB_HANDLERS, Worker } from '../src/jobs/worker';
import type { JobHandler } from '../src/jobs/worker';

/**
 * DOMAIN.md §5: yellow at 75 % of a clock → automatic urge (催办) by 'system', once; overdue → marked once. The worker
 * schedules one sweep per jurisdiction and minute, however many workers tick.
 */
const JID = '370812';
const local = (time: string, day = '2026-11-23') => new Date(`${day}T${time}:00+08:00`); // 2026-11-23 is a Monday

describe('deadline sweep and worker', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let first = '';
  let second = '';

  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function dispatchedAppeal(): Promise<string> {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await act('agent', res.body.id, { action: 'accept' });
    await act('dispatcher', res.body.id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    return res.body.id;
  }
  const detail = async (id: string) => (await s.api('GET', `/api/appeals/${id}`, { token: tokens.supervisor })).body;
  const signFor = async (id: string) => (await detail(id)).deadlines.find((d: { clock: string }) => d.clock === 'sign_for');
  const urges = async (id: string) => {
    const res = await s.api('GET', `/api/appeals/${id}/events`, { token: tokens.supervisor });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items.filter((e: { action: string }) => e.action === 'urge');
  };
  const clockRow = async (id: string, clock = 'sign_for') => (await queryRows<{ yellow_notified_at: string | Date | null; overdue_notified_at: string | Date | null }>(
    s.deps.database.db, sql`SELECT yellow_notified_at, overdue_notified_at FROM appeal_clocks WHERE jurisdiction_id = ${JID} AND appeal_id = ${id} AND clock = ${clock}`))[0]!;
  const ms = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());
  const sweepJobs = async (minute?: string) => queryRows<{ jurisdiction_id: string; status: string; dedupe_key: string }>(s.deps.database.db, minute
    ? sql`SELECT jurisdiction_id, status, dedupe_key FROM jobs WHERE kind = 'deadline_sweep' AND dedupe_key = ${`deadline_sweep:${minute}`}`
    : sql`SELECT jurisdiction_id, status, dedupe_key FROM jobs WHERE kind = 'deadline_sweep'`);

  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'supervisor', 'zhujian.handler']) tokens[u] = await s.login(u);
    first = await dispatchedAppeal(); // Monday 09:00: sign-for (2 working hours) due 11:00
  });
  after(() => s.close());

  it('the dispatched appeal is green at first and the sweep leaves it alone', async () => {
    assert.equal((await signFor(first)).dueAt, local('11:00').toISOString());
    s.clock.now = local('10:20'); // 80 of 120 minutes: 67 %
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 0, overdue: 0 });
    assert.equal((await signFor(first)).light, 'green');
    assert.equal((await urges(first)).length, 0);
  });

  it('past 75 % of sign-for the sweep turns it yellow and urges once as system', async () => {
    s.clock.now = local('10:40'); // 100 of 120 minutes: 83 %
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 1, overdue: 0 });
    const [urge, ...more] = await urges(first);
    assert.equal(more.length, 0);
    assert.equal(urge.actorUserId, 'system');
    assert.equal(urge.occurredAt, local('10:40').toISOString());
    assert.match(urge.reason, /签收/);
    const d = await detail(first);
    assert.equal(d.urgeCount, 1);
    assert.equal(d.status, 'dispatched', 'urging never changes the state');
    assert.equal(d.deadlines.find((c: { clock: string }) => c.clock === 'sign_for').light, 'yellow');
    assert.equal(ms((await clockRow(first)).yellow_notified_at), local('10:40').getTime());
  });

  it('running the sweep again does not urge twice', async () => {
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 0, overdue: 0 });
    s.clock.now = local('10:55');
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 0, overdue: 0 });
    assert.equal((await urges(first)).length, 1);
    assert.equal((await detail(first)).urgeCount, 1);
  });

  it('once overdue the clock is marked (once) and the detail shows red', async () => {
    s.clock.now = local('11:30');
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 0, overdue: 1 });
    const row = await clockRow(first);
    assert.equal(ms(row.overdue_notified_at), local('11:30').getTime());
    assert.equal(ms(row.yellow_notified_at), local('10:40').getTime(), 'the yellow mark is kept');
    const sign = await signFor(first);
    assert.deepEqual([sign.light, sign.overdue, sign.running], ['red', true, true]);
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 0, overdue: 0 });
    assert.equal((await urges(first)).length, 1, 'overdue is marked, not urged again');
    assert.equal(ms((await clockRow(first)).overdue_notified_at), local('11:30').getTime());
  });

  it('an appeal that went from green to red between sweeps is marked overdue without an urge', async () => {
    s.clock.now = local('11:30');
    const late = await dispatchedAppeal(); // due 15:00: 30 minutes before lunch, 90 after (12:00–13:30 does not count)
    assert.equal((await signFor(late)).dueAt, local('15:00').toISOString());
    s.clock.now = local('15:05');
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 0, overdue: 1 });
    assert.equal((await urges(late)).length, 0);
    const row = await clockRow(late);
    assert.equal(ms(row.overdue_notified_at), local('15:05').getTime());
    assert.equal(ms(row.yellow_notified_at), local('15:05').getTime());
  });

  it('two sweeps running at once urge a yellow appeal only once', async () => {
    s.clock.now = local('14:30');
    second = await dispatchedAppeal(); // due 16:30
    s.clock.now = local('16:10'); // 100 of 120 minutes
    const results = await Promise.all([sweepDeadlines(s.deps, JID), sweepDeadlines(s.deps, JID), sweepDeadlines(s.deps, JID)]);
    assert.equal(results.reduce((n, r) => n + r.yellow, 0), 1, JSON.stringify(results));
    assert.equal((await urges(second)).length, 1);
    assert.equal((await detail(second)).urgeCount, 1);
  });

  it('a signed (stopped) clock is no longer swept', async () => {
    s.clock.now = local('16:20');
    await act('zhujian.handler', second, { action: 'sign' });
    s.clock.now = local('17:00');
    assert.deepEqual(lights(await sweepDeadlines(s.deps, JID)), { yellow: 0, overdue: 0 });
    const row = await clockRow(second);
    assert.equal(row.overdue_notified_at, null);
  });

  let racedSweeps: { yellow: number; overdue: number }[] = [];
  it('two sweeps running at once mark an overdue clock once', async () => {
    s.clock.now = local('17:00');
    const third = await dispatchedAppeal(); // 30 minutes today, 90 tomorrow: due Tuesday 10:00
    assert.equal((await signFor(third)).dueAt, local('10:00', '2026-11-24').toISOString());
    s.clock.now = local('10:05', '2026-11-24');
    tokens.supervisor = await s.login('supervisor'); // yesterday's session has expired
    racedSweeps = await Promise.all([sweepDeadlines(s.deps, JID), sweepDeadlines(s.deps, JID)]);
    assert.equal(ms((await clockRow(third)).overdue_notified_at), local('10:05', '2026-11-24').getTime());
    assert.equal((await urges(third)).length, 0);
  });

  it('…and count it once', () => {
    assert.equal(racedSweeps.reduce((n, r) => n + r.overdue, 0), 1, JSON.stringify(racedSweeps));
  });

  it('a worker ticking twice in one minute enqueues and runs one deadline_sweep job per jurisdiction', async () => {
    s.clock.now = local('10:00', '2026-11-20');
    const worker = new Worker(s.deps, 60_000);
    assert.equal(await worker.tick(), 1);
    s.clock.now = new Date(s.clock.now.getTime() + 59_000);
    assert.equal(await worker.tick(), 0);
    const jobs = await sweepJobs('2026-11-20T02:00');
    assert.deepEqual(jobs.map((j) => [j.jurisdiction_id, j.status]), [[JID, 'done']]);
    s.clock.now = local('10:01', '2026-11-20');
    assert.equal(await worker.tick(), 1, 'the next minute has its own run');
    assert.equal((await sweepJobs()).length, 2);
  });

  it('two workers ticking at once run every job exactly once', async () => {
    s.clock.now = local('10:02', '2026-11-20');
    const runs: string[] = [];
    const counting = (inner?: JobHandler): JobHandler => async (deps, job: JobRow) => { runs.push(job.id); if (inner) await inner(deps, job); };
    const handlers = { deadline_sweep: counting(JOB_HANDLERS.deadline_sweep), noop: counting() };
    for (let i = 0; i < 8; i++) assert.ok(await enqueueJob(s.deps.database.db, { jurisdictionId: JID, kind: 'noop', payload: { i }, runAt: s.clock.now }));
    const [w1, w2] = [new Worker(s.deps, 60_000, handlers), new Worker(s.deps, 60_000, handlers)];
    const ran = await Promise.all([w1.tick(), w2.tick(), w1.tick(), w2.tick()]);
    assert.equal(ran.reduce((a, b) => a + b, 0), 9, `ran ${JSON.stringify(ran)}`);
    assert.equal(runs.length, 9);
    assert.equal(new Set(runs).size, 9, 'no job ran twice');
    assert.deepEqual((await sweepJobs('2026-11-20T02:02')).map((j) => j.status), ['done']);
    const [pending] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE status <> 'done'`);
    assert.equal(pending?.n, 0);
  });

  it('a third tick in the same minute still does not run the sweep again, even with the clock years ahead', async () => {
    s.clock.now = local('09:00', '2030-01-07');
    let sweeps = 0;
    const worker = new Worker(s.deps, 60_000, { deadline_sweep: async () => { sweeps += 1; } });
    for (let i = 0; i < 3; i++) await worker.tick();
    assert.equal(sweeps, 1, 'the per-minute sweep ran more than once in one minute');
  });
});
