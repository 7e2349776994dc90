import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { sweepDeadlines } from '../src/jobs/deadline-sweep';

const DAY = 86_400_000;

/**
 * DOMAIN.md §4, the proposal track (人大代表建议/政协提案) over HTTP: assignment to a lead unit and co-units, co-unit
 * opinions within 1 month, an answer within 3 months (6 when hard) classed A–D, deputy feedback within 15 working days,
 * a redo within 2 months when the deputy is dissatisfied, and same-content proposals merged but answered separately.
 */
describe('proposal track (建议提案) over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const users = ['agent', 'dispatcher', 'callback', 'zhujian.handler', 'zhujian.leader', 'chengguan.handler', 'huanjing.handler'];
  let id = '';
  before(async () => {
    s = await startTestServer();
    for (const u of users) tokens[u] = await s.login(u);
  });
  after(() => s.close());
  async function advance(days: number) {
    s.clock.now = new Date(s.clock.now.getTime() + days * DAY);
    for (const u of users) tokens[u] = await s.login(u);
  }
  async function act(user: string, appealId: string, body: Record<string, unknown>, expectStatus = 200) {
    const res = await s.api('POST', `/api/appeals/${appealId}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, expectStatus, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const clock = (a: { deadlines: { clock: string; dueAt: string; running: boolean }[] }, name: string) => a.deadlines.find((d) => d.clock === name);
  const proposal = (title: string) => intakeBody({ track: 'proposal', channel: 'proposal', kind: 'suggestion', title, citizen: { name: '李代表', phone: '13805370001' } });
  const register = async (title: string) => (await s.api('POST', '/api/appeals', { token: tokens.agent, body: proposal(title) })).body.id as string;

  it('§4 assignment to a lead and co-units starts 3 months to answer and 1 month for co-unit opinions', async () => {
    id = await register('关于加快老旧小区加装电梯的建议');
    const a = await act('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), coUnitIds: [s.unit('dept-chengguan'), s.unit('dept-huanjing')] });
    assert.equal(a.status, 'handling');
    assert.equal(clock(a, 'handling')?.dueAt.slice(0, 10), '2027-02-23');
    assert.equal(clock(a, 'co_opinion')?.dueAt.slice(0, 10), '2026-12-23');
  });

  it('§4 a hard proposal gets 6 months', async () => {
    const hard = await register('关于统筹全区停车设施规划的建议');
    const a = await act('dispatcher', hard, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), complex: true });
    assert.equal(clock(a, 'handling')?.dueAt.slice(0, 10), '2027-05-23');
  });

  it('§4 co-unit opinions reach the lead; the opinion clock stops when every co-unit has answered; the lead cannot give one', async () => {
    await act('zhujian.handler', id, { action: 'co_opinion', reason: '我是主办' }, 403);
    const first = await act('chengguan.handler', id, { action: 'co_opinion', reason: '城管部门同意配合做好施工期间占道审批。' });
    assert.equal(first.coOpinions.length, 1);
    assert.equal(clock(first, 'co_opinion')?.running, true);
    const both = await act('huanjing.handler', id, { action: 'co_opinion', reason: '施工噪声按规定时段管理。' });
    assert.equal(both.coOpinions.length, 2);
    assert.equal(clock(both, 'co_opinion')?.running, false);
    const lead = (await s.api('GET', `/api/appeals/${id}`, { token: tokens['zhujian.handler'] })).body;
    assert.deepEqual(lead.coOpinions.map((o: { unitId: string }) => o.unitId).sort(), [s.unit('dept-chengguan'), s.unit('dept-huanjing')].sort());
  });

  it('§4 the answer is classed A–D only; approval starts the 15-working-day feedback clock', async () => {
    const wrong = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens['zhujian.handler'], body: { action: 'reply', reply: { text: '已办理', result: 'supported' } } });
    assert.equal(wrong.status, 422);
    await act('zhujian.handler', id, { action: 'reply', reply: { text: '已将加装电梯纳入年度计划。', result: 'B' } });
    const a = await act('zhujian.leader', id, { action: 'approve_reply' });
    assert.equal(a.status, 'answered');
    assert.equal(a.reply.result, 'B');
    assert.equal(clock(a, 'feedback')?.dueAt.slice(0, 10), '2026-12-14');
  });

  it('§4 a dissatisfied deputy gets a new answer within 2 months (redo)', async () => {
    await act('callback', id, { action: 'callback', satisfaction: 'dissatisfied', contacted: true, solved: false, comment: '进度太慢' });
    const a = await act('dispatcher', id, { action: 'redo', reason: '代表不满意，要求重新办理' });
    assert.equal(a.status, 'handling');
    assert.equal(a.redoCount, 1);
    assert.equal(clock(a, 'handling')?.dueAt.slice(0, 10), '2027-01-23');
    await act('zhujian.handler', id, { action: 'reply', reply: { text: '已确定首批10个小区加装电梯，明年3月开工。', result: 'A' } });
    await act('zhujian.leader', id, { action: 'approve_reply' });
    await act('callback', id, { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
    const closed = await act('dispatcher', id, { action: 'close' });
    assert.equal(closed.status, 'closed');
  });

  it('§4 same-content proposals are merged for handling and each gets its own answer and feedback clock', async () => {
    const master = await register('关于建设城区口袋公园的建议');
    const twin = await register('关于增加城区小微公园的建议');
    await act('dispatcher', twin, { action: 'merge', masterId: master });
    await act('dispatcher', master, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await act('zhujian.handler', master, { action: 'reply', reply: { text: '今年新建口袋公园5处。', result: 'A' } });
    await act('zhujian.leader', master, { action: 'approve_reply' });
    const follower = (await s.api('GET', `/api/appeals/${twin}`, { token: tokens.dispatcher })).body;
    assert.equal(follower.status, 'answered');
    assert.equal(follower.reply.text, '今年新建口袋公园5处。');
    assert.ok(clock(follower, 'feedback')?.running, 'the merged proposal has its own feedback clock');
    await act('callback', twin, { action: 'callback', satisfaction: 'very_satisfied', contacted: true, solved: true });
    const closedTwin = await act('dispatcher', twin, { action: 'close' });
    assert.equal(closedTwin.status, 'closed');
    const masterNow = (await s.api('GET', `/api/appeals/${master}`, { token: tokens.dispatcher })).body;
    assert.equal(masterNow.status, 'answered', 'each is answered and closed separately');
  });

  it('§4 without the deputy\'s feedback within 15 working days the sweep closes the proposal', async () => {
    const p = await register('关于规范共享单车停放的建议');
    await act('dispatcher', p, { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') });
    await act('chengguan.handler', p, { action: 'reply', reply: { text: '已划定停放区域。', result: 'A' } });
    const leader = await s.login('chengguan.leader');
    const approved = await s.api('POST', `/api/appeals/${p}/transitions`, { token: leader, body: { action: 'approve_reply' } });
    assert.equal(approved.status, 200);
    await advance(30);
    const swept = await sweepDeadlines(s.deps, '370812');
    assert.ok(swept.closed >= 1);
    assert.equal((await s.api('GET', `/api/appeals/${p}`, { token: tokens.dispatcher })).body.status, 'closed');
  });
});
