/** The 信访 track (DOMAIN.md §3; 信访工作条例 2022): triage, acceptance, 60 days, written result, 复查 and 复核. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PETITION_RESULTS } from '@minsheng/contracts';
import type { ReplyResult } from '@minsheng/contracts';
import { decide } from '../src';
import type { AppealSnapshot } from '../src';
import {
  actorOf, agent, appeal, at, attemptOn, callbackAgent, clockOf, ctx, dispatcher, expectFail, expectOk, handler, leaderA, petitionClocks,
  runningClock, runningClocks, sameInstant, snapshotFor, step, supervisor, systemActor,
} from './fixtures';

const REGISTERED = at('2026-11-23T10:00:00+08:00');
/** The 信访 office starts the 15-day triage clock when it registers the petition (a server use case does this). */
const registered: AppealSnapshot = appeal({ track: 'petition', kind: 'complaint', clocks: [runningClock('triage', 15, 'calendar_days', REGISTERED)] });
const reviewLeader = actorOf('unit_leader', 'dept-b');
const rereviewLeader = actorOf('unit_leader', 'street-1');
const reply = (result: ReplyResult = 'supported', text = '予以支持') => ({ text, result });

/** Registration → 转送 → 受理 → 书面答复 → 复查 → 复核, step by step. */
function path() {
  const dispatched = step(registered, 'dispatch', dispatcher, { leadUnitId: 'dept-a' }, at('2026-11-25T10:00:00+08:00'));
  const accepted = step(dispatched.s, 'accept', handler, {}, at('2026-11-30T10:00:00+08:00'));
  const replied = step(accepted.s, 'reply', handler, { reply: reply() }, at('2026-12-28T10:00:00+08:00'));
  const answered = step(replied.s, 'approve_reply', leaderA, {}, at('2026-12-28T15:00:00+08:00'));
  const review = step(answered.s, 'request_review', agent, { leadUnitId: 'dept-b', reason: '不服处理意见' }, at('2027-01-20T10:00:00+08:00'));
  const reviewed = step(review.s, 'decide_review', reviewLeader, { reply: reply('not_supported', '维持原意见') }, at('2027-02-05T10:00:00+08:00'));
  const rereview = step(reviewed.s, 'request_rereview', agent, { leadUnitId: 'street-1', reason: '仍不服' }, at('2027-02-20T10:00:00+08:00'));
  const final = step(rereview.s, 'decide_rereview', rereviewLeader, { reply: reply('not_supported', '复核维持') }, at('2027-03-10T10:00:00+08:00'));
  return { dispatched, accepted, replied, answered, review, reviewed, rereview, final };
}
const P = path();

describe('§3 信访: triage and acceptance', () => {
  it('§3 registration → triage (转送/交办) within 15 days: dispatch stops triage and starts the body\'s 15-day acceptance clock', () => {
    sameInstant(clockOf(registered, 'triage').dueAt, '2026-12-09T00:00:00+08:00', '15 days counted from the day after receipt');
    const { s, d } = P.dispatched;
    assert.deepEqual([s.status, s.leadUnitId, d.event.visibility], ['dispatched', 'dept-a', 'public']);
    sameInstant(clockOf(s, 'triage').stoppedAt, '2026-11-25T10:00:00+08:00');
    sameInstant(clockOf(s, 'acceptance').dueAt, '2026-12-11T00:00:00+08:00');
    assert.deepEqual(runningClocks(s), ['acceptance'], 'no sign-for clock, and handling waits for acceptance');
  });

  it('§3 the competent body decides acceptance and tells the petitioner in writing (受理告知)', () => {
    const { s, d } = P.accepted;
    assert.deepEqual([s.status, d.event.visibility, d.event.payload], ['handling', 'public', { acceptanceNotice: true }]);
    sameInstant(clockOf(s, 'acceptance').stoppedAt, '2026-11-30T10:00:00+08:00');
    expectFail(attemptOn(P.dispatched.s, 'sign', handler), 'ILLEGAL_TRANSITION');
  });

  it('§3 petition handling 60 days from acceptance', () => {
    const h = clockOf(P.accepted.s, 'handling');
    assert.deepEqual([h.amount, h.unit], [60, 'calendar_days']);
    sameInstant(h.startedAt, '2026-11-30T10:00:00+08:00');
    sameInstant(h.dueAt, '2027-01-30T00:00:00+08:00');
  });

  it('§3 matters for courts, arbitration, reconsideration, discipline are not accepted: the petitioner is told the legal route', () => {
    for (const [s, actor] of [[registered, agent], [P.dispatched.s, handler]] as const) {
      expectFail(attemptOn(s, 'refer_legal', actor, { route: 'discipline' }), 'INVALID_TRANSITION_INPUT');
      const d = expectOk(attemptOn(s, 'refer_legal', actor, { route: 'discipline', reason: '反映公职人员问题，转纪检监察' }));
      assert.deepEqual([d.to, d.patch.outcome, d.event.visibility], ['referred', { type: 'referred_legal', route: 'discipline' }, 'public']);
    }
  });

  it('§3 a petition not accepted (不予受理) or referred leaves no clock running; a returned one has 15 days of triage again', () => {
    for (const [s, actor, action, input] of [
      [registered, agent, 'reject', { reason: '不属于信访事项' }], [registered, agent, 'refer_legal', { route: 'litigation', reason: '诉讼' }],
      [P.dispatched.s, handler, 'reject', { reason: '不予受理' }], [P.dispatched.s, handler, 'refer_legal', { route: 'arbitration', reason: '仲裁' }],
    ] as const) {
      const next = step(s, action, actor, input, at('2026-11-26T10:00:00+08:00'));
      assert.deepEqual(runningClocks(next.s), [], `${action} from ${s.status}`);
    }
    const ret = step(P.dispatched.s, 'request_return', handler, { reason: '非本机关职权' }, at('2026-11-26T10:00:00+08:00'));
    assert.deepEqual([ret.s.status, ret.s.priorStatus], ['return_requested', 'dispatched']);
    const back = step(ret.s, 'approve_return', dispatcher, {}, at('2026-11-26T11:00:00+08:00'));
    assert.deepEqual([back.s.status, back.s.leadUnitId, back.s.returnCount, runningClocks(back.s)], ['registered', null, 1, ['triage']]);
    assert.equal(step(ret.s, 'reject_return', dispatcher, { reason: '属本机关职权' }, at('2026-11-26T11:00:00+08:00')).s.status, 'dispatched');
  });

  it('has no suspension on the petition track: statutory time limits run', () => {
    expectFail(attemptOn(P.accepted.s, 'suspend', handler, { reason: 'x' }), 'ILLEGAL_TRANSITION');
  });
});

describe('§3 信访: extension', () => {
  const asked = step(P.accepted.s, 'request_extension', handler, { days: 30, reason: '情况复杂' }, at('2027-01-20T10:00:00+08:00'));

  it('§3 petition handling 60 days from acceptance, extension ≤ 30 days approved by the body\'s head only', () => {
    const tooLong = expectFail(attemptOn(P.accepted.s, 'request_extension', handler, { days: 31, reason: '情况复杂' }), 'INVALID_TRANSITION_INPUT');
    assert.deepEqual([tooLong.field, tooLong.max], ['days', 30]);
    for (const actor of [dispatcher, handler, supervisor, actorOf('unit_leader', 'dept-b'), actorOf('unit_leader', 'dept-a-sub')]) {
      expectFail(attemptOn(asked.s, 'approve_extension', actor, {}, at('2027-01-21T10:00:00+08:00')), 'FORBIDDEN');
    }
    const ok = step(asked.s, 'approve_extension', leaderA, {}, at('2027-01-21T10:00:00+08:00'));
    sameInstant(clockOf(ok.s, 'handling').dueAt, '2027-03-01T00:00:00+08:00', '60 days run through 29 Jan; 30 more through 28 Feb');
    assert.equal(ok.d.event.visibility, 'public', 'the petitioner is told');
  });

  it('§3 the reason for an extension is told to the petitioner (public event carries it)', () => {
    const ok = step(asked.s, 'approve_extension', leaderA, {}, at('2027-01-21T10:00:00+08:00'));
    assert.equal(ok.d.event.payload.reason, '情况复杂');
    assert.equal(ok.d.event.payload.days, 30);
  });

  it('§3 the extension is refused only by the body\'s head, with a reason', () => {
    expectFail(attemptOn(asked.s, 'reject_extension', dispatcher, { reason: 'no' }), 'FORBIDDEN');
    expectFail(attemptOn(asked.s, 'reject_extension', leaderA), 'INVALID_TRANSITION_INPUT');
    assert.equal(step(asked.s, 'reject_extension', leaderA, { reason: '不予延期' }, at('2027-01-21T10:00:00+08:00')).s.pending, null);
  });

  it('§3 extensions add up to at most 30 days in total', () => {
    const first = step(P.accepted.s, 'request_extension', handler, { days: 20, reason: 'a' }, at('2027-01-20T10:00:00+08:00'));
    const approved = step(first.s, 'approve_extension', leaderA, {}, at('2027-01-20T11:00:00+08:00'));
    assert.equal(approved.s.extendedDays, 20);
    const details = expectFail(attemptOn(approved.s, 'request_extension', handler, { days: 11, reason: 'b' }), 'INVALID_TRANSITION_INPUT');
    assert.deepEqual([details.field, details.max], ['days', 10]);
    const second = step(approved.s, 'request_extension', handler, { days: 10, reason: 'b' }, at('2027-01-21T10:00:00+08:00'));
    const full = step(second.s, 'approve_extension', leaderA, {}, at('2027-01-21T11:00:00+08:00'));
    sameInstant(clockOf(full.s, 'handling').dueAt, '2027-03-01T00:00:00+08:00', 'the same due time as one 30-day extension');
    expectFail(attemptOn(full.s, 'request_extension', handler, { days: 1, reason: 'c' }), 'INVALID_TRANSITION_INPUT');
  });
});

describe('§3 信访: written result', () => {
  it('§3 result 支持/解释/不予支持 only', () => {
    for (const result of ['solved', 'explained', 'A'] as const) {
      const details = expectFail(attemptOn(P.accepted.s, 'reply', handler, { reply: reply(result) }), 'INVALID_TRANSITION_INPUT');
      assert.deepEqual([details.field, details.allowed], ['reply.result', PETITION_RESULTS]);
      expectFail(attemptOn(P.review.s, 'decide_review', reviewLeader, { reply: reply(result) }), 'INVALID_TRANSITION_INPUT');
    }
    for (const result of PETITION_RESULTS) expectOk(attemptOn(P.accepted.s, 'reply', handler, { reply: reply(result) }));
  });

  it('§3 the written reply is signed off by the body\'s head and opens the 30-day window for 复查', () => {
    assert.deepEqual([P.replied.s.status, P.replied.d.event.visibility], ['reply_review', 'internal']);
    sameInstant(clockOf(P.replied.s, 'handling').stoppedAt, '2026-12-28T10:00:00+08:00');
    expectFail(attemptOn(P.replied.s, 'approve_reply', dispatcher), 'FORBIDDEN');
    const { s, d } = P.answered;
    assert.deepEqual([s.status, d.event.visibility, d.event.payload.result], ['answered', 'public', 'supported']);
    sameInstant(clockOf(s, 'review_window').dueAt, '2027-01-28T00:00:00+08:00');
    const back = step(P.replied.s, 'send_back', leaderA, { reason: '依据不足' }, at('2026-12-28T11:00:00+08:00'));
    assert.deepEqual([back.s.status, clockOf(back.s, 'handling').stoppedAt], ['handling', null]);
  });

  it('§3 Satisfaction: the petitioner rates the handling; closing over a bad rating needs a reason', () => {
    const rated = step(P.answered.s, 'callback', callbackAgent, { satisfaction: 'dissatisfied', contacted: true, solved: false }, at('2026-12-30T10:00:00+08:00'));
    assert.equal(rated.s.callback?.satisfaction, 'dissatisfied');
    expectFail(attemptOn(rated.s, 'close', dispatcher), 'INVALID_TRANSITION_INPUT');
    const closed = step(rated.s, 'close', dispatcher, { reason: '已作解释' }, at('2026-12-30T11:00:00+08:00'));
    assert.deepEqual([closed.s.status, runningClocks(closed.s)], ['closed', []]);
    // The system closes a content petitioner's matter, or one whose 复查 window has passed.
    assert.equal(step(P.answered.s, 'close', systemActor, {}, at('2027-01-29T10:00:00+08:00')).s.status, 'closed');
  });
});

describe('§3 信访: 复查 and 复核', () => {
  it('§3 信访: request for 复查 within 30 days of the reply goes to another body, decided within 30 days', () => {
    const { s, d } = P.review;
    assert.deepEqual([s.status, s.leadUnitId, s.coUnitIds, d.event.visibility], ['under_review', 'dept-b', [], 'public']);
    assert.deepEqual(d.assign, { units: [{ unitId: 'dept-b', role: 'lead' }], endPrevious: true });
    assert.deepEqual(d.event.payload, { leadUnitId: 'dept-b', stage: 'review' });
    assert.ok(clockOf(s, 'review_window').stoppedAt);
    sameInstant(clockOf(s, 'review').dueAt, '2027-02-20T00:00:00+08:00');
    // The last moment of the 30th day still counts.
    expectOk(attemptOn(P.answered.s, 'request_review', agent, { leadUnitId: 'dept-b', reason: 'r' }, at('2027-01-27T23:59:00+08:00')));
  });

  it('§3 信访: request for 复查 after the 30-day window → WINDOW_CLOSED', () => {
    const details = expectFail(attemptOn(P.answered.s, 'request_review', agent, { leadUnitId: 'dept-b', reason: 'r' }, at('2027-01-28T00:01:00+08:00')), 'WINDOW_CLOSED');
    assert.equal(details.clock, 'review_window');
    const noWindow = snapshotFor('answered', 'request_review', { clocks: [] }, 'petition');
    expectFail(attemptOn(noWindow, 'request_review', agent, { leadUnitId: 'dept-b', reason: 'r' }), 'WINDOW_CLOSED');
  });

  it('§3 复查 is decided by another body than the one that decided before', () => {
    const details = expectFail(attemptOn(P.answered.s, 'request_review', agent, { leadUnitId: 'dept-a', reason: 'r' }, at('2027-01-20T10:00:00+08:00')), 'INVALID_TRANSITION_INPUT');
    assert.equal(details.field, 'leadUnitId');
    expectFail(attemptOn(P.answered.s, 'request_review', agent, { leadUnitId: 'ghost', reason: 'r' }, at('2027-01-20T10:00:00+08:00')), 'UNKNOWN_UNIT');
  });

  it('§3 复查 decision by the reviewing body\'s head, then 30 days to ask for 复核', () => {
    for (const actor of [actorOf('handler', 'dept-b'), leaderA, dispatcher]) expectFail(attemptOn(P.review.s, 'decide_review', actor, { reply: reply() }), 'FORBIDDEN');
    const { s, d } = P.reviewed;
    assert.deepEqual([s.status, s.reply?.result, s.reply?.text, d.event.visibility], ['reviewed', 'not_supported', '维持原意见', 'public']);
    sameInstant(clockOf(s, 'review').stoppedAt, '2027-02-05T10:00:00+08:00');
    sameInstant(clockOf(s, 'review_window').dueAt, '2027-03-08T00:00:00+08:00');
    expectFail(attemptOn(s, 'request_rereview', agent, { leadUnitId: 'street-1', reason: 'r' }, at('2027-03-08T00:01:00+08:00')), 'WINDOW_CLOSED');
    assert.deepEqual([P.rereview.s.status, P.rereview.s.leadUnitId, P.rereview.d.event.payload.stage], ['under_rereview', 'street-1', 'rereview']);
  });

  it('§3 复核 is final (outcome.final)', () => {
    const { s, d } = P.final;
    assert.deepEqual([s.status, d.patch.outcome, d.event.payload.final], ['closed', { type: 'rereview_final', final: true }, true]);
    sameInstant(d.patch.closedAt, '2027-03-10T10:00:00+08:00');
    assert.deepEqual(runningClocks(s), []);
    // Afterwards the same facts and reasons are not accepted again: nothing but a note moves it.
    for (const action of ['request_review', 'request_rereview', 'reopen', 'decide_rereview', 'redo', 'close'] as const) {
      expectFail(attemptOn(s, action, dispatcher, { leadUnitId: 'dept-b', reason: 'again', reply: reply() }), 'ILLEGAL_TRANSITION');
    }
    expectOk(attemptOn(s, 'note', dispatcher, { reason: '归档' }));
  });

  it('§3 a 信访 matter is reviewed at most twice: no 复查 of a 复查 and no 复核 before a 复查', () => {
    expectFail(attemptOn(P.reviewed.s, 'request_review', agent, { leadUnitId: 'street-1', reason: 'r' }), 'ILLEGAL_TRANSITION');
    expectFail(attemptOn(P.answered.s, 'request_rereview', agent, { leadUnitId: 'street-1', reason: 'r' }), 'ILLEGAL_TRANSITION');
  });

  it('takes clocks from the policy: a jurisdiction that changes the 30 days gets its own windows', () => {
    const policy = { ...petitionClocks, review_window: { amount: 60, unit: 'calendar_days' as const } };
    const d = expectOk(decide(P.replied.s, { action: 'approve_reply', input: {} }, leaderA, ctx(at('2026-12-28T15:00:00+08:00'), policy)));
    sameInstant(d.clocks.find((c) => c.clock === 'review_window')?.dueAt, '2027-02-27T00:00:00+08:00');
  });
});
