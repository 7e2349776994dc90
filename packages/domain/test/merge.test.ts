/** 并单 (DOMAIN.md §2, 国办函〔2025〕66号; §4 same-content proposals): merge, unmerge, follow the master. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TRACKS } from '@minsheng/contracts';
import type { AppealStatus, Track } from '@minsheng/contracts';
import type { AppealSnapshot, MasterFacts } from '../src';
import {
  actorOf, at, attemptOn, callbackAgent, masterFacts, clockOf, dispatcher, expectFail, expectOk, NOW, replyRecord, ruleOf, runningClock, runningClocks, sameInstant,
  snapshotFor, step, systemActor,
} from './fixtures';

/** Where a duplicate is merged from, per track: after acceptance on the hotline, at registration elsewhere. */
const INTAKE: Record<Track, AppealStatus> = { hotline: 'accepted', petition: 'registered', proposal: 'registered' };
/** The first state of a master that has its answer out: once there, an unmerge is too late. */
const REPLIED: Record<Track, AppealStatus[]> = {
  hotline: ['reply_review', 'closure_review', 'callback', 'closed', 'referred', 'rejected'],
  petition: ['reply_review', 'answered', 'under_review', 'reviewed', 'under_rereview', 'closed', 'referred', 'rejected'],
  proposal: ['reply_review', 'answered', 'closed', 'rejected'],
};
const NOT_YET: Record<Track, AppealStatus[]> = {
  hotline: ['registered', 'accepted', 'dispatched', 'handling', 'suspended', 'return_requested'],
  petition: ['registered', 'dispatched', 'handling', 'return_requested'],
  proposal: ['registered', 'handling', 'return_requested'],
};

const master = (track: Track, status: AppealStatus): MasterFacts => masterFacts({ status, reply: replyRecord(track, '主单答复') });
const merged = (track: Track, status: AppealStatus, extra: Partial<AppealSnapshot> = {}): AppealSnapshot =>
  snapshotFor('merged', 'follow_master', { master: master(track, status), ...extra }, track);

describe('§2 merge (并单)', () => {
  for (const track of TRACKS) {
    it(`§2 ${track}: a duplicate attaches to its master; its own clocks stop`, () => {
      const s = snapshotFor(INTAKE[track], 'merge', { clocks: [runningClock('triage', 15, 'calendar_days', NOW)] }, track);
      const { s: next, d } = step(s, 'merge', dispatcher, { masterId: 'm-1' }, at('2026-11-23T11:00:00+08:00'));
      assert.deepEqual([next.status, d.patch.masterId, d.patch.outcome, d.event.payload], ['merged', 'm-1', { type: 'merged', masterId: 'm-1' }, { masterId: 'm-1' }]);
      assert.deepEqual(runningClocks(next), []);
      assert.equal(expectFail(attemptOn(s, 'merge', dispatcher, { masterId: s.id }), 'INVALID_TRANSITION_INPUT').field, 'masterId');
      expectFail(attemptOn(s, 'merge', callbackAgent, { masterId: 'm-1' }), 'FORBIDDEN');
    });
  }
});

describe('§2 unmerge (取消并单)', () => {
  for (const track of TRACKS) {
    it(`§2 ${track}: unmerge refused once the master is replied (MASTER_REPLIED)`, () => {
      for (const status of REPLIED[track]) {
        const s = snapshotFor('merged', 'unmerge', { master: master(track, status) }, track);
        assert.equal(expectFail(attemptOn(s, 'unmerge', dispatcher, { reason: '并错了' }), 'MASTER_REPLIED').masterStatus, status, status);
      }
    });

    it(`§2 ${track}: before the master's reply, unmerge returns the appeal to intake and forgets the master`, () => {
      for (const status of NOT_YET[track]) {
        const s = snapshotFor('merged', 'unmerge', { master: masterFacts({ status }) }, track);
        const d = expectOk(attemptOn(s, 'unmerge', dispatcher, { reason: '并错了' }));
        assert.deepEqual([d.to, d.patch.masterId, d.patch.outcome], [INTAKE[track], null, { type: 'unmerged', masterId: 'm-1' }], status);
      }
      const s = snapshotFor('merged', 'unmerge', {}, track);
      expectFail(attemptOn(s, 'unmerge', dispatcher), 'INVALID_TRANSITION_INPUT');
    });
  }
});

describe('§2 a merged appeal follows its master', () => {
  it('§2 merged appeal follows its master into callback with the master\'s reply and its own callback clock', () => {
    const s = merged('hotline', 'callback', { clocks: [{ ...runningClock('sign_for', 2, 'working_hours', NOW), stoppedAt: NOW }] });
    const when = at('2026-11-24T10:00:00+08:00');
    const { s: next, d } = step(s, 'follow_master', systemActor, {}, when);
    assert.deepEqual([next.status, d.actorRole, d.event.visibility], ['callback', 'supervisor', 'public']);
    assert.deepEqual(next.reply, replyRecord('hotline', '主单答复'), 'the result and reply reach every citizen of the group');
    assert.notEqual(next.reply, s.master!.reply, 'a copy, not the master\'s record');
    assert.deepEqual(d.patch.outcome, { type: 'followed_master', masterId: 'm-1', masterStatus: 'callback' });
    assert.deepEqual(d.event.payload, { masterId: 'm-1', result: 'solved', leadUnitId: 'dept-a' });
    // The master's units answered for the group: the follower is theirs too (for its redo, and to read it).
    assert.deepEqual([next.leadUnitId, next.coUnitIds], ['dept-a', []]);
    assert.deepEqual(d.assign, { units: [{ unitId: 'dept-a', role: 'lead' }], endPrevious: true });
    const cb = clockOf(next, 'callback');
    sameInstant(cb.startedAt, '2026-11-24T10:00:00+08:00');
    sameInstant(cb.dueAt, '2026-11-26T17:30:00+08:00', 'each citizen is called back within 2 working days');
    assert.equal(d.patch.closedAt, undefined);
    // The merged citizen's own callback then closes the merged appeal like any other.
    const called = step(next, 'callback', callbackAgent, { satisfaction: 'satisfied', contacted: true, solved: true }, at('2026-11-25T10:00:00+08:00'));
    assert.equal(step(called.s, 'close', callbackAgent, {}, at('2026-11-25T10:05:00+08:00')).s.status, 'closed');
  });

  it('§4 merged proposals are answered separately: each follows into answered with its own feedback clock', () => {
    const { s, d } = step(merged('proposal', 'answered'), 'follow_master', systemActor, {}, at('2026-11-24T10:00:00+08:00'));
    assert.deepEqual([s.status, s.reply?.result, d.event.payload.result], ['answered', 'A', 'A']);
    assert.deepEqual(runningClocks(s), ['feedback']);
    sameInstant(clockOf(s, 'feedback').startedAt, '2026-11-24T10:00:00+08:00');
  });

  it('§3 a merged petition follows into answered with its own 30-day window for 复查', () => {
    const { s } = step(merged('petition', 'answered'), 'follow_master', systemActor, {}, at('2026-11-24T10:00:00+08:00'));
    assert.deepEqual([s.status, runningClocks(s)], ['answered', ['review_window']]);
    sameInstant(clockOf(s, 'review_window').dueAt, '2026-12-25T00:00:00+08:00');
  });

  for (const track of TRACKS) {
    const alt = ruleOf(track, 'follow_master').alt!;

    it(`§2 ${track}: follow_master needs a master in one of ${alt.join('/')}`, () => {
      expectFail(attemptOn(snapshotFor('merged', 'follow_master', { master: null }, track), 'follow_master', systemActor), 'ILLEGAL_TRANSITION');
      for (const status of ['registered', 'handling', 'reply_review', 'merged'] as const) {
        const details = expectFail(attemptOn(merged(track, status), 'follow_master', systemActor), 'ILLEGAL_TRANSITION');
        assert.deepEqual(details.allowedActions, [], status);
      }
      for (const status of alt) assert.equal(expectOk(attemptOn(merged(track, status), 'follow_master', systemActor)).to, status);
    });

    it(`§2 ${track}: a master that ended (closed, referred, rejected) ends its merged appeals with it`, () => {
      for (const status of alt.filter((s) => s === 'closed' || s === 'referred' || s === 'rejected')) {
        const { s, d } = step(merged(track, status), 'follow_master', systemActor, {}, at('2026-11-24T10:00:00+08:00'));
        sameInstant(d.patch.closedAt, '2026-11-24T10:00:00+08:00', status);
        assert.deepEqual(runningClocks(s), [], status);
      }
    });

    it(`§2 ${track}: only the system role (supervisor at the owner) moves a merged appeal after its master`, () => {
      expectFail(attemptOn(merged(track, alt[0]!), 'follow_master', dispatcher), 'FORBIDDEN');
    });
  }

  it('§2 a follower redone after a dissatisfied callback goes back to the master\'s units', () => {
    const m = masterFacts({ status: 'callback', reply: replyRecord('hotline', '主单答复'), leadUnitId: 'dept-a-sub', coUnitIds: ['station-1', 'dept-a-sub'] });
    const followed = step(merged('hotline', 'callback', { master: m }), 'follow_master', systemActor, {}, at('2026-11-24T10:00:00+08:00'));
    assert.deepEqual([followed.s.leadUnitId, followed.s.coUnitIds], ['dept-a-sub', ['station-1']], 'the lead is not also a co-unit');
    const redone = step(followed.s, 'redo', callbackAgent, { reason: '不满意' }, at('2026-11-25T10:00:00+08:00'));
    assert.deepEqual([redone.s.status, redone.s.leadUnitId, redone.s.redoCount], ['handling', 'dept-a-sub', 1]);
    expectOk(attemptOn(redone.s, 'reply', actorOf('handler', 'dept-a-sub'), { reply: { text: '重办完成', result: 'solved' } }));
  });

  it('§3/§8 a follower that accuses a unit never goes to it through its master', () => {
    const m = masterFacts({ status: 'callback', reply: replyRecord('hotline'), leadUnitId: 'dept-a', coUnitIds: ['dept-b'] });
    const r = attemptOn(merged('hotline', 'callback', { master: m, accusedUnitId: 'dept-a' }), 'follow_master', systemActor);
    if (r.ok) {
      assert.notEqual(r.decision.patch.leadUnitId, 'dept-a');
      assert.ok(!(r.decision.assign?.units ?? []).some((u) => u.unitId === 'dept-a'));
    }
  });
});
