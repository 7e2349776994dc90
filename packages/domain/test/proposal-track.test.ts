/** The proposal track (DOMAIN.md §4; 代表法 art. 42; 北京市人大代表建议办理条例 art. 21–27). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROPOSAL_CLASSES } from '@minsheng/contracts';
import type { ReplyResult } from '@minsheng/contracts';
import { PROPOSAL_TRANSITIONS } from '../src';
import {
  actorOf, appeal, at, attemptOn, callbackAgent, clockOf, dispatcher, expectFail, expectOk, handler, leaderA, NOW, runningClocks, sameInstant,
  step, supervisor, systemActor,
} from './fixtures';

const registered = appeal({ track: 'proposal', kind: 'suggestion' });
const coStation = actorOf('handler', 'station-1');
const coDeptB = actorOf('unit_leader', 'dept-b');
const answer = (result: ReplyResult = 'B', text = '已列入明年计划') => ({ text, result });

/** 交办 (lead + two co-units) → 协办意见 → 答复 → 审核 → 代表反馈 (dissatisfied) → 重新办理. */
function path() {
  const assigned = step(registered, 'dispatch', dispatcher, { leadUnitId: 'dept-a', coUnitIds: ['station-1', 'dept-b'] }, NOW);
  const firstOpinion = step(assigned.s, 'co_opinion', coStation, { reason: '社区同意配合' }, at('2026-11-30T10:00:00+08:00'));
  const allOpinions = step(firstOpinion.s, 'co_opinion', coDeptB, { reason: '资金可安排' }, at('2026-12-01T10:00:00+08:00'));
  const replied = step(allOpinions.s, 'reply', handler, { reply: answer() }, at('2026-12-01T15:00:00+08:00'));
  const answered = step(replied.s, 'approve_reply', leaderA, {}, at('2026-12-02T10:00:00+08:00'));
  const feedback = step(answered.s, 'callback', callbackAgent, { satisfaction: 'dissatisfied', contacted: true, solved: false }, at('2026-12-09T10:00:00+08:00'));
  const redone = step(feedback.s, 'redo', dispatcher, { reason: '代表不满意' }, at('2026-12-10T10:00:00+08:00'));
  return { assigned, firstOpinion, allOpinions, replied, answered, feedback, redone };
}
const P = path();

describe('§4 proposals: assignment', () => {
  it('§4 the office assigns a lead unit and co-units (交办); handling starts at once', () => {
    const { s, d } = P.assigned;
    assert.deepEqual([s.status, s.leadUnitId, s.coUnitIds, s.unitsPassed], ['handling', 'dept-a', ['station-1', 'dept-b'], 1]);
    assert.deepEqual(d.assign, { units: [{ unitId: 'dept-a', role: 'lead' }, { unitId: 'station-1', role: 'co' }, { unitId: 'dept-b', role: 'co' }], endPrevious: true });
    assert.deepEqual(runningClocks(s), ['co_opinion', 'handling'], 'no sign-for or first-contact clock on proposals');
  });

  it('§4 answer within 3 months of assignment', () => {
    const h = clockOf(P.assigned.s, 'handling');
    assert.deepEqual([h.amount, h.unit], [3, 'months']);
    sameInstant(h.dueAt, '2027-02-24T00:00:00+08:00');
  });

  it('§4 hard proposals get 6 months', () => {
    const { s } = step(registered, 'dispatch', dispatcher, { leadUnitId: 'dept-a', complex: true }, NOW);
    const h = clockOf(s, 'handling');
    assert.deepEqual([h.amount, h.unit], [6, 'months']);
    sameInstant(h.dueAt, '2027-05-24T00:00:00+08:00');
    const plain = step(registered, 'dispatch', dispatcher, { leadUnitId: 'dept-a', complex: false }, NOW);
    assert.equal(clockOf(plain.s, 'handling').amount, 3);
  });

  it('§4 co-units send their opinion within 1 month; with no co-unit there is no opinion clock', () => {
    const c = clockOf(P.assigned.s, 'co_opinion');
    assert.deepEqual([c.amount, c.unit], [1, 'months']);
    sameInstant(c.dueAt, '2026-12-24T00:00:00+08:00');
    const alone = step(registered, 'dispatch', dispatcher, { leadUnitId: 'dept-a' }, NOW);
    assert.deepEqual(runningClocks(alone.s), ['handling']);
  });

  it('§4 a co-unit is never the lead unit too, nor listed twice', () => {
    for (const coUnitIds of [['dept-a'], ['dept-b', 'dept-b']]) {
      expectFail(attemptOn(registered, 'dispatch', dispatcher, { leadUnitId: 'dept-a', coUnitIds }), 'INVALID_TRANSITION_INPUT');
    }
  });
});

describe('§4 proposals: co-unit opinions (协办意见)', () => {
  it('§4 proposals: co-unit opinions stop the co_opinion clock once every co-unit has answered', () => {
    assert.equal(clockOf(P.firstOpinion.s, 'co_opinion').stoppedAt, null, 'one of two co-units has answered');
    assert.deepEqual(P.firstOpinion.s.coOpinions.map((o) => o.unitId), ['station-1']);
    assert.deepEqual(P.firstOpinion.d.event.payload, { unitId: 'station-1', opinion: '社区同意配合' });
    assert.equal(P.firstOpinion.d.event.visibility, 'internal');
    sameInstant(clockOf(P.allOpinions.s, 'co_opinion').stoppedAt, '2026-12-01T10:00:00+08:00');
    assert.deepEqual(P.allOpinions.s.coOpinions.map((o) => [o.unitId, o.text, o.by]), [
      ['station-1', '社区同意配合', coStation.userId], ['dept-b', '资金可安排', coDeptB.userId]]);
    assert.equal(P.allOpinions.s.status, 'handling', 'an opinion never changes the state');
  });

  it('§4 a co-unit that writes again replaces its opinion; the clock keeps running for the others', () => {
    const again = step(P.firstOpinion.s, 'co_opinion', coStation, { reason: ' 修改意见 ' }, at('2026-12-01T09:00:00+08:00'));
    assert.deepEqual(again.s.coOpinions.map((o) => [o.unitId, o.text]), [['station-1', '修改意见']]);
    assert.equal(clockOf(again.s, 'co_opinion').stoppedAt, null);
  });

  it('§4 only a co-unit sends a co-unit opinion to the lead', () => {
    for (const actor of [handler, leaderA, dispatcher, supervisor]) expectFail(attemptOn(P.assigned.s, 'co_opinion', actor, { reason: 'x' }), 'FORBIDDEN');
    expectFail(attemptOn(P.assigned.s, 'co_opinion', coStation), 'INVALID_TRANSITION_INPUT');
  });
});

describe('§4 proposals: answer, feedback and redo', () => {
  it('§4 answer class must be A–D', () => {
    for (const result of ['solved', 'supported', 'not_supported'] as const) {
      const details = expectFail(attemptOn(P.allOpinions.s, 'reply', handler, { reply: answer(result) }), 'INVALID_TRANSITION_INPUT');
      assert.deepEqual([details.field, details.allowed], ['reply.result', PROPOSAL_CLASSES]);
    }
    for (const result of PROPOSAL_CLASSES) assert.equal(expectOk(attemptOn(P.allOpinions.s, 'reply', handler, { reply: answer(result) })).patch.reply?.result, result);
  });

  it('§4 the lead unit\'s head signs the answer off; the deputy is answered publicly', () => {
    expectFail(attemptOn(P.replied.s, 'approve_reply', dispatcher), 'FORBIDDEN');
    expectFail(attemptOn(P.replied.s, 'approve_reply', coDeptB), 'FORBIDDEN');
    const { s, d } = P.answered;
    assert.deepEqual([s.status, d.event.visibility, d.event.payload], ['answered', 'public', { reply: '已列入明年计划', result: 'B' }]);
  });

  it('§4 deputy feedback 15 working days; redo within 2 months', () => {
    const f = clockOf(P.answered.s, 'feedback');
    assert.deepEqual([f.amount, f.unit], [15, 'working_days']);
    sameInstant(f.dueAt, '2026-12-23T17:30:00+08:00');
    sameInstant(clockOf(P.feedback.s, 'feedback').stoppedAt, '2026-12-09T10:00:00+08:00', 'the feedback is recorded');
    const { s, d } = P.redone;
    assert.deepEqual([s.status, s.redoCount, s.reply, s.callback, d.event.visibility], ['handling', 1, null, null, 'public']);
    const h = clockOf(s, 'handling');
    assert.deepEqual([h.amount, h.unit, h.stoppedAt], [2, 'months', null]);
    sameInstant(h.startedAt, '2026-12-10T10:00:00+08:00');
    sameInstant(h.dueAt, '2027-02-11T00:00:00+08:00');
    // The unit answers again, and the deputy gets a fresh 15 working days.
    const again = step(step(s, 'reply', handler, { reply: answer('A', '已解决') }, at('2027-01-10T10:00:00+08:00')).s, 'approve_reply', leaderA, {}, at('2027-01-11T10:00:00+08:00'));
    assert.equal(clockOf(again.s, 'feedback').stoppedAt, null);
  });

  it('§4 redo is decided by the office (dispatcher, callback), never by the unit', () => {
    for (const actor of [handler, leaderA, supervisor]) expectFail(attemptOn(P.feedback.s, 'redo', actor, { reason: 'x' }), 'FORBIDDEN');
  });

  it('§4 closing: over a dissatisfied deputy needs a reason; the office or the system closes', () => {
    expectFail(attemptOn(P.feedback.s, 'close', dispatcher), 'INVALID_TRANSITION_INPUT');
    const closed = step(P.feedback.s, 'close', dispatcher, { reason: '已当面沟通' }, at('2026-12-11T10:00:00+08:00'));
    assert.deepEqual([closed.s.status, closed.d.patch.outcome, runningClocks(closed.s)], ['closed', { type: 'closed' }, []]);
    // No feedback within 15 working days: the system closes it.
    assert.equal(step(P.answered.s, 'close', systemActor, {}, at('2026-12-24T09:00:00+08:00')).s.status, 'closed');
    expectFail(attemptOn(closed.s, 'reopen', dispatcher, { reason: 'x' }), 'ILLEGAL_TRANSITION');
  });
});

describe('§4 proposals: return and extension', () => {
  it('§4 a unit that is not competent asks the office to take the proposal back', () => {
    const asked = step(P.assigned.s, 'request_return', handler, { reason: '非本单位职责' }, at('2026-11-24T10:00:00+08:00'));
    assert.deepEqual([asked.s.status, asked.s.priorStatus], ['return_requested', 'handling']);
    const back = step(asked.s, 'approve_return', dispatcher, {}, at('2026-11-24T11:00:00+08:00'));
    assert.deepEqual([back.s.status, back.s.leadUnitId, back.s.coUnitIds, runningClocks(back.s)], ['registered', null, [], []]);
    assert.equal(step(asked.s, 'reject_return', dispatcher, { reason: '属本单位' }, at('2026-11-24T11:00:00+08:00')).s.status, 'handling');
  });

  it('§4 an extension is approved by the office (dispatcher) only', () => {
    const rule = PROPOSAL_TRANSITIONS.find((r) => r.action === 'approve_extension')!;
    assert.deepEqual(rule.who, { dispatcher: 'owner' });
    const asked = step(P.assigned.s, 'request_extension', handler, { days: 1, reason: '需调研' }, at('2026-11-24T10:00:00+08:00'));
    expectFail(attemptOn(asked.s, 'approve_extension', leaderA), 'FORBIDDEN');
    const ok = step(asked.s, 'approve_extension', dispatcher, {}, at('2026-11-24T11:00:00+08:00'));
    sameInstant(clockOf(ok.s, 'handling').dueAt, '2027-03-24T00:00:00+08:00', 'through 23 Feb, then one month more: through 23 Mar');
  });
});
