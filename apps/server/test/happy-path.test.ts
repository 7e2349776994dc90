import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { verifyAuditTrail } from '../src/modules/appeals/use-cases/verify-audit-trail';

/**
 * DOMAIN.md §2 happy path over real HTTP, each step by the role that owns it, with the wrong roles refused:
 * accept → dispatch → sign → (first contact) → reply → approve → callback → close.
 */
describe('hotline happy path over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let id = '';
  let version = 0;
  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'zhujian.handler', 'zhujian.leader', 'chengguan.handler', 'callback', 'supervisor']) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  async function act(user: string, body: Record<string, unknown>, expectStatus = 200) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, expectStatus, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    if (res.status === 200) version = res.body.version;
    return res;
  }

  it('agent registers an appeal and gets a number and query code', async () => {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.number, /^YZ20261123\d{6}$/);
    assert.match(res.body.queryCode, /^[2-9A-Z]{6}$/);
    assert.equal(res.body.status, 'registered');
    assert.equal(res.body.citizen.phone, '139****1234');
    assert.equal(res.body.citizen.name, '王**');
    id = res.body.id;
    version = res.body.version;
  });

  it('refuses accept from a handler (not found for them: out of scope)', async () => {
    await act('zhujian.handler', { action: 'accept' }, 404);
  });

  it('agent accepts', async () => {
    const res = await act('agent', { action: 'accept', version });
    assert.equal(res.body.status, 'accepted');
  });

  it('refuses dispatch by the agent (403) and dispatches as dispatcher to 住建局', async () => {
    const denied = await act('agent', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') }, 403);
    assert.equal(denied.body.error.code, 'FORBIDDEN');
    const res = await act('dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), version });
    assert.equal(res.body.status, 'dispatched');
    assert.equal(res.body.deadlines.find((d: { clock: string }) => d.clock === 'sign_for')?.dueAt, '2026-11-23T03:00:00.000Z'); // 09:00 + 2 working hours, local 11:00
  });

  it('another unit cannot see or sign it; 住建 handler signs', async () => {
    await act('chengguan.handler', { action: 'sign' }, 404);
    const res = await act('zhujian.handler', { action: 'sign', version });
    assert.equal(res.body.status, 'handling');
    const handling = res.body.deadlines.find((d: { clock: string }) => d.clock === 'handling');
    assert.equal(handling.dueAt, '2026-12-07T09:30:00.000Z'); // complaint: 10 working days from the next day, 17:30 local
  });

  it('records first contact and replies; the dispatcher may not reply', async () => {
    await act('zhujian.handler', { action: 'record_contact' });
    await act('dispatcher', { action: 'reply', reply: { text: 'x', result: 'solved' } }, 403);
    const res = await act('zhujian.handler', { action: 'reply', reply: { text: '已责令施工单位夜间停止作业，并安排执法人员夜间巡查。', result: 'solved' } });
    assert.equal(res.body.status, 'reply_review');
  });

  it('the unit leader approves (the handler may not)', async () => {
    await act('zhujian.handler', { action: 'approve_reply' }, 403);
    const res = await act('zhujian.leader', { action: 'approve_reply' });
    assert.equal(res.body.status, 'callback');
  });

  it('the callback agent records satisfaction and closes', async () => {
    await act('zhujian.handler', { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true }, 403);
    await act('callback', { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
    await act('zhujian.leader', { action: 'close' }, 403);
    const res = await act('callback', { action: 'close' });
    assert.equal(res.body.status, 'closed');
    assert.ok(res.body.closedAt);
    assert.equal(res.body.deadlines.filter((d: { running: boolean }) => d.running).length, 0);
  });

  it('a stale or illegal action gets 409 with the current state', async () => {
    const stale = await act('callback', { action: 'close', version: 1 }, 409);
    assert.equal(stale.body.error.code, 'STALE_STATE');
    assert.equal(stale.body.error.details.status, 'closed');
    const illegal = await act('callback', { action: 'close' }, 409);
    assert.equal(illegal.body.error.code, 'ILLEGAL_TRANSITION');
    assert.equal(illegal.body.error.details.status, 'closed');
    assert.deepEqual(illegal.body.error.details.allowedActions, ['note'], 'a 409 lists what this user may still do');
  });

  it('the timeline holds every step in order with an intact hash chain', async () => {
    const res = await s.api('GET', `/api/appeals/${id}/events`, { token: tokens.supervisor });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.items.map((e: { action: string }) => e.action),
      ['register', 'accept', 'dispatch', 'sign', 'record_contact', 'reply', 'approve_reply', 'callback', 'close']);
    const audit = await verifyAuditTrail(s.deps, '370812');
    assert.deepEqual(audit.broken, []);
    assert.equal(audit.events, 9);
  });
});
