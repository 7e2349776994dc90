import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { testEngine } from '@minsheng/db/testing';
import { intakeBody } from './harness';
import { createSharedDatabase, killServer, startServerProcess, stopServer } from './server-process';
import type { ServerProcess, SharedDatabase } from './server-process';
import { verifyAllChains } from './db-census';

const engine = testEngine();
const CLIENTS = 12;
const TITLE = '崩溃测试';

type User = 'agent' | 'dispatcher';
/** One request a client sent with an Idempotency-Key, and whether its answer came back. */
interface Op { client: number; step: 'intake' | 'accept' | 'dispatch'; user: User; key: string; path: string; body: Record<string, unknown>; acked: boolean; appealId?: string; retried?: boolean }

/**
 * Issue 9 §2: intake and transitions from many clients, the server SIGKILLed mid-load and restarted on the same
 * database (PGlite: the same data folder), every request whose answer was lost retried with its Idempotency-Key.
 * Then: every acknowledged appeal and transition is there exactly once, each appeal's state agrees with its last
 * event, and every hash chain verifies.
 */
describe(`crash safety: SIGKILL under load, restart, retry (${engine})`, () => {
  let shared: SharedDatabase;
  let server: ServerProcess | null = null;
  const ops: Op[] = [];
  const tokens: Partial<Record<User, string>> = {};
  let lead = '';

  before(async () => {
    shared = await createSharedDatabase();
    lead = shared.units.get('dept-zhujian')!;
  });
  after(async () => {
    if (server) await killServer(server);
    await shared.drop();
  });

  async function login(url: string) {
    for (const user of ['agent', 'dispatcher'] as const) {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: DEMO_PASSWORD }) });
      assert.equal(res.status, 200);
      tokens[user] = ((await res.json()) as { token: string }).token;
    }
  }

  /** Send an op; resolves with the answer, or null when the connection died before an answer came. */
  async function send(url: string, op: Op): Promise<{ status: number; body: Record<string, unknown> } | null> {
    try {
      const res = await fetch(url + op.path, {
        method: 'POST', body: JSON.stringify(op.body),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[op.user]}`, 'idempotency-key': op.key },
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    } catch {
      return null;
    }
  }

  /** One client: intake → accept → dispatch, over and over, until a request goes unanswered. */
  async function client(url: string, n: number, stop: { now: boolean }) {
    for (let round = 0; !stop.now; round++) {
      let appealId = '';
      for (const step of ['intake', 'accept', 'dispatch'] as const) {
        const key = `crash-${n}-${round}-${step}`;
        const op: Op = step === 'intake'
          ? { client: n, step, user: 'agent', key, path: '/api/appeals', body: intakeBody({ title: `${TITLE} ${n}-${round}` }), acked: false }
          : { client: n, step, user: step === 'accept' ? 'agent' : 'dispatcher', key, path: `/api/appeals/${appealId}/transitions`, body: step === 'accept' ? { action: 'accept' } : { action: 'dispatch', leadUnitId: lead }, acked: false, appealId };
        ops.push(op);
        const answer = await send(url, op);
        if (!answer) return;
        assert.ok(answer.status === 200 || answer.status === 201, `${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
        op.acked = true;
        op.appealId = answer.body.id as string;
        appealId = op.appealId;
      }
    }
  }

  it('loses nothing acknowledged and doubles nothing retried', async (t) => {
    server = await startServerProcess({ ...shared.env, MINSHENG_WORKERS: '0' });
    await login(server.url);
    const stop = { now: false };
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(server!.url, n, stop));
    // Mid-load: every client busy, enough acknowledged to make the check meaningful.
    const started = Date.now();
    while (ops.filter((o) => o.acked).length < 90 && Date.now() - started < 8_000) await new Promise((r) => setTimeout(r, 20));
    await killServer(server);
    stop.now = true;
    await Promise.all(clients);
    const ackedBeforeKill = ops.filter((o) => o.acked).length;
    const lost = ops.filter((o) => !o.acked);
    assert.ok(ackedBeforeKill >= 30, `load ran before the kill (${ackedBeforeKill} acknowledged)`);
    assert.ok(lost.length >= 1 && lost.length <= CLIENTS, `each client lost at most its last request (${lost.length})`);
    t.diagnostic(`${ackedBeforeKill} requests answered before SIGKILL, ${lost.length} unanswered (retried after restart)`);

    server = await startServerProcess({ ...shared.env, MINSHENG_WORKERS: '0' });
    await login(server.url); // sessions are rows, but a fresh login also proves the users survived
    for (const op of lost) {
      const answer = await send(server.url, op);
      assert.ok(answer && (answer.status === 200 || answer.status === 201), `retry ${op.key}: ${JSON.stringify(answer)}`);
      op.acked = true;
      op.retried = true;
      op.appealId = answer.body.id as string;
    }
    // Replaying answered requests too (a client that never learnt it was answered) must change nothing.
    const replays = await Promise.all(ops.filter((o) => o.step === 'intake' && !o.retried).slice(0, 40).map((o) => send(server!.url, o).then((a) => [o, a] as const)));
    for (const [o, a] of replays) {
      assert.equal(a?.status, 200, `replay ${o.key}`);
      assert.equal(a.body.id, o.appealId);
    }
    await stopServer(server);
    server = null;

    const database = await shared.open();
    try {
      const db = database.db;
      const appeals = await queryRows<{ id: string; title: string; status: string; last_event_seq: number }>(db, sql`
        SELECT id, title, status, last_event_seq FROM appeals WHERE title LIKE ${`${TITLE} %`}`);
      const intakes = ops.filter((o) => o.step === 'intake');
      assert.equal(appeals.length, intakes.length, 'one appeal per intake request, none lost, none twice');
      const byId = new Map(appeals.map((a) => [a.id, a]));
      for (const o of intakes) assert.equal(byId.get(o.appealId!)?.title, o.body.title, `${o.key} → ${o.appealId}`);

      const events = await queryRows<{ appeal_id: string; seq: number; action: string; to_status: string }>(db, sql`
        SELECT e.appeal_id, e.seq, e.action, e.to_status FROM appeal_events e JOIN appeals a ON a.jurisdiction_id = e.jurisdiction_id AND a.id = e.appeal_id
        WHERE a.title LIKE ${`${TITLE} %`} ORDER BY e.appeal_id, e.seq`);
      const timeline = new Map<string, typeof events>();
      for (const e of events) timeline.set(e.appeal_id, [...(timeline.get(e.appeal_id) ?? []), e]);
      for (const a of appeals) {
        const t = timeline.get(a.id) ?? [];
        const mine = ops.filter((o) => o.appealId === a.id);
        const expected = mine.some((o) => o.step === 'dispatch') ? 'dispatched' : mine.some((o) => o.step === 'accept') ? 'accepted' : 'registered';
        assert.equal(a.status, expected, `${a.title}: acknowledged steps ${mine.map((o) => o.step).join(',')}`);
        // State and event together: the head is the last event, the sequence has no gap, each action once.
        assert.equal(t.at(-1)?.to_status, a.status, `${a.title}: state and its event`);
        assert.equal(Number(a.last_event_seq), t.length);
        assert.deepEqual(t.map((e) => Number(e.seq)), t.map((_, i) => i + 1));
        for (const step of ['accept', 'dispatch']) assert.ok(t.filter((e) => e.action === step).length <= 1, `${a.title}: ${step} once`);
        assert.equal(t.filter((e) => e.action === 'dispatch').length, mine.some((o) => o.step === 'dispatch') ? 1 : 0);
      }
      const [keys] = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM idempotency_keys WHERE key LIKE 'crash-%'`);
      assert.equal(Number(keys!.n), ops.length, 'one recorded key per request');
      const chains = await verifyAllChains({ database });
      assert.equal(chains.broken.length, 0, JSON.stringify(chains.broken));
      assert.equal(chains.appeals, appeals.length);
    } finally {
      await database.close();
    }
  });
});
