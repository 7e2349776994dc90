import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createWorkCalendar } from '../src/calendar';

const cal = createWorkCalendar();
const t = (iso: string): Date => new Date(iso);
/** Compare instants by ISO string so failures print readable times. */
const same = (actual: Date, expectedIso: string): void =>
  assert.equal(actual.toISOString(), new Date(expectedIso).toISOString());

describe('day rules', () => {
  it('follows the official 2026 National Day calendar', () => {
    for (let d = 1; d <= 7; d++) assert.equal(cal.isWorkingDay(`2026-10-0${d}`), false, `2026-10-0${d}`);
    assert.deepEqual(cal.dayInfo('2026-10-03'), { date: '2026-10-03', working: false, reason: 'holiday', name: '国庆节' });
    assert.deepEqual(cal.dayInfo('2026-10-10'), { date: '2026-10-10', working: true, reason: 'makeup_workday', name: '国庆节' });
    assert.equal(cal.isWorkingDay('2026-09-20'), true, 'Sunday 调休 workday');
    assert.equal(cal.isWorkingDay('2026-10-08'), true);
    assert.deepEqual(cal.dayInfo('2026-10-17'), { date: '2026-10-17', working: false, reason: 'weekend' });
    assert.deepEqual(cal.dayInfo('2026-10-16'), { date: '2026-10-16', working: true, reason: 'weekday' });
    assert.equal(cal.dayInfo('2026-09-25').reason, 'holiday', 'Mid-Autumn Friday');
  });

  it('lets jurisdiction overrides win over weekdays, weekends and the official calendar', () => {
    const local = createWorkCalendar({
      overrides: [
        { date: '2026-10-14', kind: 'holiday', name: '地方假日' },
        { date: '2026-10-17', kind: 'workday' },
        { date: '2026-10-10', kind: 'holiday' },
        { date: '2026-10-05', kind: 'workday', name: '值班' },
      ],
    });
    assert.deepEqual(local.dayInfo('2026-10-14'), { date: '2026-10-14', working: false, reason: 'override_holiday', name: '地方假日' });
    assert.deepEqual(local.dayInfo('2026-10-17'), { date: '2026-10-17', working: true, reason: 'override_workday' });
    assert.equal(local.isWorkingDay('2026-10-10'), false);
    assert.equal(local.dayInfo('2026-10-05').reason, 'override_workday');
    assert.equal(cal.isWorkingDay('2026-10-14'), true, 'other calendars are unaffected');
  });

  it('rejects malformed and impossible dates', () => {
    assert.throws(() => cal.isWorkingDay('2026-02-30'), RangeError);
    assert.throws(() => cal.isWorkingDay('20261001'), RangeError);
    assert.throws(() => createWorkCalendar({ overrides: [{ date: '2026-13-01', kind: 'holiday' }] }), RangeError);
  });

  it('gives the local date of an instant', () => {
    assert.equal(cal.localDate(t('2026-09-30T16:30:00Z')), '2026-10-01');
    assert.equal(cal.localDate(t('2026-09-30T15:59:59Z')), '2026-09-30');
  });
});

describe('addDuration', () => {
  it('counts working_days from the day after receipt, across National Day', () => {
    const received = t('2026-09-30T10:00:00+08:00');
    same(cal.addDuration(received, 1, 'working_days'), '2026-10-08T17:30:00+08:00');
    same(cal.addDuration(received, 2, 'working_days'), '2026-10-09T17:30:00+08:00');
    same(cal.addDuration(received, 3, 'working_days'), '2026-10-10T17:30:00+08:00');
    same(cal.addDuration(received, 0, 'working_days'), '2026-09-30T17:30:00+08:00');
    same(cal.addDuration(t('2026-10-03T10:00:00+08:00'), 0, 'working_days'), '2026-10-08T17:30:00+08:00');
    same(cal.addDuration(t('2026-10-17T10:00:00+08:00'), 1, 'working_days'), '2026-10-19T17:30:00+08:00');
    // Received late in the evening still counts that day as the receipt day.
    same(cal.addDuration(t('2026-10-12T23:59:00+08:00'), 1, 'working_days'), '2026-10-13T17:30:00+08:00');
  });

  it('consumes working_hours inside the windows', () => {
    const cases: Array<[string, number, string]> = [
      ['2026-10-12T11:00:00+08:00', 2, '2026-10-12T14:30:00+08:00'], // over lunch
      ['2026-10-12T17:00:00+08:00', 1, '2026-10-13T09:00:00+08:00'], // overnight
      ['2026-10-16T16:30:00+08:00', 2, '2026-10-19T09:30:00+08:00'], // over a weekend
      ['2026-09-30T17:00:00+08:00', 1, '2026-10-08T09:00:00+08:00'], // over National Day
      ['2026-10-12T07:00:00+08:00', 1, '2026-10-12T09:30:00+08:00'], // before opening
      ['2026-10-12T12:30:00+08:00', 1, '2026-10-12T14:30:00+08:00'], // during lunch
      ['2026-10-17T10:00:00+08:00', 1, '2026-10-19T09:30:00+08:00'], // on a Saturday
      ['2026-10-10T07:00:00+08:00', 8, '2026-10-12T09:00:00+08:00'], // 调休 Saturday works 7.5h
      ['2026-10-12T16:30:00+08:00', 1, '2026-10-12T17:30:00+08:00'], // ends exactly at closing
      ['2026-10-12T11:45:00+08:00', 0.5, '2026-10-12T13:45:00+08:00'], // fractional
    ];
    for (const [start, hours, due] of cases) same(cal.addDuration(t(start), hours, 'working_hours'), due);
    same(cal.addDuration(t('2026-10-17T10:00:00+08:00'), 0, 'working_hours'), '2026-10-17T10:00:00+08:00');
  });

  it('adds minutes and hours as plain elapsed time, holidays included', () => {
    same(cal.addDuration(t('2026-10-01T10:00:00+08:00'), 90, 'minutes'), '2026-10-01T11:30:00+08:00');
    same(cal.addDuration(t('2026-10-01T10:00:00+08:00'), 24, 'hours'), '2026-10-02T10:00:00+08:00');
    same(cal.addDuration(t('2026-10-01T10:00:00+08:00'), 1.5, 'hours'), '2026-10-01T11:30:00+08:00');
  });

  it('ends calendar_days at the local midnight after the Nth day', () => {
    same(cal.addDuration(t('2026-09-30T10:00:00+08:00'), 3, 'calendar_days'), '2026-10-04T00:00:00+08:00');
    same(cal.addDuration(t('2026-09-30T10:00:00+08:00'), 0, 'calendar_days'), '2026-10-01T00:00:00+08:00');
    // 16:30Z is already 10-01 locally.
    same(cal.addDuration(t('2026-09-30T16:30:00Z'), 1, 'calendar_days'), '2026-10-03T00:00:00+08:00');
  });

  it('ends months on the same day-of-month, clamped to month end', () => {
    same(cal.addDuration(t('2026-01-31T09:00:00+08:00'), 1, 'months'), '2026-03-01T00:00:00+08:00');
    assert.equal(cal.localDate(new Date(cal.addDuration(t('2026-01-31T09:00:00+08:00'), 1, 'months').getTime() - 1)), '2026-02-28');
    same(cal.addDuration(t('2026-01-15T09:00:00+08:00'), 1, 'months'), '2026-02-16T00:00:00+08:00');
    same(cal.addDuration(t('2026-11-30T09:00:00+08:00'), 3, 'months'), '2027-03-01T00:00:00+08:00');
    same(cal.addDuration(t('2026-12-15T09:00:00+08:00'), 2, 'months'), '2027-02-16T00:00:00+08:00');
    same(cal.addDuration(t('2027-12-31T09:00:00+08:00'), 2, 'months'), '2028-03-01T00:00:00+08:00'); // leap 02-29
    same(cal.addDuration(t('2026-05-20T09:00:00+08:00'), 12, 'months'), '2027-05-21T00:00:00+08:00');
  });

  it('rejects negative, NaN, infinite and fractional day amounts', () => {
    const s = t('2026-10-12T10:00:00+08:00');
    assert.throws(() => cal.addDuration(s, -1, 'minutes'), RangeError);
    assert.throws(() => cal.addDuration(s, Number.NaN, 'working_hours'), RangeError);
    assert.throws(() => cal.addDuration(s, Number.POSITIVE_INFINITY, 'hours'), RangeError);
    assert.throws(() => cal.addDuration(s, 1.5, 'working_days'), RangeError);
    assert.throws(() => cal.addDuration(s, 0.5, 'months'), RangeError);
    assert.throws(() => cal.addDuration(new Date(Number.NaN), 1, 'hours'), RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only time inside working windows of working days', () => {
    assert.equal(cal.workingMinutesBetween(t('2026-10-16T16:30:00+08:00'), t('2026-10-19T09:30:00+08:00')), 120);
    assert.equal(cal.workingMinutesBetween(t('2026-10-12T08:00:00+08:00'), t('2026-10-12T18:00:00+08:00')), 450);
    assert.equal(cal.workingMinutesBetween(t('2026-09-30T08:30:00+08:00'), t('2026-10-08T08:30:00+08:00')), 450);
    assert.equal(cal.workingMinutesBetween(t('2026-10-12T00:00:00+08:00'), t('2026-10-19T00:00:00+08:00')), 5 * 450);
    assert.equal(cal.workingMinutesBetween(t('2026-10-12T12:00:00+08:00'), t('2026-10-12T13:30:00+08:00')), 0);
    assert.equal(cal.workingMinutesBetween(t('2026-10-13T10:00:00+08:00'), t('2026-10-12T10:00:00+08:00')), 0);
  });

  it('agrees with addDuration for any working_hours amount (property)', () => {
    const base = t('2026-01-01T00:00:00+08:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: 1, max: 200 * 60 }), (offsetMin, minutes) => {
        const start = new Date(base + offsetMin * 60_000);
        const due = cal.addDuration(start, minutes / 60, 'working_hours');
        return Math.abs(cal.workingMinutesBetween(start, due) - minutes) < 1e-6;
      }),
      { numRuns: 300 },
    );
  });
});

describe('elapsedFraction and light', () => {
  const start = t('2026-10-12T08:30:00+08:00');
  const due = cal.addDuration(start, 4, 'working_hours');

  it('uses working time for working units', () => {
    same(due, '2026-10-12T14:00:00+08:00');
    assert.equal(cal.elapsedFraction(start, due, t('2026-10-12T11:30:00+08:00'), 'working_hours'), 0.75);
    assert.equal(cal.elapsedFraction(start, due, t('2026-10-12T12:30:00+08:00'), 'working_hours'), 0.875, 'lunch does not count');
    assert.equal(cal.elapsedFraction(start, due, t('2026-10-12T07:00:00+08:00'), 'working_hours'), 0);
    assert.ok(cal.elapsedFraction(start, due, t('2026-10-12T15:00:00+08:00'), 'working_hours') > 1);
    // Five calendar days into a working_days clock over National Day, less than half is used.
    const received = t('2026-09-30T10:00:00+08:00');
    const wdDue = cal.addDuration(received, 1, 'working_days');
    assert.equal(cal.elapsedFraction(received, wdDue, t('2026-10-05T12:00:00+08:00'), 'working_days'), 360 / 810);
  });

  it('uses wall time for other units and handles zero-length clocks', () => {
    const s = t('2026-10-17T10:00:00+08:00');
    const d = cal.addDuration(s, 4, 'hours');
    assert.equal(cal.elapsedFraction(s, d, t('2026-10-17T13:00:00+08:00'), 'hours'), 0.75);
    assert.equal(cal.elapsedFraction(s, s, t('2026-10-17T09:00:00+08:00'), 'hours'), 0);
    assert.equal(cal.elapsedFraction(s, s, s, 'hours'), 1);
  });

  it('§5 yellow at 75% of a clock, red only after due', () => {
    assert.equal(cal.light(start, due, t('2026-10-12T11:29:00+08:00'), 'working_hours', 0.75), 'green');
    assert.equal(cal.light(start, due, t('2026-10-12T11:30:00+08:00'), 'working_hours', 0.75), 'yellow');
    assert.equal(cal.light(start, due, t('2026-10-12T14:00:00+08:00'), 'working_hours', 0.75), 'yellow');
    assert.equal(cal.light(start, due, t('2026-10-12T14:00:01+08:00'), 'working_hours', 0.75), 'red');
  });
});

describe('suspension budget', () => {
  it('pauses a working clock over a weekend', () => {
    const start = t('2026-10-15T09:00:00+08:00');
    const due = cal.addDuration(start, 16, 'working_hours');
    same(due, '2026-10-19T10:00:00+08:00');
    const budget = cal.remainingBudget(due, t('2026-10-16T12:00:00+08:00'), 'working_hours');
    assert.deepEqual(budget, { minutes: 240 + 90, working: true });
    same(cal.resumeDue(budget, t('2026-10-20T15:00:00+08:00')), '2026-10-21T11:30:00+08:00');
  });

  it('pauses a wall-clock clock', () => {
    const budget = cal.remainingBudget(t('2026-10-16T18:00:00+08:00'), t('2026-10-16T12:00:00+08:00'), 'hours');
    assert.deepEqual(budget, { minutes: 360, working: false });
    same(cal.resumeDue(budget, t('2026-10-19T09:00:00+08:00')), '2026-10-19T15:00:00+08:00');
  });

  it('keeps an overdue clock overdue', () => {
    const due = t('2026-10-16T10:00:00+08:00');
    const budget = cal.remainingBudget(due, t('2026-10-16T11:00:00+08:00'), 'working_days');
    assert.deepEqual(budget, { minutes: -60, working: true });
    const resumed = cal.resumeDue(budget, t('2026-10-19T09:00:00+08:00'));
    same(resumed, '2026-10-19T09:00:00+08:00');
    assert.equal(cal.light(t('2026-10-12T09:00:00+08:00'), resumed, t('2026-10-19T09:01:00+08:00'), 'working_days', 0.75), 'red');
    assert.equal(cal.remainingBudget(due, t('2026-10-16T12:00:00+08:00'), 'minutes').minutes, -120);
    // An overrun entirely outside working hours has no working minutes to report.
    assert.equal(cal.remainingBudget(t('2026-10-16T17:30:00+08:00'), t('2026-10-16T18:00:00+08:00'), 'working_hours').minutes, 0);
    assert.throws(() => cal.resumeDue({ minutes: Number.POSITIVE_INFINITY, working: true }, due), RangeError);
  });
});

describe('configuration', () => {
  it('supports custom working hours and a non-480 offset', () => {
    const utc = createWorkCalendar({ workingHours: [{ start: '09:00', end: '17:00' }], utcOffsetMinutes: 0 });
    same(utc.addDuration(t('2026-10-12T16:00:00Z'), 2, 'working_hours'), '2026-10-13T10:00:00Z');
    same(utc.addDuration(t('2026-10-12T12:00:00Z'), 1, 'working_days'), '2026-10-13T17:00:00Z');
    same(utc.addDuration(t('2026-10-12T12:00:00Z'), 1, 'calendar_days'), '2026-10-14T00:00:00Z');
    assert.equal(utc.workingMinutesBetween(t('2026-10-12T00:00:00Z'), t('2026-10-13T00:00:00Z')), 480);
    // 2026-10-12T20:00Z is already 10-13 in UTC+8 but still 10-12 in UTC.
    assert.equal(utc.localDate(t('2026-10-12T20:00:00Z')), '2026-10-12');
    assert.equal(cal.localDate(t('2026-10-12T20:00:00Z')), '2026-10-13');
    const west = createWorkCalendar({ utcOffsetMinutes: -300 });
    same(west.addDuration(t('2026-10-12T10:00:00-05:00'), 1, 'working_days'), '2026-10-13T17:30:00-05:00');
  });

  it('accepts injected official data', () => {
    const c = createWorkCalendar({ officialDays: { holidays: { '2026-10-12': 'Test Day,测试日,1' }, workdays: {} } });
    assert.deepEqual(c.dayInfo('2026-10-12'), { date: '2026-10-12', working: false, reason: 'holiday', name: '测试日' });
    assert.equal(c.isWorkingDay('2026-10-01'), true, 'only the injected data applies');
    assert.equal(c.isWorkingDay('2026-10-10'), false);
  });

  it('rejects invalid configuration', () => {
    assert.throws(() => createWorkCalendar({ workingHours: [] }), RangeError);
    assert.throws(() => createWorkCalendar({ workingHours: [{ start: '9:00', end: '17:00' }] }), RangeError);
    assert.throws(() => createWorkCalendar({ workingHours: [{ start: '13:00', end: '12:00' }] }), RangeError);
    assert.throws(() => createWorkCalendar({ workingHours: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }] }), RangeError);
    assert.throws(() => createWorkCalendar({ utcOffsetMinutes: 480.5 }), RangeError);
  });
});
