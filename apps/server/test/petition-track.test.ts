import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { sql } from 'drizzle-orm';
import { sweepDeadlines } from '../src/jobs/deadline-sweep';

const JID = '370812';
const DAY = 86_400_000;

/**
 * DOMAIN.md §3, the petition track (信访) end to end over HTTP: registration with the 15-day triage clock, 转送 to the
 * competent body, acceptance notice within 15 days, 60 days of handling (+ ≤ 30 approved by the body's head), a written
 * result (支持/解释/不予支持), 复查 and 复核 within their 30-day windows, and "not accepted again after 复核".
 */
describe('petition track (信访) over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let id = '';
  let number = '';
  const users = ['agent', 'dispatcher', 'callback', 'zhujian.handler', 'zhujian.leader', 'chengguan.leader', 'huanjing.leader', 'chengguan.handler'];
  before(async () => {
    s = await startTestServer();
    for (const u of users) tokens[u] = await s.login(u);
  });
  /** Move the simulated clock by whole days; sessions last hours, so everyone signs in again. */
  async function advance(days: number) {
    s.clock.now = new Date(s.clock.now.getTime() + days * DAY);
    for (const u of users) tokens[u] = await s.login(u);
  }
  after(() => s.close());

  async function act(user: string, appealId: string, body: Record<string, unknown>, expectStatus = 200) {
    const res = await s.api('POST', `/api/appeals/${appealId}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, expectStatus, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const clock = (a: { deadlines: { clock: string; dueAt: string; running: boolean }[] }, name: string) => a.deadlines.find((d) => d.clock === name);
  const petition = (overrides: Record<string, unknown> = {}) => intakeBody({ track: 'petition', channel: 'visit', kind: 'complaint', ...overrides });

  it('§3 a group visit names at most 5 representatives (TOO_MANY_REPRESENTATIVES), and nothing is written', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `代表${i + 1}` }));
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: petition({ visitors: { count: 30, representatives: six } }) });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'TOO_MANY_REPRESENTATIVES');
    const list = await s.api('GET', '/api/appeals?limit=100', { token: tokens.dispatcher });
    assert.equal(list.body.items.length, 0);
  });

  it('§3 registration starts the 15-day triage clock and records the group visit with 5 representatives', async () => {
    const reps = Array.from({ length: 5 }, (_, i) => ({ name: `张代表${i + 1}`, phone: `1390537000${i}` }));
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: petition({ visitors: { count: 30, representatives: reps } }) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    id = res.body.id;
    number = res.body.number;
    const detail = (await s.api('GET', `/api/appeals/${id}`, { token: tokens.dispatcher })).body;
    assert.equal(detail.track, 'petition');
    assert.equal(detail.visitorCount, 30);
    assert.equal(detail.hasRepresentatives, true);
    // 15 days counted from the day after receipt: due at the end (local midnight) of 2026-12-08.
    assert.equal(clock(detail, 'triage')?.dueAt, '2026-12-08T16:00:00.000Z');
    assert.deepEqual(detail.actions.sort(), ['dispatch', 'merge', 'note', 'refer_legal', 'reject']);
    // Representatives' names are personal data: stored only encrypted.
    const rows = await s.deps.database.db.execute(sql`SELECT representatives_enc FROM appeals WHERE id = ${id}`);
    const stored = JSON.stringify(rows);
    assert.ok(!stored.includes('张代表') && !stored.includes('13905370000'), 'no representative in clear');
  });

  it('§3 转送 to the competent body stops triage and starts the 15-day acceptance clock', async () => {
    const a = await act('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    assert.equal(a.status, 'dispatched');
    assert.equal(clock(a, 'triage')?.running, false);
    assert.ok(clock(a, 'acceptance')?.running);
  });

  it('§3 the body accepts with a written notice; 60 days of handling start from acceptance', async () => {
    await advance(2);
    const a = await act('zhujian.handler', id, { action: 'accept' });
    assert.equal(a.status, 'handling');
    assert.equal(clock(a, 'acceptance')?.running, false);
    const handling = clock(a, 'handling')!;
    assert.equal(handling.dueAt.slice(0, 10), new Date(s.clock.now.getTime() + 60 * DAY).toISOString().slice(0, 10));
  });

  it('§3 extension ≤ 30 days, approved by the body\'s head only (not the centre\'s dispatcher)', async () => {
    const before = (await s.api('GET', `/api/appeals/${id}`, { token: tokens['zhujian.handler'] })).body;
    const tooLong = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens['zhujian.handler'], body: { action: 'request_extension', days: 31, reason: '需调取档案' } });
    assert.equal(tooLong.status, 422);
    await act('zhujian.handler', id, { action: 'request_extension', days: 30, reason: '需调取历史档案，情况复杂' });
    await act('dispatcher', id, { action: 'approve_extension' }, 403);
    const a = await act('zhujian.leader', id, { action: 'approve_extension' });
    const moved = Date.parse(clock(a, 'handling')!.dueAt) - Date.parse(clock(before, 'handling')!.dueAt);
    assert.equal(Math.round(moved / DAY), 30);
  });

  it('§3 the written result is 支持/解释/不予支持 only; the head signs it off and the 30-day 复查 window opens', async () => {
    const wrong = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens['zhujian.handler'], body: { action: 'reply', reply: { text: '已处理', result: 'solved' } } });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.code, 'INVALID_TRANSITION_INPUT');
    await act('zhujian.handler', id, { action: 'reply', reply: { text: '经核查，施工单位夜间作业已责令停止，依法予以支持。', result: 'supported' } });
    const a = await act('zhujian.leader', id, { action: 'approve_reply' });
    assert.equal(a.status, 'answered');
    assert.equal(a.reply.result, 'supported');
    assert.ok(clock(a, 'review_window')?.running);
  });

  it('§3 复查 requested inside the window goes to another body, which decides within 30 days', async () => {
    await advance(10);
    const same = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.agent, body: { action: 'request_review', leadUnitId: s.unit('dept-zhujian'), reason: '对处理结果不服' } });
    assert.equal(same.status, 422, 'the body that decided does not review itself');
    const a = await act('agent', id, { action: 'request_review', leadUnitId: s.unit('dept-chengguan'), reason: '对处理结果不服，申请复查' });
    assert.equal(a.status, 'under_review');
    assert.equal(a.leadUnitId, s.unit('dept-chengguan'));
    assert.ok(clock(a, 'review')?.running);
    const decided = await act('chengguan.leader', id, { action: 'decide_review', reply: { text: '复查维持原处理意见。', result: 'explained_petition' } });
    assert.equal(decided.status, 'reviewed');
    assert.ok(clock(decided, 'review_window')?.running);
  });

  it('§3 复核 after the window has closed is refused with WINDOW_CLOSED', async () => {
    await advance(31);
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.agent, body: { action: 'request_rereview', leadUnitId: s.unit('dept-huanjing'), reason: '申请复核' } });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'WINDOW_CLOSED');
    await advance(-31);
  });

  it('§3 复核 inside the window ends the matter for good (final)', async () => {
    await act('agent', id, { action: 'request_rereview', leadUnitId: s.unit('dept-huanjing'), reason: '对复查意见不服，申请复核' });
    const a = await act('huanjing.leader', id, { action: 'decide_rereview', reply: { text: '复核认为原处理及复查意见正确，予以维持。', result: 'not_supported' } });
    assert.equal(a.status, 'closed');
    assert.equal(a.outcome.final, true);
    assert.deepEqual(a.actions, ['note'], 'a concluded petition only takes notes');
  });

  it('§3 the same matter is not accepted again after 复核 (PETITION_FINAL); an unrelated petition is', async () => {
    const again = await s.api('POST', '/api/appeals', { token: tokens.agent, body: petition({ relatedAppealId: id }) });
    assert.equal(again.status, 422);
    assert.equal(again.body.error.code, 'PETITION_FINAL');
    assert.equal(again.body.error.details.number, number);
    const fresh = await s.api('POST', '/api/appeals', { token: tokens.agent, body: petition({ title: '另一事项：小区供暖不热' }) });
    assert.equal(fresh.status, 201);
  });

  it('§3 a petition for a court or arbitration is not accepted: the petitioner is told the legal route', async () => {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: petition({ title: '劳动争议要求赔偿' }) });
    const a = await act('agent', res.body.id, { action: 'refer_legal', route: 'arbitration', reason: '属劳动人事争议仲裁受理范围，已告知申请劳动仲裁' });
    assert.equal(a.status, 'referred');
    assert.equal(a.outcome.route, 'arbitration');
  });

  it('§3 when nobody asks for 复查 within 30 days, the sweep closes the petition on its own', async () => {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: petition({ title: '楼道灯长期不亮' }) });
    const pid = res.body.id;
    await act('dispatcher', pid, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await act('zhujian.handler', pid, { action: 'accept' });
    await act('zhujian.handler', pid, { action: 'reply', reply: { text: '已维修。', result: 'supported' } });
    await act('zhujian.leader', pid, { action: 'approve_reply' });
    await advance(32);
    const swept = await sweepDeadlines(s.deps, JID);
    assert.ok(swept.closed >= 1, JSON.stringify(swept));
    const a = (await s.api('GET', `/api/appeals/${pid}`, { token: tokens.dispatcher })).body;
    assert.equal(a.status, 'closed');
    const again = await sweepDeadlines(s.deps, JID);
    assert.equal(again.closed, 0, 'closing happens once');
  });
});
