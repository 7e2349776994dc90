import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { sweepDeadlines } from '../src/jobs/deadline-sweep';

const JID = '370812';
const local = (iso: string) => new Date(`${iso}+08:00`);

/**
 * DOMAIN.md §2 and §5 supervision: automatic 督办 the working day after a clock is overdue, the bulletin 5 working days
 * later, written answers to notices, escalation to an upper unit and joint meetings that assign a lead unit.
 */
describe('supervision (督办) over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const users = ['agent', 'dispatcher', 'supervisor', 'zhujian.handler', 'zhujian.leader', 'chengguan.handler', 'gulou.handler', 'weiyuan.handler'];
  let id = '';
  before(async () => {
    s = await startTestServer({ now: local('2026-11-23T09:00:00') });
    await login();
  });
  after(() => s.close());
  async function login() { for (const u of users) tokens[u] = await s.login(u); }
  async function at(iso: string) { s.clock.now = local(iso); await login(); }
  async function act(user: string, appealId: string, body: Record<string, unknown>, expectStatus = 200) {
    const res = await s.api('POST', `/api/appeals/${appealId}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, expectStatus, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const supervision = async (appealId: string) => (await s.api('GET', `/api/appeals/${appealId}/supervision`, { token: tokens.supervisor })).body;
  async function dispatched(kind = 'consultation') {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ kind }) });
    await act('agent', res.body.id, { action: 'accept' });
    await act('dispatcher', res.body.id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    return res.body.id as string;
  }

  it('§5 a consultation signed Monday is due Tuesday; on Wednesday the first sweep marks it overdue', async () => {
    id = await dispatched();
    await act('zhujian.handler', id, { action: 'sign' });
    await at('2026-11-25T10:00:00'); // Wednesday: handling (1 working day) ran out Tuesday evening
    const first = await sweepDeadlines(s.deps, JID);
    assert.ok(first.overdue >= 1, JSON.stringify(first));
    assert.equal(first.notices, 0, 'marking overdue is its own step');
  });

  it('§5 the working day after overdue a supervision notice is issued once, with a reply-by date, even with sweeps racing', async () => {
    await at('2026-11-25T10:05:00');
    const results = await Promise.all([sweepDeadlines(s.deps, JID), sweepDeadlines(s.deps, JID), sweepDeadlines(s.deps, JID)]);
    assert.equal(results.reduce((n, r) => n + r.notices, 0), 1, JSON.stringify(results));
    const sup = await supervision(id);
    const notices = sup.supervisions.filter((x: { kind: string }) => x.kind === 'notice');
    assert.equal(notices.length, 1, JSON.stringify(sup));
    assert.equal(notices[0].automatic, true);
    assert.equal(notices[0].unitId, s.unit('dept-zhujian'));
    assert.ok(notices[0].replyBy, 'the unit must answer by a date');
  });

  it('§5 after five more working days following the notice the appeal goes on the bulletin, once', async () => {
    await at('2026-12-02T10:00:00'); // Wednesday: the fifth working day after Wednesday's notice is still running
    assert.equal((await sweepDeadlines(s.deps, JID)).bulletins, 0);
    await at('2026-12-03T09:00:00');
    assert.equal((await sweepDeadlines(s.deps, JID)).bulletins, 1);
    assert.equal((await sweepDeadlines(s.deps, JID)).bulletins, 0);
    const a = (await s.api('GET', `/api/appeals/${id}`, { token: tokens.supervisor })).body;
    assert.equal(a.bulletin, true);
    const list = (await s.api('GET', '/api/appeals?limit=50', { token: tokens.supervisor })).body.items;
    assert.equal(list.find((x: { id: string }) => x.id === id).bulletin, true);
  });

  it('§2 the unit answers the notice in writing; the notice is closed and the answer recorded', async () => {
    await act('zhujian.handler', id, { action: 'answer_supervision', reason: '因涉及多部门，已协调城管共同处理，预计本周办结。' });
    const sup = await supervision(id);
    const notice = sup.supervisions.find((x: { kind: string }) => x.kind === 'notice');
    assert.ok(notice.answeredAt);
    assert.match(notice.answer, /预计本周办结/);
    assert.equal(notice.overdue, false);
  });

  it('§2 a supervisor\'s notice carries the reply-by date they set (working days)', async () => {
    const a = await act('supervisor', id, { action: 'supervise', reason: '请于3个工作日内书面报告', days: 3 });
    assert.equal(a.status, 'handling', 'supervision overlays, never replaces, the state');
    const sup = await supervision(id);
    const last = sup.supervisions.at(-1);
    assert.equal(last.automatic, false);
    assert.equal(last.replyBy.slice(0, 10), '2026-12-08'); // Thursday + 3 working days: Fri, Mon, Tue
  });

  it('§2 escalation (提级) to an upper unit makes it lead; the former lead assists', async () => {
    const low = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    await act('agent', low.body.id, { action: 'accept' });
    await act('dispatcher', low.body.id, { action: 'dispatch', leadUnitId: s.unit('station-370812001002') });
    await act('weiyuan.handler', low.body.id, { action: 'sign' });
    const wrong = await s.api('POST', `/api/appeals/${low.body.id}/transitions`, { token: tokens.dispatcher, body: { action: 'escalate', reason: '疑难', leadUnitId: s.unit('dept-zhujian') } });
    assert.equal(wrong.status, 422, 'escalation goes up the tree');
    const a = await act('dispatcher', low.body.id, { action: 'escalate', reason: '社区无力解决，提级街道协调', leadUnitId: s.unit('street-370812001') });
    assert.equal(a.escalated, true);
    assert.equal(a.leadUnitId, s.unit('street-370812001'));
    assert.deepEqual(a.coUnitIds, [s.unit('station-370812001002')]);
    const sup = await supervision(low.body.id);
    assert.equal(sup.supervisions[0].kind, 'escalation');
  });

  it('§2 a joint meeting records participants and decisions on every appeal it discussed and assigns the lead unit', async () => {
    const x = await dispatched('complaint');
    const y = await dispatched('complaint');
    const bad = await s.api('POST', '/api/joint-meetings', { token: tokens.supervisor, body: {
      topic: '建设东路施工扰民', heldAt: s.clock.now.toISOString(), participantUnitIds: [s.unit('dept-zhujian')], decisions: '由城管牵头', appealIds: [x],
    } });
    assert.equal(bad.status, 400, 'a meeting needs at least two units');
    // A role that may never convene one is refused before its units are looked up (not 422 UNKNOWN_UNIT).
    const unknownUnit = '00000000-0000-7000-8000-000000000000';
    for (const user of ['agent', 'zhujian.handler', 'zhujian.leader']) {
      const res = await s.api('POST', '/api/joint-meetings', { token: tokens[user], body: {
        topic: '会商', heldAt: s.clock.now.toISOString(), participantUnitIds: [s.unit('dept-zhujian'), unknownUnit], decisions: '…', appealIds: [x],
      } });
      assert.equal(res.status, 403, `${user}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'FORBIDDEN');
    }
    const unknown = await s.api('POST', '/api/joint-meetings', { token: tokens.supervisor, body: {
      topic: '会商', heldAt: s.clock.now.toISOString(), participantUnitIds: [s.unit('dept-zhujian'), unknownUnit], decisions: '…', appealIds: [x],
    } });
    assert.equal(unknown.body.error?.code, 'UNKNOWN_UNIT', 'a convener is told the unit is unknown');
    const res = await s.api('POST', '/api/joint-meetings', { token: tokens.supervisor, body: {
      topic: '建设东路施工扰民联席会议', heldAt: s.clock.now.toISOString(), participantUnitIds: [s.unit('dept-zhujian'), s.unit('dept-chengguan')],
      decisions: '由综合执法局牵头夜间巡查，住建局配合约谈施工单位。', leadUnitId: s.unit('dept-chengguan'), coUnitIds: [s.unit('dept-zhujian')], appealIds: [x, y],
    } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    for (const appealId of [x, y]) {
      const a = (await s.api('GET', `/api/appeals/${appealId}`, { token: tokens['chengguan.handler'] })).body;
      assert.equal(a.leadUnitId, s.unit('dept-chengguan'));
      assert.deepEqual(a.coUnitIds, [s.unit('dept-zhujian')]);
      const sup = await supervision(appealId);
      assert.equal(sup.jointMeetings.length, 1);
      assert.equal(sup.jointMeetings[0].leadUnitId, s.unit('dept-chengguan'));
    }
  });

  it('§2 a joint meeting about an appeal that cannot take it changes nothing', async () => {
    const closed = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    await act('agent', closed.body.id, { action: 'answer_directly', answer: '已当场解答' });
    const open = await dispatched();
    const res = await s.api('POST', '/api/joint-meetings', { token: tokens.supervisor, body: {
      topic: '会商', heldAt: s.clock.now.toISOString(), participantUnitIds: [s.unit('dept-zhujian'), s.unit('dept-chengguan')], decisions: '…', appealIds: [open, closed.body.id],
    } });
    assert.equal(res.status, 409);
    assert.equal((await supervision(open)).jointMeetings.length, 0);
  });
});
