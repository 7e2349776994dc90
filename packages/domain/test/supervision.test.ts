/** Supervision overlays (DOMAIN.md §2, §3 督办, §5): 催办, 督办 and its answer, 提级, 联席会议, 超期通报. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TRACKS } from '@minsheng/contracts';
import type { Track } from '@minsheng/contracts';
import { decide, DEFAULT_SETTINGS, nextWorkingDayStart, resolveSettings, supervisionSchedule } from '../src';
import type { AppealSnapshot } from '../src';
import {
  actorOf, at, attemptOn, calendar, complaintClocks, ctx, dispatcher, expectFail, expectOk, handler, leaderA, NOW, POLICY, sameInstant, snapshotFor,
  supervisor, systemActor,
} from './fixtures';

const open = (track: Track, extra: Partial<AppealSnapshot> = {}): AppealSnapshot =>
  snapshotFor('handling', 'urge', { coUnitIds: ['station-1'], ...extra }, track);

describe('§2 urge (催办)', () => {
  for (const track of TRACKS) {
    it(`§2 ${track}: urging counts and never changes the state`, () => {
      const d = expectOk(attemptOn(open(track, { urgeCount: 2 }), 'urge', dispatcher));
      assert.deepEqual([d.to, d.patch.urgeCount, d.clocks, d.assign, d.event.visibility], ['handling', 3, [], null, 'internal']);
      expectFail(attemptOn(open(track), 'urge', handler), 'FORBIDDEN');
      expectFail(attemptOn(snapshotFor('registered', 'urge', {}, track), 'urge', dispatcher), 'ILLEGAL_TRANSITION');
      expectFail(attemptOn(snapshotFor('closed', 'urge', {}, track), 'urge', dispatcher), 'ILLEGAL_TRANSITION');
    });
  }
});

describe('§2/§3/§5 supervision notice (督办)', () => {
  it('§3 supervision notice (督办) to a body: it answers in writing within 30 days', () => {
    const d = expectOk(attemptOn(open('petition'), 'supervise', supervisor, { reason: '请于期限内书面答复' }));
    assert.deepEqual(d.event.payload, { notice: true, replyBy: '2026-12-23T16:00:00.000Z', unitId: 'dept-a' });
    sameInstant(new Date(d.event.payload.replyBy as string), '2026-12-24T00:00:00+08:00');
  });

  it('supervise computes replyBy from the policy of each track (hotline 3, proposals 10 working days)', () => {
    for (const [track, amount] of [['hotline', 3], ['proposal', 10]] as const) {
      const d = expectOk(attemptOn(open(track), 'supervise', supervisor, { reason: '督办' }));
      assert.equal(d.event.payload.replyBy, calendar.addDuration(NOW, amount, 'working_days').toISOString(), track);
      assert.deepEqual(POLICY[track].supervision_reply, { amount, unit: 'working_days' });
    }
    sameInstant(new Date(expectOk(attemptOn(open('hotline'), 'supervise', supervisor, { reason: '督办' })).event.payload.replyBy as string), '2026-11-26T17:30:00+08:00');
  });

  it('supervise takes the supervisor\'s own number of days, counted as the track counts (calendar days for 信访); no date when the policy sets none', () => {
    const d = expectOk(attemptOn(open('petition'), 'supervise', supervisor, { reason: '督办', days: 5 }));
    sameInstant(new Date(d.event.payload.replyBy as string), '2026-11-29T00:00:00+08:00');
    const h = expectOk(attemptOn(open('hotline'), 'supervise', supervisor, { reason: '督办', days: 5 }));
    sameInstant(new Date(h.event.payload.replyBy as string), '2026-11-30T17:30:00+08:00');
    const { supervision_reply: _none, ...noDefault } = complaintClocks;
    const plain = expectOk(decide(open('hotline'), { action: 'supervise', input: { reason: '督办' } }, supervisor, ctx(NOW, noDefault)));
    assert.equal(plain.event.payload.replyBy, null);
  });

  it('§2 only supervisors issue a notice, with a reason; it names the lead unit', () => {
    for (const track of TRACKS) {
      for (const actor of [dispatcher, handler, leaderA]) expectFail(attemptOn(open(track), 'supervise', actor, { reason: 'x' }), 'FORBIDDEN');
      expectFail(attemptOn(open(track), 'supervise', supervisor), 'INVALID_TRANSITION_INPUT');
    }
  });

  for (const track of TRACKS) {
    it(`§3 ${track}: the lead unit answers a supervision notice in writing`, () => {
      const d = expectOk(attemptOn(open(track), 'answer_supervision', leaderA, { reason: '已于本周完成整改' }));
      assert.deepEqual([d.to, d.event.payload, d.event.reason], ['handling', { answer: '已于本周完成整改' }, '已于本周完成整改']);
      expectFail(attemptOn(open(track), 'answer_supervision', handler), 'INVALID_TRANSITION_INPUT');
      expectFail(attemptOn(open(track), 'answer_supervision', actorOf('handler', 'station-1'), { reason: 'x' }), 'FORBIDDEN');
      expectFail(attemptOn(open(track), 'answer_supervision', supervisor, { reason: 'x' }), 'FORBIDDEN');
    });
  }
});

describe('§2 escalation (提级)', () => {
  for (const track of TRACKS) {
    it(`§2 ${track}: escalate to an upper unit makes it lead and the former lead a co-unit`, () => {
      const s = open(track, { leadUnitId: 'dept-a-sub' });
      const d = expectOk(attemptOn(s, 'escalate', supervisor, { leadUnitId: 'dept-a', reason: '疑难，提级协调' }));
      assert.deepEqual([d.to, d.patch.escalated, d.patch.leadUnitId, d.patch.coUnitIds], ['handling', true, 'dept-a', ['station-1', 'dept-a-sub']]);
      assert.deepEqual(d.assign, { units: [{ unitId: 'dept-a', role: 'lead' }, { unitId: 'dept-a-sub', role: 'co' }], endPrevious: false });
      assert.deepEqual(d.event.payload, { toUnitId: 'dept-a', fromUnitId: 'dept-a-sub' });
      // The lead unit itself may escalate upwards (提级 request) too.
      assert.equal(expectOk(attemptOn(s, 'escalate', actorOf('handler', 'dept-a-sub'), { leadUnitId: 'centre', reason: 'r' })).patch.leadUnitId, 'centre');
    });

    it(`§2 ${track}: escalation goes up the tree only`, () => {
      const s = open(track, { leadUnitId: 'dept-a-sub' });
      for (const leadUnitId of ['dept-a-sub', 'dept-b', 'station-1', 'street-1']) {
        assert.equal(expectFail(attemptOn(s, 'escalate', supervisor, { leadUnitId, reason: 'r' }), 'INVALID_TRANSITION_INPUT').field, 'leadUnitId', leadUnitId);
      }
    });

    it(`§2 ${track}: plain escalation flags the appeal for the upper unit without moving it`, () => {
      const d = expectOk(attemptOn(open(track), 'escalate', handler, { reason: '需上级协调' }));
      assert.deepEqual([d.to, d.patch, d.assign], ['handling', { escalated: true }, null]);
    });
  }
});

describe('§2 joint meeting (联席会议)', () => {
  for (const track of TRACKS) {
    it(`§2 ${track}: joint_meeting with a lead unit reassigns the appeal`, () => {
      const d = expectOk(attemptOn(open(track, { unitsPassed: 2 }), 'joint_meeting', supervisor, { meetingId: 'mtg-7', reason: '会议明确由街道牵头', leadUnitId: 'street-1' }));
      assert.deepEqual([d.to, d.patch.leadUnitId, d.patch.coUnitIds, d.patch.unitsPassed], ['handling', 'street-1', ['station-1'], 3]);
      assert.deepEqual(d.assign, { units: [{ unitId: 'street-1', role: 'lead' }, { unitId: 'station-1', role: 'co' }], endPrevious: true });
      assert.deepEqual(d.event.payload, { meetingId: 'mtg-7', decisions: '会议明确由街道牵头', leadUnitId: 'street-1', coUnitIds: ['station-1'] });
      // Named co-units replace the old ones, and the new lead never stays a co-unit.
      const withCo = expectOk(attemptOn(open(track), 'joint_meeting', dispatcher, { meetingId: 'm', reason: 'r', leadUnitId: 'station-1', coUnitIds: ['station-1', 'dept-a'] }));
      assert.deepEqual([withCo.patch.leadUnitId, withCo.patch.coUnitIds], ['station-1', ['dept-a']]);
    });

    it(`§2 ${track}: a joint meeting without a new lead only records its decisions`, () => {
      for (const leadUnitId of [undefined, 'dept-a']) {
        const d = expectOk(attemptOn(open(track), 'joint_meeting', supervisor, { meetingId: 'mtg-7', reason: '各单位按职责配合', leadUnitId }));
        assert.deepEqual([d.patch, d.assign, d.event.payload.leadUnitId], [{}, null, leadUnitId ?? null]);
      }
      expectFail(attemptOn(open(track), 'joint_meeting', supervisor, { reason: 'r' }), 'INVALID_TRANSITION_INPUT');
      expectFail(attemptOn(open(track), 'joint_meeting', supervisor, { meetingId: 'm', reason: 'r', leadUnitId: 'ghost' }), 'UNKNOWN_UNIT');
      expectFail(attemptOn(open(track), 'joint_meeting', leaderA, { meetingId: 'm', reason: 'r' }), 'FORBIDDEN');
    });
  }
});

describe('§5 overdue bulletin (超期通报)', () => {
  for (const track of TRACKS) {
    it(`§5 ${track}: the overdue bulletin is flagged by the system role (supervisor at the owner; the API never sends SYSTEM_ACTIONS)`, () => {
      const d = expectOk(attemptOn(open(track), 'flag_bulletin', systemActor, { reason: '超期5个工作日' }));
      assert.deepEqual([d.to, d.event.payload, d.event.visibility], ['handling', { bulletin: true }, 'internal']);
      for (const actor of [dispatcher, handler, leaderA]) expectFail(attemptOn(open(track), 'flag_bulletin', actor, { reason: 'x' }), 'FORBIDDEN');
    });
  }
});

describe('§5 automatic escalation of overdue clocks', () => {
  const schedule = (dueIso: string, settings = DEFAULT_SETTINGS) => supervisionSchedule(calendar, at(dueIso), settings);

  it('§5 supervision notice (督办) the working day after overdue, at the start of work', () => {
    for (const [due, notice] of [
      ['2026-11-25T12:00:00+08:00', '2026-11-26T08:30:00+08:00'], // Wednesday → Thursday
      ['2026-11-27T17:30:00+08:00', '2026-11-30T08:30:00+08:00'], // Friday → Monday
      ['2026-09-30T17:30:00+08:00', '2026-10-08T08:30:00+08:00'], // before National Day → first working day after it
    ] as const) sameInstant(schedule(due).noticeAt, notice, due);
    sameInstant(nextWorkingDayStart(calendar, at('2026-11-28T10:00:00+08:00'), DEFAULT_SETTINGS), '2026-11-30T08:30:00+08:00', 'from a Saturday');
  });

  it('§5 overdue appeals go into the bulletin 5 more working days after the notice (configurable)', () => {
    const s = schedule('2026-11-27T17:30:00+08:00');
    assert.equal(DEFAULT_SETTINGS.supervision.bulletinAfterWorkingDays, 5);
    sameInstant(s.bulletinAfterNotice(s.noticeAt), '2026-12-07T17:30:00+08:00');
    const three = schedule('2026-11-27T17:30:00+08:00', resolveSettings({ supervision: { bulletinAfterWorkingDays: 3 } }));
    sameInstant(three.bulletinAfterNotice(three.noticeAt), '2026-12-03T17:30:00+08:00');
  });

  it('§5 a calendar-day clock due at midnight is overdue from its last day: the notice comes the next working day', () => {
    // A 信访 clock whose last day is Monday 23 Nov is due at Tuesday 00:00; the working day after the overdue day is Tuesday.
    sameInstant(schedule('2026-11-24T00:00:00+08:00').noticeAt, '2026-11-24T08:30:00+08:00');
  });
});
