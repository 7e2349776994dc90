import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { ApiResponse, TestServer } from './harness';
import { verifyAuditTrail } from '../src/modules/appeals/use-cases/verify-audit-trail';

/**
 * DOMAIN.md §2: two people acting on the same appeal at once — exactly one wins; the other gets a conflict naming the
 * current state, and nothing of the loser's is written. Intake numbering stays gap-free under concurrent intakes.
 */
describe('concurrent actors', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'agent2', 'dispatcher', 'supervisor', 'zhujian.handler', 'zhujian.leader']) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  const transition = (user: string, id: string, body: Record<string, unknown>) =>
    s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
  const detail = async (id: string) => {
    const res = await s.api('GET', `/api/appeals/${id}`, { token: tokens.supervisor });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const events = async (id: string): Promise<{ seq: number; action: string; actorUserId: string }[]> => {
    const res = await s.api('GET', `/api/appeals/${id}/events`, { token: tokens.supervisor });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items;
  };
  async function register(): Promise<string> {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  }
  async function ok(user: string, id: string, body: Record<string, unknown>) {
    const res = await transition(user, id, body);
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Fire both requests at once; check one 200, one 409 naming the winner's state, one new event, version + 1. */
  async function race(id: string, a: [string, Record<string, unknown>], b: [string, Record<string, unknown>]) {
    const before = await detail(id);
    const eventsBefore = await events(id);
    const results = await Promise.all([transition(a[0], id, a[1]), transition(b[0], id, b[1])]);
    const pairs: [ApiResponse, [string, Record<string, unknown>]][] = [[results[0], a], [results[1], b]];
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], JSON.stringify(results.map((r) => r.body)));
    const [winner, winnerCmd] = pairs.find(([r]) => r.status === 200)!;
    const [loser] = pairs.find(([r]) => r.status === 409)!;
    assert.ok(['STALE_STATE', 'ILLEGAL_TRANSITION'].includes(loser.body.error.code), JSON.stringify(loser.body));
    assert.equal(loser.body.error.details.status, winner.body.status, 'the conflict names the current state');
    assert.equal(loser.body.error.details.version, winner.body.version);

    const after = await detail(id);
    assert.equal(after.version, before.version + 1, 'version advanced by exactly one');
    assert.equal(after.status, winner.body.status);
    const eventsAfter = await events(id);
    assert.equal(eventsAfter.length, eventsBefore.length + 1, 'exactly one new event');
    const added = eventsAfter.at(-1)!;
    assert.equal(added.action, winnerCmd[1].action);
    assert.equal(added.seq, eventsBefore.length + 1);
    return { winner: winner.body, winnerUser: winnerCmd[0], loser: loser.body };
  }

  it('20 concurrent intakes all succeed with distinct, consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      s.api('POST', '/api/appeals', { token: i % 2 ? tokens.agent2 : tokens.agent, body: intakeBody({ title: `并发登记测试第${i + 1}件` }) })));
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    const numbers = results.map((r) => r.body.number as string).sort();
    assert.deepEqual(numbers, Array.from({ length: 20 }, (_, i) => `YZ20261123${String(i + 1).padStart(6, '0')}`));
    assert.equal(new Set(results.map((r) => r.body.id)).size, 20);
    assert.equal(new Set(results.map((r) => r.body.citizen.id)).size, 20, 'each appeal keeps its own identity snapshot');
    const [linked] = await queryRows<{ hashes: number }>(s.deps.database.db, sql`
      SELECT count(DISTINCT c.phone_hash)::int AS hashes FROM appeals a JOIN citizens c ON c.jurisdiction_id = a.jurisdiction_id AND c.id = a.citizen_id
      WHERE a.jurisdiction_id = '370812' AND a.id = ANY(${sql`ARRAY[${sql.join(results.map((r) => sql`${r.body.id}`), sql`, `)}]::text[]`})`);
    assert.equal(linked?.hashes, 1, 'one caller: every snapshot carries the same phone hash');
    const [counter] = await queryRows<{ value: number }>(s.deps.database.db, sql`SELECT value FROM appeal_counters WHERE jurisdiction_id = '370812' AND day = '20261123'`);
    assert.equal(Number(counter?.value), 20);
  });

  it('concurrent retries with one Idempotency-Key create one appeal', async () => {
    const body = intakeBody({ title: '幂等重试测试' });
    const results = await Promise.all([0, 1, 2, 3, 4].map(() =>
      s.api('POST', '/api/appeals', { token: tokens.agent, body, headers: { 'idempotency-key': 'retry-race-1' } })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 200, 200, 201], JSON.stringify(results.map((r) => r.body)));
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
    const [count] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM appeals WHERE title = '幂等重试测试'`);
    assert.equal(count?.n, 1);
    assert.equal(results[0]!.body.number, 'YZ20261123000021', 'the losers burnt no number');
  });

  it('reject vs accept on a registered appeal (both with the version they saw): exactly one wins', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await register();
      const { version } = await detail(id);
      const { winner } = await race(id,
        ['dispatcher', { action: 'reject', reason: '不属于受理范围', version }],
        ['agent', { action: 'accept', version }]);
      assert.ok(['rejected', 'accepted'].includes(winner.status));
    }
  });

  it('two dispatches of one accepted appeal: exactly one wins and only its unit is assigned', async () => {
    for (let i = 0; i < 3; i++) {
      const id = await register();
      await ok('agent', id, { action: 'accept' });
      const { winner } = await race(id,
        ['dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') }],
        ['dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') }]);
      assert.equal(winner.status, 'dispatched');
      const assigned = await queryRows<{ unit_id: string }>(s.deps.database.db, sql`
        SELECT unit_id FROM appeal_assignments WHERE jurisdiction_id = '370812' AND appeal_id = ${id}`);
      assert.deepEqual(assigned.map((r) => r.unit_id), [winner.leadUnitId], 'the loser wrote no assignment');
      const clocks = await queryRows<{ clock: string }>(s.deps.database.db, sql`
        SELECT clock FROM appeal_clocks WHERE jurisdiction_id = '370812' AND appeal_id = ${id}`);
      assert.deepEqual(clocks.map((c) => c.clock), ['sign_for']);
    }
  });

  it('two agents accepting the same appeal: one 200, the other 409 naming "accepted"', async () => {
    for (let i = 0; i < 3; i++) {
      const id = await register();
      const { loser } = await race(id, ['agent', { action: 'accept' }], ['agent2', { action: 'accept' }]);
      assert.equal(loser.error.details.status, 'accepted');
    }
  });

  it('sign vs request_return on a dispatched appeal (both with the version they saw): exactly one wins', async () => {
    const id = await register();
    await ok('agent', id, { action: 'accept' });
    const { version } = await ok('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    const { winner } = await race(id,
      ['zhujian.handler', { action: 'sign', version }],
      ['zhujian.leader', { action: 'request_return', reason: '不属于本单位职责', version }]);
    assert.ok(['handling', 'return_requested'].includes(winner.status));
  });

  it('after all the races every hash chain is intact', async () => {
    const audit = await verifyAuditTrail(s.deps, '370812');
    assert.deepEqual(audit.broken, []);
    assert.equal(audit.appeals, 21 + 4 + 3 + 3 + 1);
  });
});
