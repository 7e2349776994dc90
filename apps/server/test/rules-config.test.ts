import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/** DOMAIN.md numbers are data an admin changes: settings and deadline policies, audited, validated, applied at once. */
describe('rules as data: settings and deadline policies', () => {
  let s: TestServer;
  let logs = '';
  const tokens: Record<string, string> = {};
  before(async () => {
    const logStream = new Writable({ write(chunk, _enc, done) { logs += String(chunk); done(); } });
    s = await startTestServer({ logStream, now: new Date('2026-11-23T09:00:00+08:00') });
    for (const u of ['admin', 'dispatcher', 'agent', 'supervisor']) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  async function dispatchedAppeal() {
    const created = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal((await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.agent, body: { action: 'accept' } })).status, 200, 'accept');
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.dispatcher, body: { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }
  const signFor = (appeal: { deadlines: { clock: string; dueAt: string; light: string }[] }) => appeal.deadlines.find((d) => d.clock === 'sign_for')!;

  it('only an administrator changes settings', async () => {
    const res = await s.api('PUT', '/api/admin/settings', { token: tokens.supervisor, body: { yellowAt: 0.5 } });
    assert.equal(res.status, 403, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'FORBIDDEN');
  });

  it('the yellow-light share is a setting: at 0.5, half a clock used is yellow', async () => {
    const appeal = await dispatchedAppeal();
    s.clock.now = new Date('2026-11-23T10:10:00+08:00'); // 70 minutes of the 2 working hours to sign
    const before = await s.api('GET', `/api/appeals/${appeal.id}`, { token: tokens.dispatcher });
    assert.equal(signFor(before.body).light, 'green', 'green at the default 0.75');
    const put = await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body: { yellowAt: 0.5, problem: { redo: 2 } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(put.body.yellowAt, 0.5);
    assert.deepEqual(put.body.problem, { redo: 2, unitsWithoutLead: 3 }, 'nested groups merge key by key');
    const after = await s.api('GET', `/api/appeals/${appeal.id}`, { token: tokens.dispatcher });
    assert.equal(signFor(after.body).light, 'yellow');
    s.clock.now = new Date('2026-11-23T09:00:00+08:00');
  });

  it('the portal limits and the assessment weights are settings too, merged group by group', async () => {
    const put = await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body: {
      portal: { trackPerNumber: { limit: 5, windowMinutes: 30 } },
      assessment: { compositeWeights: { response: 30 }, deductions: { maxPoints: 10 }, listSize: 5 },
    } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual(put.body.portal.trackPerNumber, { limit: 5, windowMinutes: 30 });
    assert.deepEqual(put.body.portal.submitPerIp, { limit: 10, windowMinutes: 60 }, 'other limits keep their values');
    assert.deepEqual(put.body.assessment.compositeWeights, { response: 30, resolution: 40, satisfaction: 40 });
    assert.equal(put.body.assessment.deductions.maxPoints, 10);
    assert.equal(put.body.assessment.deductions.overduePoints, 0.5);
    assert.equal(put.body.assessment.listSize, 5);
    assert.equal(put.body.assessment.tiers.length, 3);
    for (const body of [{ portal: { trackPerIp: { limit: 0, windowMinutes: 60 } } }, { assessment: { tiers: [] } }, { assessment: { tiers: [{ key: 'x', zh: '甲', en: 'A', unitKinds: ['castle'] }] } }, { assessment: { compositeWeights: { response: -1 } } }]) {
      const res = await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body });
      assert.equal(res.status, 400, JSON.stringify(body));
    }
  });

  it('impossible working hours are refused and change nothing', async () => {
    const before = await s.api('GET', '/api/admin/settings', { token: tokens.admin });
    for (const workingHours of [[{ start: '17:00', end: '09:00' }], [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }], [{ start: '25:00', end: '26:00' }]]) {
      const res = await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body: { workingHours } });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
    for (const body of [{}, { yellowAt: 1.5 }, { unknown: 1 }, { satisfactionWeights: { great: 1 } }]) {
      assert.equal((await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body })).status, 400, JSON.stringify(body));
    }
    assert.deepEqual((await s.api('GET', '/api/admin/settings', { token: tokens.admin })).body, before.body);
  });

  it('a changed deadline policy applies to clocks started afterwards', async () => {
    const list = await s.api('GET', '/api/admin/deadline-policies', { token: tokens.admin });
    const complaint = list.body.items.find((p: { kind: string | null; urgency: string | null }) => p.kind === 'complaint' && p.urgency === null);
    assert.ok(complaint, 'a complaint policy exists');
    const first = await dispatchedAppeal();
    assert.equal(signFor(first).dueAt, '2026-11-23T03:00:00.000Z', '2 working hours: 11:00 local');
    const clocks = { ...complaint.clocks, sign_for: { amount: 4, unit: 'working_hours' } };
    assert.equal((await s.api('PUT', `/api/admin/deadline-policies/${complaint.id}`, { token: tokens.dispatcher, body: { clocks } })).status, 403);
    const put = await s.api('PUT', `/api/admin/deadline-policies/${complaint.id}`, { token: tokens.admin, body: { clocks } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const second = await dispatchedAppeal();
    assert.equal(signFor(second).dueAt, '2026-11-23T06:30:00.000Z', '4 working hours over lunch: 14:30 local');
    const unchanged = await s.api('GET', `/api/appeals/${first.id}`, { token: tokens.dispatcher });
    assert.equal(signFor(unchanged.body).dueAt, '2026-11-23T03:00:00.000Z', 'a running clock keeps its due time');
  });

  it('bad policies are refused: unknown id 404, unknown unit or negative amount 400', async () => {
    const clock = { amount: 1, unit: 'working_days' };
    const clocks = { sign_for: clock, first_contact: clock, handling: clock, callback: clock, redo: clock, extensionMax: clock };
    assert.equal((await s.api('PUT', '/api/admin/deadline-policies/00000000-0000-4000-8000-000000000000', { token: tokens.admin, body: { clocks } })).status, 404);
    const list = await s.api('GET', '/api/admin/deadline-policies', { token: tokens.admin });
    const id = list.body.items[0].id;
    for (const bad of [{ ...clocks, handling: { amount: 1, unit: 'fortnights' } }, { ...clocks, handling: { amount: -1, unit: 'working_days' } }, { sign_for: clock }]) {
      assert.equal((await s.api('PUT', `/api/admin/deadline-policies/${id}`, { token: tokens.admin, body: { clocks: bad } })).status, 400, JSON.stringify(bad));
    }
  });

  it('request logs never carry phone numbers, tokens or bodies', async () => {
    await s.api('GET', '/api/citizens/history?phone=13905371234', { token: tokens.agent });
    await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ citizen: { name: '李秀英', phone: '13712345678' } }) });
    assert.ok(logs.includes('/api/citizens/history'), 'requests are logged');
    for (const secret of ['13905371234', '13712345678', '李秀英', tokens.agent!]) assert.ok(!logs.includes(secret), `logs leak ${secret.slice(0, 6)}…`);
  });
});
