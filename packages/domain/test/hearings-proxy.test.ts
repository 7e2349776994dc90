import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canPublishHearing, createWorkCalendar, decideHearing, decideProxy, earliestHearingDate, proxyDueAt, proxyLight } from '../src';
import type { HearingFacts } from '../src';

const cal = createWorkCalendar();
const now = new Date('2026-12-01T02:00:00Z');
const draft: HearingFacts = { status: 'draft', scheduledAt: new Date('2026-12-20T01:00:00Z'), minNoticeDays: 10, notice: '定于 12 月 20 日举行听证会', residentCount: 3, enterpriseCount: 1 };

describe('hearing workflow (听证会)', () => {
  it('announces only with a notice, enough notice days and resident representatives', () => {
    assert.deepEqual(decideHearing(draft, { action: 'announce', now }), { ok: true, next: 'announced' });
    const late = decideHearing({ ...draft, scheduledAt: new Date('2026-12-05T01:00:00Z') }, { action: 'announce', now });
    assert.equal(late.ok, false);
    assert.ok(!late.ok && late.refusal.code === 'NOTICE_TOO_SHORT' && late.refusal.earliest.getTime() === earliestHearingDate(now, 10).getTime());
    assert.deepEqual(decideHearing({ ...draft, notice: '  ' }, { action: 'announce', now }), { ok: false, refusal: { code: 'INVALID_TRANSITION_INPUT', field: 'notice' } });
    assert.deepEqual(decideHearing({ ...draft, residentCount: 0 }, { action: 'announce', now }), { ok: false, refusal: { code: 'REPRESENTATIVES_REQUIRED', field: 'representatives' } });
  });

  it('holds with minutes and attendance, concludes with an outcome; no skipping states', () => {
    const announced = { ...draft, status: 'announced' as const };
    assert.deepEqual(decideHearing(announced, { action: 'hold', now, minutes: '纪要', attendedCount: 2 }), { ok: true, next: 'held' });
    assert.deepEqual(decideHearing(announced, { action: 'hold', now, minutes: '纪要', attendedCount: 0 }), { ok: false, refusal: { code: 'INVALID_TRANSITION_INPUT', field: 'attendedRepresentativeIds' } });
    assert.deepEqual(decideHearing(announced, { action: 'conclude', now, outcome: '通过' }), { ok: false, refusal: { code: 'ILLEGAL_TRANSITION' } });
    assert.deepEqual(decideHearing({ ...draft, status: 'held' }, { action: 'conclude', now, outcome: '' }), { ok: false, refusal: { code: 'INVALID_TRANSITION_INPUT', field: 'outcome' } });
    assert.deepEqual(decideHearing({ ...draft, status: 'held' }, { action: 'conclude', now, outcome: '采纳' }), { ok: true, next: 'concluded' });
    assert.deepEqual(decideHearing({ ...draft, status: 'held' }, { action: 'cancel', now, reason: 'x' }), { ok: false, refusal: { code: 'ILLEGAL_TRANSITION' } });
    assert.deepEqual(decideHearing(announced, { action: 'cancel', now, reason: '延期' }), { ok: true, next: 'cancelled' });
  });

  it('publishes only once the notice is out', () => {
    assert.equal(canPublishHearing('draft'), false);
    assert.equal(canPublishHearing('announced'), true);
    assert.equal(canPublishHearing('concluded'), true);
  });
});

describe('proxy request (民生事项代办)', () => {
  it('counts the promised working days from the day after acceptance, over holidays and make-up days', () => {
    // 2026-09-30 (Wed) + 3 working days: 10-01..07 are 国庆节, so 10-08, 10-09 and the make-up Saturday 10-10.
    assert.equal(proxyDueAt(cal, new Date('2026-09-30T10:00:00+08:00'), 3).toISOString(), '2026-10-10T09:30:00.000Z');
    // Friday + 3 → Wednesday, end of the working day (17:30 local).
    assert.equal(proxyDueAt(cal, new Date('2026-12-04T10:00:00+08:00'), 3).toISOString(), '2026-12-09T09:30:00.000Z');
  });

  it('pauses the clock while materials are awaited and moves the due date on resume', () => {
    const accepted = new Date('2026-12-01T10:00:00+08:00');
    const dueAt = proxyDueAt(cal, accepted, 5);
    const paused = decideProxy(cal, 'in_progress', { dueAt, paused: null }, 'request_materials', new Date('2026-12-02T10:00:00+08:00'), '缺户口本复印件');
    assert.ok(paused.ok && paused.next === 'awaiting_materials' && paused.clock.dueAt === null && paused.clock.paused);
    const resumed = decideProxy(cal, 'awaiting_materials', paused.clock, 'resume', new Date('2026-12-07T10:00:00+08:00'), undefined);
    assert.ok(resumed.ok && resumed.next === 'in_progress' && resumed.clock.dueAt);
    assert.ok(resumed.clock.dueAt.getTime() > dueAt.getTime(), 'the three paused working days are added back');
    assert.equal(proxyLight(cal, accepted, null, new Date()), 'paused');
  });

  it('refuses illegal steps and closing without a note for the citizen', () => {
    const clock = { dueAt: new Date('2026-12-09T09:30:00Z'), paused: null };
    assert.deepEqual(decideProxy(cal, 'accepted', clock, 'complete', now, '已办好'), { ok: false, code: 'ILLEGAL_TRANSITION' });
    assert.deepEqual(decideProxy(cal, 'in_progress', clock, 'complete', now, ' '), { ok: false, code: 'INVALID_TRANSITION_INPUT', field: 'note' });
    assert.deepEqual(decideProxy(cal, 'completed', clock, 'return', now, 'x'), { ok: false, code: 'ILLEGAL_TRANSITION' });
    const done = decideProxy(cal, 'in_progress', clock, 'complete', now, '证件已办好，请到社区领取');
    assert.ok(done.ok && done.closed && done.next === 'completed');
  });
});
