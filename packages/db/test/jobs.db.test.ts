import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { claimJobs, completeJob, enqueueJob, failJob, openDatabase, purgeFinishedJobs, queryRows, requeueStaleJobs } from '@minsheng/db';
import type { Database, JobRow } from '@minsheng/db';
import { createTestDatabase } from '@minsheng/db/testing';

/**
 * The job table as a queue: dedupe keys, SKIP LOCKED claims by concurrent workers (two connection pools on
 * PostgreSQL, so the claims really overlap), back-off, stale-claim recovery and purging.
 */

const T0 = new Date('2030-01-07T01:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const SEC = 1000, MIN = 60 * SEC;

interface RawJob { id: string; kind: string; status: string; attempts: number; run_at: Date | string; locked_by: string | null; locked_at: Date | string | null; last_error: string | null; finished_at: Date | string | null }

describe('job queue', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let other: Database | null = null;
  /** A second handle on the same database: its own pool on PostgreSQL; PGlite has only the one connection. */
  let db2: Database['db'];

  const rows = async (kind?: string) => (await queryRows<RawJob>(database.db, kind
    ? sql`SELECT * FROM jobs WHERE kind = ${kind} ORDER BY run_at, id`
    : sql`SELECT * FROM jobs ORDER BY run_at, id`)).map((r) => ({ ...r, attempts: Number(r.attempts) }));
  const row = async (id: string) => (await rows()).find((r) => r.id === id)!;
  const time = (v: Date | string | null) => (v === null ? null : new Date(v).getTime());
  const enqueueMany = async (kind: string, n: number, runAt: (i: number) => Date) => {
    for (let i = 0; i < n; i++) assert.equal(await enqueueJob(database.db, { jurisdictionId: 'J1', kind, payload: { i }, runAt: runAt(i) }), true);
  };
  const claimOne = async (now: Date): Promise<JobRow> => {
    const claimed = await claimJobs(database.db, 'w', 1, now);
    assert.equal(claimed.length, 1, `one job due at ${now.toISOString()}`);
    return claimed[0]!;
  };

  before(async () => {
    database = await createTestDatabase();
    if (database.url) other = await openDatabase({ url: database.url, poolSize: 4 });
    db2 = other?.db ?? database.db;
  });
  after(async () => { await other?.close(); await database.close(); });
  beforeEach(async () => { await database.db.execute(sql`DELETE FROM jobs`); });

  it('a dedupe key makes the second enqueue a no-op, per jurisdiction', async () => {
    const job = { jurisdictionId: 'J1', kind: 'deadline_sweep', dedupeKey: 'deadline_sweep:2030-01-07T01:00', runAt: T0 };
    assert.equal(await enqueueJob(database.db, job), true);
    assert.equal(await enqueueJob(database.db, { ...job, payload: { second: true }, runAt: at(MIN) }), false);
    assert.equal((await rows('deadline_sweep')).length, 1);
    assert.equal(time((await rows('deadline_sweep'))[0]!.run_at), T0.getTime(), 'the first enqueue wins');
    assert.equal(await enqueueJob(database.db, { ...job, jurisdictionId: 'J2' }), true, 'another jurisdiction has its own keys');
    assert.equal(await enqueueJob(database.db, { ...job, dedupeKey: 'deadline_sweep:2030-01-07T01:01' }), true);
    // Without a key nothing is deduplicated.
    assert.equal(await enqueueJob(database.db, { jurisdictionId: 'J1', kind: 'mail' }), true);
    assert.equal(await enqueueJob(database.db, { jurisdictionId: 'J1', kind: 'mail' }), true);
    assert.equal((await rows()).length, 5);
  });

  it('concurrent enqueues of one dedupe key leave one row and exactly one true', async () => {
    const job = { jurisdictionId: 'J1', kind: 'deadline_sweep', dedupeKey: 'deadline_sweep:race', runAt: T0 };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => enqueueJob(i % 2 ? db2 : database.db, job)));
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal((await rows()).length, 1);
  });

  it('two workers claiming at once never get the same job and together get every due job', async () => {
    for (let round = 0; round < 5; round++) {
      await database.db.execute(sql`DELETE FROM jobs`);
      await enqueueMany('work', 30, (i) => at(-i * SEC));
      await enqueueMany('later', 5, (i) => at((i + 1) * SEC));
      const [a, b] = await Promise.all([claimJobs(database.db, 'worker-a', 20, T0), claimJobs(db2, 'worker-b', 20, T0)]);
      const ids = [...a, ...b].map((j) => j.id);
      assert.equal(new Set(ids).size, ids.length, `round ${round}: a job was claimed twice`);
      assert.deepEqual(new Set(ids), new Set((await rows('work')).map((r) => r.id)), `round ${round}: every due job claimed`);
      assert.ok(a.length <= 20 && b.length <= 20);
      for (const j of [...a, ...b]) assert.equal(j.attempts, 1);
      const stored = await rows();
      for (const r of stored.filter((x) => x.kind === 'work')) {
        assert.equal(r.status, 'running');
        assert.equal(r.locked_by, a.some((j) => j.id === r.id) ? 'worker-a' : 'worker-b');
        assert.equal(time(r.locked_at), T0.getTime());
      }
      assert.deepEqual(stored.filter((x) => x.kind === 'later').map((r) => r.status), ['queued', 'queued', 'queued', 'queued', 'queued']);
    }
  });

  it('many small concurrent claims drain the queue with each job handed out once', async () => {
    await enqueueMany('work', 40, (i) => at(-i * SEC));
    const seen: string[] = [];
    for (let pass = 0; pass < 10 && seen.length < 40; pass++) {
      const batches = await Promise.all([0, 1, 2, 3].map((w) => claimJobs(w % 2 ? db2 : database.db, `w${w}`, 3, T0)));
      seen.push(...batches.flat().map((j) => j.id));
    }
    assert.equal(seen.length, 40);
    assert.equal(new Set(seen).size, 40);
  });

  it('claims the oldest due jobs first and leaves jobs with run_at in the future', async () => {
    await enqueueMany('work', 3, (i) => at(-(3 - i) * MIN)); // run_at T0-3m, T0-2m, T0-1m
    await enqueueMany('later', 1, () => at(MIN));
    const first = await claimJobs(database.db, 'w', 2, T0);
    const stored = await rows('work');
    assert.deepEqual(new Set(first.map((j) => j.id)), new Set(stored.slice(0, 2).map((r) => r.id)));
    assert.deepEqual((await claimJobs(database.db, 'w', 10, T0)).map((j) => j.id), [stored[2]!.id]);
    assert.deepEqual(await claimJobs(database.db, 'w', 10, T0), [], 'the future job is not due');
    assert.deepEqual(await claimJobs(database.db, 'w', 10, at(MIN - 1)), []);
    const due = await claimJobs(database.db, 'w', 10, at(MIN));
    assert.equal(due.length, 1, 'due exactly at run_at');
    assert.equal(due[0]!.kind, 'later');
    assert.deepEqual(due[0]!.payload, { i: 0 });
  });

  it('failJob requeues with exponential back-off until max attempts, then the job stays failed', async () => {
    assert.equal(await enqueueJob(database.db, { jurisdictionId: 'J1', kind: 'flaky', runAt: T0, maxAttempts: 3 }), true);
    let job = await claimOne(T0);
    assert.deepEqual([job.attempts, job.maxAttempts], [1, 3]);
    await failJob(database.db, job, 'boom 1', T0);
    let r = await row(job.id);
    assert.deepEqual([r.status, r.locked_by, r.last_error, time(r.run_at), r.finished_at], ['queued', null, 'boom 1', at(2 * SEC).getTime(), null]);

    assert.deepEqual(await claimJobs(database.db, 'w', 5, at(2 * SEC - 1)), [], 'not before the back-off');
    job = await claimOne(at(2 * SEC));
    assert.equal(job.attempts, 2);
    await failJob(database.db, job, 'boom 2', at(2 * SEC));
    r = await row(job.id);
    assert.deepEqual([r.status, time(r.run_at)], ['queued', at(6 * SEC).getTime()], '2^2 s later');

    job = await claimOne(at(6 * SEC));
    assert.equal(job.attempts, 3);
    await failJob(database.db, job, 'x'.repeat(5000), at(6 * SEC));
    r = await row(job.id);
    assert.equal(r.status, 'failed');
    assert.equal(r.attempts, 3);
    assert.equal(r.last_error?.length, 2000, 'the error is cut to 2000 characters');
    assert.ok(r.finished_at);
    assert.equal(r.locked_by, null);
    assert.deepEqual(await claimJobs(database.db, 'w', 5, at(3_600 * SEC)), [], 'a failed job is never claimed again');
  });

  it('completeJob marks the job done; it is never claimed again', async () => {
    await enqueueMany('work', 1, () => T0);
    const job = await claimOne(T0);
    await completeJob(database.db, job, T0);
    const r = await row(job.id);
    assert.deepEqual([r.status, r.locked_by], ['done', null]);
    assert.ok(r.finished_at);
    assert.deepEqual(await claimJobs(database.db, 'w', 5, at(3_600 * SEC)), []);
  });

  it('requeueStaleJobs puts back jobs locked long ago, and only those', async () => {
    await enqueueMany('work', 3, (i) => at(-(3 - i) * MIN));
    const old = await claimOne(T0);
    const recent = await claimOne(at(9 * MIN));
    const stillQueued = (await rows('work')).find((x) => x.status === 'queued')!;
    assert.equal(await requeueStaleJobs(database.db, at(10 * MIN), 10 * MIN), 0, 'exactly at the limit is not stale yet');
    assert.equal(await requeueStaleJobs(database.db, at(10 * MIN + 1), 10 * MIN), 1);
    const [o, n, q] = [await row(old.id), await row(recent.id), await row(stillQueued.id)];
    assert.deepEqual([o.status, o.locked_by], ['queued', null]);
    assert.deepEqual([n.status, n.locked_by], ['running', 'w']);
    assert.deepEqual([q.status, q.attempts], ['queued', 0]);
    const again = await claimJobs(database.db, 'w2', 10, at(11 * MIN));
    assert.deepEqual(new Set(again.map((j) => j.id)), new Set([old.id, stillQueued.id]));
    assert.equal(again.find((j) => j.id === old.id)!.attempts, 2, 'the requeued run counts as another attempt');
  });

  it('requeueStaleJobs fails a stale job that has used all its attempts instead of retrying it forever', async () => {
    await enqueueJob(database.db, { jurisdictionId: 'J1', kind: 'crashy', runAt: T0, maxAttempts: 1 });
    const [job] = await claimJobs(database.db, 'w', 5, T0);
    assert.ok(job);
    await requeueStaleJobs(database.db, at(11 * MIN), 10 * MIN);
    const r = await row(job.id);
    assert.equal(r.status, 'failed');
    assert.deepEqual(await claimJobs(database.db, 'w', 5, at(12 * MIN)), []);
  });

  it('purgeFinishedJobs removes done jobs finished before the cut-off and nothing else', async () => {
    await enqueueMany('work', 5, (i) => at(-(5 - i) * MIN));
    const stored = await rows('work');
    const claimed: JobRow[] = [];
    for (const r of stored.slice(0, 4)) {
      claimed.push(await claimOne(T0));
      assert.equal(claimed.at(-1)!.id, r.id, 'oldest first');
    }
    const [doneOld, doneRecent, failedOld, runningJob] = claimed as [JobRow, JobRow, JobRow, JobRow];
    await completeJob(database.db, doneOld, T0);
    await completeJob(database.db, doneRecent, T0);
    await failJob(database.db, { ...failedOld, attempts: 5, maxAttempts: 5 }, 'gave up', T0);
    const setFinished = (id: string, d: Date) => database.db.execute(sql`UPDATE jobs SET finished_at = ${d} WHERE id = ${id}`);
    await setFinished(doneOld.id, at(-2 * 86_400 * SEC));
    await setFinished(doneRecent.id, at(-3_600 * SEC));
    await setFinished(failedOld.id, at(-2 * 86_400 * SEC));
    await purgeFinishedJobs(database.db, at(-86_400 * SEC));
    const left = await rows('work');
    assert.deepEqual(left.map((r) => r.id).sort(), [doneRecent.id, failedOld.id, runningJob.id, stored[4]!.id].sort());
    assert.deepEqual(left.map((r) => r.status).sort(), ['done', 'failed', 'queued', 'running']);
  });
});
