import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRoster, createWorkCalendar, diaryCompliance, expandRecurrence, isValidRecurrence, receptionCoverage, shiftsOnDuty, visitDateOf } from '../src';

const cal = createWorkCalendar();
const shift = (id: string, from: string, to: string, a: string, b: string | null) => ({ id, post: id, startsAt: new Date(from), endsAt: new Date(to), aUserId: a, bUserId: b });

describe('registry rules', () => {
  it('roster: a named, distinct B for every post; nobody on two overlapping posts', () => {
    const problems = checkRoster([
      shift('s1', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z', 'ann', 'bob'),
      shift('s2', '2026-12-01T06:00:00Z', '2026-12-01T12:00:00Z', 'cat', 'ann'),
      shift('s3', '2026-12-01T08:00:00Z', '2026-12-01T16:00:00Z', 'bob', null),
      shift('s4', '2026-12-02T08:00:00Z', '2026-12-02T16:00:00Z', 'dan', 'dan'),
    ]);
    assert.deepEqual(problems, [
      { kind: 'missing_backup', shiftId: 's3' },
      { kind: 'same_person_ab', shiftId: 's4', userId: 'dan' },
      { kind: 'overlap', shiftId: 's1', otherShiftId: 's2', userId: 'ann' },
    ]);
    assert.deepEqual(shiftsOnDuty([shift('s1', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z', 'a', 'b')], new Date('2026-12-01T08:00:00Z')), [], 'the end is exclusive');
  });

  it('recurrence: first Tuesday, last Friday, Saturdays, working days with 调休', () => {
    assert.deepEqual(expandRecurrence({ freq: 'monthly', nth: 1, weekday: 2 }, '2026-11-01', '2027-01-31', () => true), ['2026-11-03', '2026-12-01', '2027-01-05']);
    assert.deepEqual(expandRecurrence({ freq: 'monthly', nth: -1, weekday: 5 }, '2026-11-01', '2026-12-31', () => true), ['2026-11-27', '2026-12-25']);
    assert.deepEqual(expandRecurrence({ freq: 'weekly', weekday: 6 }, '2026-11-01', '2026-11-15', () => true), ['2026-11-07', '2026-11-14']);
    const oct = expandRecurrence({ freq: 'working_days' }, '2026-09-28', '2026-10-11', (d) => cal.isWorkingDay(d));
    assert.deepEqual(oct, ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'], 'National Day off, Saturday 10-10 worked');
    assert.equal(isValidRecurrence({ freq: 'monthly', nth: 0, weekday: 2 }), false);
    assert.equal(isValidRecurrence({ freq: 'weekly', weekday: 7 }), false);
  });

  it('reception coverage: uncovered working days and leaders below the monthly minimum', () => {
    const c = receptionCoverage('2026-10', [{ leaderName: '甲', date: '2026-10-09' }, { leaderName: '甲', date: '2026-10-12' }, { leaderName: '甲', date: '2026-10-03' }], ['甲', '乙'], (d) => cal.isWorkingDay(d), 1);
    assert.equal(c.workingDays, 18);
    assert.equal(c.coveredDays, 2);
    assert.ok(!c.uncoveredDays.includes('2026-10-09') && c.uncoveredDays.includes('2026-10-10'));
    assert.deepEqual(c.leaders, [{ leaderName: '乙', receptions: 0, compliant: false }, { leaderName: '甲', receptions: 3, compliant: true }]);
  });

  it('diary compliance: entries per leader in the month, the visit day clamped to the month', () => {
    assert.equal(visitDateOf('2027-02', 30), '2027-02-28');
    const r = diaryCompliance('2026-11', [{ userId: 'a', name: '甲', unitId: null }, { userId: 'b', name: '乙', unitId: null }],
      [{ authorUserId: 'a', visitDate: '2026-11-28' }, { authorUserId: 'b', visitDate: '2026-10-28' }], { minEntries: 1, visitDay: 28 });
    assert.deepEqual(r.rows.map((x) => [x.userId, x.entries, x.visitedOnVisitDay, x.compliant]), [['b', 0, false, false], ['a', 1, true, true]]);
    assert.equal(r.rate, 0.5);
    assert.equal(diaryCompliance('2026-11', [], [], { minEntries: 1, visitDay: 28 }).rate, null);
  });
});
