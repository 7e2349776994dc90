import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide, DEFAULT_HOTLINE_POLICIES, DEFAULT_SETTINGS, problemReasons } from '../src';
import type { Actor, AppealSnapshot, CommandInput } from '../src';
import type { AppealAction } from '@minsheng/contracts';
import {
  actorOf, agent, appeal, at, calendar, callbackAgent, callbackRecord, clockOf, ctx, dispatcher, expectFail, expectOk, handler, leaderA,
  sameInstant, step,
} from './fixtures';


const HANDLING_DUE = '2026-12-07T17:30:00+08:00'; // 10 working days after Mon 2026-11-23

/** The happy path, step by step; each snapshot is the state after that step. */
function happyPath() {
  const accepted = step(appeal(), 'accept', agent, {}, at('2026-11-23T10:00:00+08:00'));
  const dispatched = step(accepted.s, 'dispatch', dispatcher, { leadUnitId: 'dept-a' }, at('2026-11-23T10:05:00+08:00'));
  const signed = step(dispatched.s, 'sign', handler, {}, at('2026-11-23T11:00:00+08:00'));
  const contacted = step(signed.s, 'record_contact', handler, {}, at('2026-11-23T14:00:00+08:00'));
  const replied = step(contacted.s, 'reply', handler, { reply: { text: ' Road repaired. ', result: 'solved' } }, at('2026-11-25T10:00:00+08:00'));
  const approved = step(replied.s, 'approve_reply', leaderA, {}, at('2026-11-25T11:00:00+08:00'));
  const calledBack = step(approved.s, 'callback', callbackAgent, { satisfaction: 'satisfied', contacted: true, solved: true }, at('2026-11-26T09:00:00+08:00'));
  const closed = step(calledBack.s, 'close', callbackAgent, {}, at('2026-11-26T09:10:00+08:00'));
  return { accepted, dispatched, signed, contacted, replied, approved, calledBack, closed };
}
const P = happyPath();
const fullish: CommandInput = { line: '110', route: 'litigation', reason: 'r' };
const try_ = (s: AppealSnapshot, action: AppealAction, actor: Actor, input: CommandInput = {}, now = at('2026-11-26T10:00:00+08:00')) =>
  decide(s, { action, input }, actor, ctx(now));

describe('§2 hotline happy path: accept → dispatch → sign → contact → reply → approve → callback → close', () => {
  it('walks through the states with the owning roles and the right event visibility', () => {
    const steps = [P.accepted, P.dispatched, P.signed, P.contacted, P.replied, P.approved, P.calledBack, P.closed];
    assert.deepEqual(steps.map(({ d }) => d.to), ['accepted', 'dispatched', 'handling', 'handling', 'reply_review', 'callback', 'callback', 'closed']);
    assert.deepEqual(steps.map(({ d }) => `${d.actorRole}@${d.actorUnitId}`), [
      'agent@centre', 'dispatcher@centre', 'handler@dept-a', 'handler@dept-a', 'handler@dept-a', 'unit_leader@dept-a', 'callback@centre', 'callback@centre']);
    assert.deepEqual(steps.map(({ d }) => d.event.visibility), ['public', 'public', 'public', 'public', 'internal', 'public', 'internal', 'public']);
  });

  it('§5 dispatch assigns the lead unit and starts sign_for from dispatch (2 working hours, over lunch)', () => {
    const { s, d } = P.dispatched;
    assert.equal(s.leadUnitId, 'dept-a');
    assert.equal(s.unitsPassed, 1);
    assert.deepEqual(d.assign, { units: [{ unitId: 'dept-a', role: 'lead' }], endPrevious: true });
    assert.deepEqual(d.clocks.map((c) => c.clock), ['sign_for']);
    sameInstant(clockOf(s, 'sign_for').dueAt, '2026-11-23T13:35:00+08:00');
    assert.equal(clockOf(s, 'sign_for').dueAt.getTime(), calendar.addDuration(at('2026-11-23T10:05:00+08:00'), 2, 'working_hours').getTime());
  });

  it('§5 sign stops sign_for and starts first_contact (1 working day) and handling (投诉 10 working days) from sign', () => {
    const { s, d } = P.signed;
    assert.deepEqual(d.clocks.map((c) => c.clock).sort(), ['first_contact', 'handling', 'sign_for']);
    sameInstant(clockOf(s, 'sign_for').stoppedAt, '2026-11-23T11:00:00+08:00');
    sameInstant(clockOf(s, 'first_contact').dueAt, '2026-11-24T17:30:00+08:00');
    sameInstant(clockOf(s, 'handling').dueAt, HANDLING_DUE);
    assert.deepEqual([clockOf(s, 'handling').amount, clockOf(s, 'handling').unit], [10, 'working_days']);
  });

  it('§2 first contact (先行联系) is an event with a timestamp; reply stops handling and keeps the trimmed reply', () => {
    sameInstant(clockOf(P.contacted.s, 'first_contact').stoppedAt, '2026-11-23T14:00:00+08:00');
    assert.equal(clockOf(P.contacted.s, 'handling').stoppedAt, null);
    assert.equal(typeof P.contacted.d.event.payload.contactedAt, 'string');
    sameInstant(clockOf(P.replied.s, 'handling').stoppedAt, '2026-11-25T10:00:00+08:00');
    assert.deepEqual(P.replied.s.reply, { text: 'Road repaired.', result: 'solved', by: handler.userId, at: '2026-11-25T02:00:00.000Z' });
  });

  it('§5 callback within 2 working days after the reply is approved; close stops it', () => {
    assert.deepEqual(P.approved.d.clocks.map((c) => c.clock), ['callback']);
    sameInstant(clockOf(P.approved.s, 'callback').dueAt, '2026-11-27T17:30:00+08:00');
    assert.equal(P.calledBack.s.callback?.satisfaction, 'satisfied');
    sameInstant(clockOf(P.closed.s, 'callback').stoppedAt, '2026-11-26T09:10:00+08:00');
    assert.deepEqual(P.closed.d.patch.outcome, { type: 'closed' });
    sameInstant(P.closed.d.patch.closedAt, '2026-11-26T09:10:00+08:00');
    assert.deepEqual(P.closed.s.clocks.filter((c) => c.stoppedAt === null), [], 'nothing runs on a closed appeal');
  });
});

describe('§6 callback outcomes', () => {
  const dissatisfiedAt = { ...P.approved.s, callback: callbackRecord('dissatisfied') };

  it('§2/§5 redo (重办) sends a dissatisfied appeal back to handling, redo_count+1, with a fresh 3-working-day clock', () => {
    const { s, d } = step(dissatisfiedAt, 'redo', callbackAgent, { reason: 'pothole still there' }, at('2026-11-26T09:30:00+08:00'));
    assert.equal(s.status, 'handling');
    assert.equal(s.redoCount, 1);
    assert.equal(s.reply, null);
    assert.equal(s.callback, null);
    assert.equal(d.event.visibility, 'public');
    const h = clockOf(s, 'handling');
    assert.deepEqual([h.amount, h.unit, h.stoppedAt], [3, 'working_days', null]);
    sameInstant(h.startedAt, '2026-11-26T09:30:00+08:00');
    sameInstant(h.dueAt, '2026-12-01T17:30:00+08:00');
    assert.ok(clockOf(s, 'callback').stoppedAt);
  });

  it('§6 each citizen is called back: no close before a callback is recorded', () => {
    assert.deepEqual(expectFail(try_(P.approved.s, 'close', callbackAgent), 'INVALID_TRANSITION_INPUT').missing, ['callback']);
  });

  it('§6 closing over a dissatisfied citizen is a review (复核, reasonable explanation given) and needs a reason', () => {
    for (const level of ['dissatisfied', 'very_dissatisfied'] as const) {
      const s = { ...P.approved.s, callback: callbackRecord(level) };
      assert.deepEqual(expectFail(try_(s, 'close', dispatcher, { reason: '  ' }), 'INVALID_TRANSITION_INPUT').missing, ['reason']);
      const d = expectOk(try_(s, 'close', dispatcher, { reason: 'reasonable explanation given' }));
      assert.deepEqual(d.patch.outcome, { type: 'closed_after_review' });
    }
  });

  it('§6 satisfaction has the five 好差评 levels only', () => {
    const input = { satisfaction: 'meh', contacted: true, solved: true } as unknown as CommandInput;
    assert.equal(expectFail(try_(P.approved.s, 'callback', callbackAgent, input), 'INVALID_TRANSITION_INPUT').field, 'satisfaction');
  });
});

describe('§2 return (退单)', () => {
  const requested = step(P.signed.s, 'request_return', handler, { reason: 'not our matter' }, at('2026-11-23T15:00:00+08:00'));

  it('request_return remembers the prior state', () => {
    assert.equal(requested.s.status, 'return_requested');
    assert.equal(requested.s.priorStatus, 'handling');
    assert.equal(requested.d.event.visibility, 'internal');
  });

  it('§2 approve_return (dispatcher approves) puts the appeal back to accepted without a lead, stopping every clock', () => {
    const { s, d } = step(requested.s, 'approve_return', dispatcher, {}, at('2026-11-23T16:00:00+08:00'));
    assert.deepEqual([s.status, s.leadUnitId, s.coUnitIds, s.returnCount, s.priorStatus], ['accepted', null, [], 1, null]);
    assert.deepEqual(d.assign, { units: [], endPrevious: true });
    assert.deepEqual(s.clocks.filter((c) => c.stoppedAt === null), []);
    const again = step(s, 'dispatch', dispatcher, { leadUnitId: 'dept-b' }, at('2026-11-23T16:10:00+08:00'));
    assert.deepEqual([again.s.leadUnitId, again.s.unitsPassed], ['dept-b', 2]);
  });

  it('§2 reject_return: the appeal stays where it was (prior state) with its clocks untouched', () => {
    const { s, d } = step(requested.s, 'reject_return', dispatcher, { reason: 'it is yours' }, at('2026-11-23T16:00:00+08:00'));
    assert.deepEqual([s.status, s.priorStatus, s.leadUnitId], ['handling', null, 'dept-a']);
    assert.deepEqual(d.clocks, []);
    const fromDispatched = step(P.dispatched.s, 'request_return', handler, { reason: 'x' }, at('2026-11-23T10:30:00+08:00'));
    assert.equal(step(fromDispatched.s, 'reject_return', dispatcher, { reason: 'y' }, at('2026-11-23T10:40:00+08:00')).s.status, 'dispatched');
  });
});

describe('§2/§5 extension (延期)', () => {
  const base = P.contacted.s;

  it('§5 投诉 10 working days, 15 with approval: refuses more days than the policy allows, or a non-whole or zero number', () => {
    for (const days of [6, 0, 1.5, -1]) {
      const details = expectFail(try_(base, 'request_extension', handler, { days, reason: 'survey' }), 'INVALID_TRANSITION_INPUT');
      assert.deepEqual([details.field, details.max], ['days', 5], `days ${days}`);
    }
    const critical = DEFAULT_HOTLINE_POLICIES.find((p) => p.urgency === 'critical')!.clocks;
    expectFail(decide(base, { action: 'request_extension', input: { days: 1, reason: 'x' } }, handler, ctx(at('2026-11-24T09:00:00+08:00'), critical)), 'INVALID_TRANSITION_INPUT');
  });

  it('§2 an approved extension (leader/dispatcher) moves the handling due time by the approved working days', () => {
    const req = step(base, 'request_extension', handler, { days: 3, reason: ' site survey ' }, at('2026-11-24T09:00:00+08:00'));
    assert.deepEqual(req.s.pending, { type: 'extension', days: 3, reason: 'site survey', requestedBy: handler.userId, requestedAt: '2026-11-24T01:00:00.000Z' });
    assert.deepEqual(req.d.clocks, [], 'a request alone moves nothing');
    const second = expectFail(try_(req.s, 'request_extension', handler, { days: 1, reason: 'more' }), 'INVALID_TRANSITION_INPUT');
    assert.equal(second.field, 'days');
    const ok = step(req.s, 'approve_extension', leaderA, {}, at('2026-11-24T10:00:00+08:00'));
    assert.equal(ok.s.pending, null);
    assert.equal(ok.d.event.visibility, 'public');
    sameInstant(clockOf(ok.s, 'handling').dueAt, '2026-12-10T17:30:00+08:00');
    assert.equal(ok.d.event.payload.dueAt, '2026-12-10T09:30:00.000Z');
  });

  it('reject_extension clears the request and keeps the due time; approving nothing is refused', () => {
    const req = step(base, 'request_extension', handler, { days: 2, reason: 'x' }, at('2026-11-24T09:00:00+08:00'));
    const no = step(req.s, 'reject_extension', dispatcher, { reason: 'no' }, at('2026-11-24T10:00:00+08:00'));
    assert.equal(no.s.pending, null);
    sameInstant(clockOf(no.s, 'handling').dueAt, HANDLING_DUE);
    expectFail(try_(base, 'approve_extension', leaderA), 'INVALID_TRANSITION_INPUT');
    expectFail(try_(base, 'reject_extension', leaderA, { reason: 'x' }), 'INVALID_TRANSITION_INPUT');
  });

  it('lets the next lead unit ask for its own extension after a return', () => {
    const req = step(base, 'request_extension', handler, { days: 2, reason: 'x' }, at('2026-11-24T09:00:00+08:00'));
    const ret = step(req.s, 'request_return', handler, { reason: 'not ours' }, at('2026-11-24T10:00:00+08:00'));
    const ok = step(ret.s, 'approve_return', dispatcher, {}, at('2026-11-24T11:00:00+08:00'));
    const disp = step(ok.s, 'dispatch', dispatcher, { leadUnitId: 'dept-b' }, at('2026-11-24T11:10:00+08:00'));
    const sign = step(disp.s, 'sign', actorOf('handler', 'dept-b'), {}, at('2026-11-24T11:20:00+08:00'));
    expectOk(try_(sign.s, 'request_extension', actorOf('handler', 'dept-b'), { days: 1, reason: 'own' }));
  });

  it('§5 投诉 15 working days with approval: approved extensions add up to at most 5 working days', () => {
    const req = step(base, 'request_extension', handler, { days: 3, reason: 'x' }, at('2026-11-24T09:00:00+08:00'));
    const ok = step(req.s, 'approve_extension', leaderA, {}, at('2026-11-24T10:00:00+08:00'));
    assert.equal(ok.s.extendedDays, 3);
    assert.equal(expectFail(try_(ok.s, 'request_extension', handler, { days: 3, reason: 'y' }), 'INVALID_TRANSITION_INPUT').max, 2);
    expectOk(try_(ok.s, 'request_extension', handler, { days: 2, reason: 'y' }));
  });

  it('§5 a new lead unit after an approved return gets its own extension allowance', () => {
    const req = step(base, 'request_extension', handler, { days: 5, reason: 'x' }, at('2026-11-24T09:00:00+08:00'));
    const ext = step(req.s, 'approve_extension', leaderA, {}, at('2026-11-24T09:30:00+08:00'));
    const ret = step(ext.s, 'request_return', handler, { reason: 'not ours' }, at('2026-11-24T10:00:00+08:00'));
    const ok = step(ret.s, 'approve_return', dispatcher, {}, at('2026-11-24T11:00:00+08:00'));
    const disp = step(ok.s, 'dispatch', dispatcher, { leadUnitId: 'dept-b' }, at('2026-11-24T11:10:00+08:00'));
    const sign = step(disp.s, 'sign', actorOf('handler', 'dept-b'), {}, at('2026-11-24T11:20:00+08:00'));
    expectOk(try_(sign.s, 'request_extension', actorOf('handler', 'dept-b'), { days: 1, reason: 'own' }));
  });
});

describe('§2/§5 suspend / resume (挂起): suspended clocks don\'t run', () => {
  it('§5 suspended clocks don\'t run: the due time shifts by the suspended working time', () => {
    const sus = step(P.contacted.s, 'suspend', handler, { reason: 'citizen abroad' }, at('2026-11-27T16:00:00+08:00')); // Friday
    assert.deepEqual([sus.s.status, sus.s.priorStatus, sus.d.event.visibility], ['suspended', 'handling', 'public']);
    const paused = clockOf(sus.s, 'handling');
    sameInstant(paused.pausedAt, '2026-11-27T16:00:00+08:00');
    assert.deepEqual(paused.pausedBudget, { minutes: calendar.workingMinutesBetween(at('2026-11-27T16:00:00+08:00'), at(HANDLING_DUE)), working: true });
    assert.deepEqual(sus.d.clocks.map((c) => c.clock), ['handling'], 'stopped clocks are not paused');
    const res = step(sus.s, 'resume', handler, {}, at('2026-11-30T09:00:00+08:00')); // Monday
    assert.deepEqual([res.s.status, res.s.priorStatus], ['handling', null]);
    const h = clockOf(res.s, 'handling');
    assert.deepEqual([h.pausedAt, h.pausedBudget, h.stoppedAt], [null, null, null]);
    // Fri 16:00–17:30 and Mon 08:30–09:00 were suspended: 120 working minutes.
    sameInstant(h.dueAt, '2026-12-08T10:30:00+08:00');
    assert.equal(calendar.workingMinutesBetween(at(HANDLING_DUE), h.dueAt), 120);
  });

  it('keeps an already overdue clock overdue: it is due the moment it resumes', () => {
    const sus = step(P.signed.s, 'suspend', handler, { reason: 'x' }, at('2026-11-27T16:00:00+08:00'));
    const res = step(sus.s, 'resume', handler, {}, at('2026-11-30T09:00:00+08:00'));
    sameInstant(clockOf(res.s, 'first_contact').dueAt, '2026-11-30T09:00:00+08:00');
  });
});

describe('§2 send back, sub-dispatch, closure, bad input', () => {
  it('§2 send_back returns reply_review to handling and reopens the clock with its original due time', () => {
    const back = step(P.replied.s, 'send_back', leaderA, { reason: 'too vague' }, at('2026-11-25T11:00:00+08:00'));
    const h = clockOf(back.s, 'handling');
    assert.deepEqual([back.s.status, h.stoppedAt, back.d.event.visibility], ['handling', null, 'internal']);
    sameInstant(h.dueAt, HANDLING_DUE);
    sameInstant(h.startedAt, '2026-11-23T11:00:00+08:00');
  });

  it('§2 sub-dispatch (二次派单) only to a unit strictly below the acting unit, keeping the chain visible', () => {
    const sub = step(P.dispatched.s, 'sub_dispatch', leaderA, { leadUnitId: 'dept-a-sub' }, at('2026-11-23T10:30:00+08:00'));
    assert.deepEqual([sub.s.status, sub.s.leadUnitId, sub.s.unitsPassed], ['dispatched', 'dept-a-sub', 2]);
    assert.deepEqual(sub.d.assign, { units: [{ unitId: 'dept-a-sub', role: 'lead' }], endPrevious: false });
    assert.deepEqual(sub.d.event.payload, { leadUnitId: 'dept-a-sub', fromUnitId: 'dept-a' });
    sameInstant(clockOf(sub.s, 'sign_for').startedAt, '2026-11-23T10:30:00+08:00');
    for (const leadUnitId of ['dept-a', 'centre', 'dept-b', 'station-1']) {
      assert.equal(expectFail(try_(P.dispatched.s, 'sub_dispatch', leaderA, { leadUnitId }), 'INVALID_TRANSITION_INPUT').field, 'leadUnitId', leadUnitId);
    }
    assert.equal(expectFail(try_(P.dispatched.s, 'sub_dispatch', leaderA, { leadUnitId: 'nowhere' }), 'UNKNOWN_UNIT').unitId, 'nowhere');
  });

  it('keeps the running handling clock when a sub-unit signs after a sub-dispatch from handling', () => {
    const sub = step(P.contacted.s, 'sub_dispatch', leaderA, { leadUnitId: 'dept-a-sub' }, at('2026-11-24T09:00:00+08:00'));
    const sign = step(sub.s, 'sign', actorOf('handler', 'dept-a-sub'), {}, at('2026-11-24T10:00:00+08:00'));
    sameInstant(clockOf(sign.s, 'handling').dueAt, HANDLING_DUE);
    sameInstant(clockOf(sign.s, 'handling').startedAt, '2026-11-23T11:00:00+08:00');
  });

  it('§2 out of scope: 申请办结 with a written explanation, reviewed by the hotline centre, stops every clock', () => {
    const applied = step(P.signed.s, 'apply_closure', handler, { reason: 'private dispute' }, at('2026-11-23T15:00:00+08:00'));
    const closed = step(applied.s, 'approve_closure', dispatcher, {}, at('2026-11-23T16:00:00+08:00'));
    assert.equal(closed.s.status, 'closed');
    assert.deepEqual(closed.s.clocks.filter((c) => c.stoppedAt === null).map((c) => c.clock), []);
  });

  it('names the missing input fields', () => {
    const cases: [AppealSnapshot, AppealAction, Actor, CommandInput, string[]][] = [
      [P.accepted.s, 'reject', agent, {}, ['reason']],
      [P.accepted.s, 'reject', agent, { reason: '   ' }, ['reason']],
      [P.accepted.s, 'refer_legal', agent, {}, ['route', 'reason']],
      [P.accepted.s, 'dispatch', dispatcher, {}, ['leadUnitId']],
      [P.contacted.s, 'reply', handler, { reply: { text: ' ', result: 'solved' } }, ['reply']],
      [P.approved.s, 'callback', callbackAgent, {}, ['satisfaction', 'contacted', 'solved']],
    ];
    for (const [s, action, actor, input, missing] of cases) {
      assert.deepEqual(expectFail(try_(s, action, actor, input), 'INVALID_TRANSITION_INPUT').missing, missing, action);
    }
    expectOk(try_(P.approved.s, 'callback', callbackAgent, { satisfaction: 'dissatisfied', contacted: false, solved: false }));
  });

  it('§2 merge (并单): never into itself', () => {
    assert.equal(expectFail(try_(P.accepted.s, 'merge', dispatcher, { masterId: 'ap-1' }), 'INVALID_TRANSITION_INPUT').field, 'masterId');
    const d = expectOk(try_(P.accepted.s, 'merge', dispatcher, { masterId: 'ap-2' }));
    assert.deepEqual([d.to, d.patch.outcome], ['merged', { type: 'merged', masterId: 'ap-2' }]);
  });
});

describe('§2 intake outcomes, closure review and reopen', () => {
  it('§2 直接办结: answered at intake, the appeal closes with the answer', () => {
    const d = expectOk(try_(P.accepted.s, 'answer_directly', agent, { answer: '办理时间为工作日' }));
    assert.deepEqual([d.to, d.patch.outcome, d.event.payload, d.event.visibility], ['closed', { type: 'answered_directly', answer: '办理时间为工作日' }, { answer: '办理时间为工作日' }, 'public']);
    assert.ok(d.patch.closedAt);
    expectOk(try_(appeal(), 'answer_directly', agent, { answer: 'x' }));
    expectFail(try_(P.dispatched.s, 'answer_directly', dispatcher, { answer: 'x' }), 'ILLEGAL_TRANSITION');
  });

  it('§2 emergencies go to 110/119/120/122; legal matters are told their legal route; 不予受理 needs a reason', () => {
    const em = expectOk(try_(P.accepted.s, 'refer_emergency', agent, { line: '119' }));
    assert.deepEqual([em.to, em.patch.outcome], ['referred', { type: 'referred_emergency', line: '119' }]);
    const legal = expectOk(try_(P.accepted.s, 'refer_legal', agent, { route: 'arbitration', reason: '劳动争议申请仲裁' }));
    assert.deepEqual([legal.to, legal.patch.outcome], ['referred', { type: 'referred_legal', route: 'arbitration' }]);
    const no = expectOk(try_(P.accepted.s, 'reject', dispatcher, { reason: '无具体诉求' }));
    assert.deepEqual([no.to, no.event.reason], ['rejected', '无具体诉求']);
    for (const action of ['refer_emergency', 'refer_legal', 'reject'] as const) expectFail(try_(P.accepted.s, action, handler, fullish), 'FORBIDDEN');
  });

  it('§2 the hotline centre rejects an application for closure: handling resumes with its original due time', () => {
    const applied = step(P.signed.s, 'apply_closure', handler, { reason: '属民事纠纷' }, at('2026-11-23T15:00:00+08:00'));
    assert.deepEqual([applied.s.status, applied.d.event.payload], ['closure_review', { explanation: '属民事纠纷' }]);
    expectFail(try_(applied.s, 'approve_closure', leaderA), 'FORBIDDEN');
    const back = step(applied.s, 'reject_closure', dispatcher, { reason: '属职责范围' }, at('2026-11-23T16:00:00+08:00'));
    assert.deepEqual([back.s.status, clockOf(back.s, 'handling').stoppedAt], ['handling', null]);
    sameInstant(clockOf(back.s, 'handling').dueAt, HANDLING_DUE);
  });

  it('§2 reopen: a closed appeal goes back to accepted, unassigned, with its reply and callback cleared', () => {
    const { s, d } = step(P.closed.s, 'reopen', actorOf('supervisor', 'centre'), { reason: '市民再次来电' }, at('2026-11-27T10:00:00+08:00'));
    assert.deepEqual([s.status, s.leadUnitId, s.reply, s.callback, d.patch.closedAt], ['accepted', null, null, null, null]);
    assert.deepEqual(d.assign, { units: [], endPrevious: true });
    expectFail(try_(P.closed.s, 'reopen', handler, { reason: 'x' }), 'FORBIDDEN');
  });
});

describe('§2 problemReasons (疑难工单)', () => {
  const t = DEFAULT_SETTINGS.problem;
  const a = (o: Partial<Pick<AppealSnapshot, 'redoCount' | 'unitsPassed' | 'leadUnitId' | 'status'>>) =>
    ({ redoCount: 0, unitsPassed: 0, leadUnitId: 'dept-a', status: 'handling' as const, ...o });

  it('§2 flags redone ≥ 3 times and ≥ 3 units without a lead, at the default thresholds', () => {
    assert.deepEqual(t, { redo: 3, unitsWithoutLead: 3 });
    assert.deepEqual(problemReasons(a({ redoCount: 2, unitsPassed: 2, leadUnitId: null }), t), []);
    assert.deepEqual(problemReasons(a({ redoCount: 3 }), t), ['redo']);
    assert.deepEqual(problemReasons(a({ unitsPassed: 3, leadUnitId: null, status: 'accepted' }), t), ['units_passed']);
    assert.deepEqual(problemReasons(a({ unitsPassed: 3, status: 'return_requested' }), t), ['units_passed']);
    assert.deepEqual(problemReasons(a({ unitsPassed: 5 }), t), [], 'a lead has taken it');
    assert.deepEqual(problemReasons(a({ redoCount: 4, unitsPassed: 4, leadUnitId: null }), t), ['redo', 'units_passed']);
  });

  it('follows configured thresholds', () => {
    assert.deepEqual(problemReasons(a({ redoCount: 1 }), { redo: 1, unitsWithoutLead: 9 }), ['redo']);
    assert.deepEqual(problemReasons(a({ redoCount: 4 }), { redo: 5, unitsWithoutLead: 9 }), []);
  });
});
