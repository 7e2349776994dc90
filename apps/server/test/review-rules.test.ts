import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/**
 * DOMAIN.md §8 and §2 rules found by review: identity goes only to whoever handles the appeal now; caller history is an
 * audited intake tool; two appeals never merge into each other; a report cannot accuse its own receiving unit; rule
 * edits and cursors the system cannot use are refused up front.
 */
describe('privacy and integrity rules', () => {
  let s: TestServer;
  const t: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'zhujian.handler', 'zhujian.leader', 'chengguan.handler', 'gulou.handler', 'gulou.leader', 'weiyuan.handler', 'leader', 'admin', 'supervisor']) t[u] = await s.login(u);
  });
  after(() => s.close());

  const act = (user: string, id: string, body: Record<string, unknown>) => s.api('POST', `/api/appeals/${id}/transitions`, { token: t[user], body });
  async function registered(overrides: Record<string, unknown> = {}) {
    const res = await s.api('POST', '/api/appeals', { token: t.agent, body: intakeBody(overrides) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function dispatchedTo(unitKey: string, overrides: Record<string, unknown> = {}) {
    const id = await registered(overrides);
    assert.equal((await act('agent', id, { action: 'accept' })).status, 200, 'accept');
    const res = await act('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit(unitKey) });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return id;
  }
  const reveal = (user: string, id: string) => s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: t[user], body: { reason: '核实情况' } });

  it('§8: a handler who no longer has the appeal cannot unmask the citizen', async () => {
    const id = await dispatchedTo('dept-zhujian', { confidential: true });
    assert.equal((await reveal('zhujian.handler', id)).status, 200, 'the assigned handler may');
    assert.equal((await act('zhujian.handler', id, { action: 'request_return', reason: '不属于本单位职责' })).status, 200, 'return');
    assert.equal((await act('dispatcher', id, { action: 'approve_return' })).status, 200, 'approve return');
    assert.equal((await act('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') })).status, 200, 'redispatch');
    const res = await reveal('zhujian.handler', id);
    assert.equal(res.status, 403, JSON.stringify(res.body));
    assert.equal((await reveal('chengguan.handler', id)).status, 200, 'the new handler may');
  });

  it('§8: on a confidential appeal only intake, dispatch and the handler of the assigned unit itself see identity', async () => {
    const id = await dispatchedTo('street-370812001', { confidential: true });
    assert.equal((await act('gulou.handler', id, { action: 'sign' })).status, 200, 'sign');
    const station = (await s.api('GET', '/api/units', { token: t.dispatcher })).body.items.find((u: { key: string }) => u.key === 'station-370812001002').id;
    assert.equal((await act('gulou.leader', id, { action: 'sub_dispatch', leadUnitId: station })).status, 200, 'sub-dispatch to the community');
    assert.equal((await reveal('weiyuan.handler', id)).status, 200, 'the community handler may');
    assert.equal((await reveal('gulou.handler', id)).status, 403, 'the street above it may not');
    assert.equal((await reveal('gulou.leader', id)).status, 403, 'nor its leader');
    assert.equal((await reveal('supervisor', id)).status, 403, 'nor supervision');
    assert.equal((await reveal('dispatcher', id)).status, 200, 'dispatch may');
  });

  it('§8: caller history is for intake only, and every look-up is audited without the number', async () => {
    await registered({ citizen: { name: '赵敏', phone: '13688886666' } });
    const denied = await s.api('GET', '/api/citizens/history?phone=13688886666', { token: t.leader });
    assert.equal(denied.status, 403, JSON.stringify(denied.body));
    const ok = await s.api('GET', '/api/citizens/history?phone=13688886666', { token: t.agent });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.items.length, 1);
    const audit = await queryRows<{ n: number; leaked: number }>(s.deps.database.db, sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE detail::text LIKE '%13688886666%' OR target_id = '13688886666')::int AS leaked
      FROM audit_log WHERE action = 'caller_history'`);
    assert.deepEqual(audit[0], { n: 1, leaked: 0 });
  });

  it('§2 并单: two appeals merged into each other at the same moment — at most one merge wins', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await registered(), await registered()];
      const [ra, rb] = await Promise.all([act('dispatcher', a, { action: 'merge', masterId: b }), act('dispatcher', b, { action: 'merge', masterId: a })]);
      assert.ok([ra.status, rb.status].filter((x) => x === 200).length <= 1, `round ${round}: ${ra.status} ${rb.status}`);
      for (const r of [ra, rb]) assert.ok(r.status < 500, JSON.stringify(r.body));
      const statuses = await Promise.all([a, b].map(async (id) => (await s.api('GET', `/api/appeals/${id}`, { token: t.dispatcher })).body.status));
      assert.ok(statuses.includes('registered'), `one appeal stays open: ${statuses.join(',')}`);
    }
  });

  it('§3: a report cannot accuse the unit that receives it', async () => {
    const res = await s.api('POST', '/api/appeals', { token: t.agent, body: intakeBody({ kind: 'report', accusedUnitId: s.unit('centre') }) });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'ACCUSED_UNIT');
  });

  it('a deadline policy the calendar cannot compute is refused, and dispatch keeps working', async () => {
    const policies = (await s.api('GET', '/api/admin/deadline-policies', { token: t.admin })).body.items;
    const complaint = policies.find((p: { kind: string | null; urgency: string | null }) => p.kind === 'complaint' && p.urgency === null);
    const res = await s.api('PUT', `/api/admin/deadline-policies/${complaint.id}`, { token: t.admin, body: { clocks: { ...complaint.clocks, sign_for: { amount: 1.5, unit: 'working_days' } } } });
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.details.field, 'clocks.sign_for');
    await dispatchedTo('dept-zhujian');
  });

  it('a cursor this server could not have made is a 400, not a 500', async () => {
    for (const raw of ['-271821-04-20T00:00:00.000Z|x', '2026-11-23T00:00:00.000Z|not-a-uuid', 'garbage']) {
      const cursor = Buffer.from(raw).toString('base64url');
      const res = await s.api('GET', `/api/appeals?cursor=${cursor}`, { token: t.dispatcher });
      assert.equal(res.status, 400, `${raw}: ${JSON.stringify(res.body)}`);
    }
  });
});
