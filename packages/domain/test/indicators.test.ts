/** DOMAIN.md §7: clock judgement, indicator membership, periods and the assessment (composite, deductions, tiers). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compositeScore, DEFAULT_SETTINGS, INDICATOR_CODES, INDICATORS, indicatorMembers, judgeClockRun, leadUnitAt, rankTiers, resolvePeriod, resolveSettings } from '../src';
import type { AppealFacts, ClockRun, FactEvent, UnitMonth } from '../src';

const t = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+08:00`);
let seq = 0;
const ev = (action: FactEvent['action'], at: Date, payload: FactEvent['payload'] = {}, fromStatus: string | null = null): FactEvent => ({ seq: ++seq, action, at, payload, fromStatus });
const run = (clock: ClockRun['clock'], startedAt: Date, dueAt: Date, stoppedAt: Date | null = null, pausedAt: Date | null = null): ClockRun => ({ clock, startedAt, dueAt, stoppedAt, pausedAt });
const W = DEFAULT_SETTINGS.satisfactionWeights;

describe('§7 the dictionary', () => {
  it('defines every indicator once, with both sides of the fraction', () => {
    assert.deepEqual(INDICATORS.map((d) => d.code), [...INDICATOR_CODES]);
    assert.ok(INDICATORS.every((d) => d.zh && d.numerator && d.denominator));
  });
});

describe('§7 clock judgement', () => {
  const stopEvents = [ev('sign', t('10:00'))];
  it('a run stopped by its own event in time ends then, on time', () => {
    assert.deepEqual(judgeClockRun(run('sign_for', t('09:00'), t('11:00'), t('10:00')), stopEvents, t('12:00')), { ended: true, endAt: t('10:00'), completed: true, onTime: true });
  });
  it('a late run is judged at its due time, before and after it is completed', () => {
    const late = [ev('sign', t('14:00'))];
    assert.deepEqual(judgeClockRun(run('sign_for', t('09:00'), t('11:00')), [], t('12:00')), { ended: true, endAt: t('11:00'), completed: false, onTime: false });
    assert.deepEqual(judgeClockRun(run('sign_for', t('09:00'), t('11:00'), t('14:00')), late, t('15:00')), { ended: true, endAt: t('11:00'), completed: true, onTime: false });
  });
  it('a running run not yet due, or one stopped early by something else, has not ended', () => {
    assert.deepEqual(judgeClockRun(run('handling', t('09:00'), t('17:00')), [], t('12:00')), { ended: false });
    assert.deepEqual(judgeClockRun(run('sign_for', t('09:00'), t('11:00'), t('10:00')), [ev('approve_return', t('10:00'))], t('12:00')), { ended: false });
  });
  it('a paused run is judged as of its pause', () => {
    assert.deepEqual(judgeClockRun(run('handling', t('09:00'), t('11:00'), null, t('10:00')), [], t('18:00')), { ended: false });
  });
});

describe('§7 membership of one appeal', () => {
  const facts = (events: FactEvent[], clockRuns: ClockRun[], extra: Partial<AppealFacts> = {}): AppealFacts =>
    ({ id: 'a1', kind: 'complaint', ownerUnitId: 'centre', relatedAppealId: null, events, clockRuns, ...extra });
  const members = (f: AppealFacts, asOf = t('18:00', '2026-11-30')) => indicatorMembers(f, asOf, W).map((m) => [m.indicator, m.unitId, m.numerator]);

  it('follows the lead unit through a return and a redispatch', () => {
    const events = [ev('dispatch', t('09:00'), { leadUnitId: 'u1' }), ev('approve_return', t('09:30')), ev('dispatch', t('09:40'), { leadUnitId: 'u2' })];
    assert.equal(leadUnitAt(events, t('09:10')), 'u1');
    assert.equal(leadUnitAt(events, t('09:35')), null);
    assert.equal(leadUnitAt(events, t('09:40')), 'u2');
  });

  it('counts a full on-time handling in every figure it belongs to', () => {
    const events = [
      ev('accept', t('09:00'), {}, 'registered'), ev('dispatch', t('09:00'), { leadUnitId: 'u1' }), ev('sign', t('09:30')), ev('record_contact', t('10:00')),
      ev('reply', t('10:30')), ev('approve_reply', t('10:30')), ev('callback', t('11:00'), { satisfaction: 'basically_satisfied', solved: true }), ev('close', t('11:00')),
    ];
    const runs = [run('sign_for', t('09:00'), t('11:00'), t('09:30')), run('first_contact', t('09:30'), t('17:30', '2026-11-24'), t('10:00')), run('handling', t('09:30'), t('17:30', '2026-12-07'), t('10:30'))];
    assert.deepEqual(members(facts(events, runs)).sort(), [
      ['callback', 'u1', 1], ['direct_answer', 'centre', 0], ['on_time_completion', 'u1', 1], ['redo', 'u1', 0], ['repeat', 'centre', 0], ['resolution', 'u1', 1],
      ['response', 'u1', 1], ['return', 'u1', 0], ['satisfaction', 'u1', 0.8], ['sign_on_time', 'u1', 1], ['urge', 'u1', 0],
    ].sort());
  });

  it('counts an overdue open appeal against on-time completion and a consultation out of resolution', () => {
    const events = [ev('dispatch', t('09:00'), { leadUnitId: 'u1' }), ev('sign', t('09:30')), ev('urge', t('10:00')), ev('callback', t('11:00', '2026-11-25'), { satisfaction: 'dissatisfied', solved: false })];
    const runs = [run('sign_for', t('09:00'), t('11:00'), t('09:30')), run('handling', t('09:30'), t('17:30', '2026-11-24'))];
    const got = members(facts(events, runs, { kind: 'consultation' }));
    assert.deepEqual(got.filter(([c]) => c === 'on_time_completion'), [['on_time_completion', 'u1', 0]]);
    assert.deepEqual(got.filter(([c]) => c === 'urge'), [['urge', 'u1', 1]]);
    assert.deepEqual(got.filter(([c]) => c === 'resolution'), []);
    assert.deepEqual(got.filter(([c]) => c === 'response'), [['response', 'u1', 0]]);
  });

  it('counts merges and linked appeals as repeats and intake answers as direct', () => {
    assert.deepEqual(members(facts([ev('merge', t('09:00'), {}, 'registered')], [])), [['direct_answer', 'centre', 0], ['repeat', 'centre', 1]]);
    assert.deepEqual(members(facts([ev('answer_directly', t('09:00'), {}, 'registered')], [], { relatedAppealId: 'a0' })), [['direct_answer', 'centre', 1], ['repeat', 'centre', 1]]);
    assert.deepEqual(members(facts([ev('reject', t('09:00'), {}, 'registered')], [])), []);
  });
});

describe('§7 periods (Asia/Shanghai)', () => {
  const now = new Date('2026-11-27T04:00:00Z');
  it('resolves day, week, month, quarter, year and custom to local midnights', () => {
    const p = (kind: string, from?: string, to?: string) => { const r = resolvePeriod({ kind, from, to }, 480, now); assert.ok(r.ok); return [r.period.from.toISOString(), r.period.to.toISOString()]; };
    assert.deepEqual(p('day'), ['2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z']);
    assert.deepEqual(p('week', '2026-11-27'), ['2026-11-22T16:00:00.000Z', '2026-11-29T16:00:00.000Z']);
    assert.deepEqual(p('month', '2026-11-15'), ['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z']);
    assert.deepEqual(p('quarter', '2026-11-15'), ['2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    assert.deepEqual(p('year', '2026-11-15'), ['2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    assert.deepEqual(p('custom', '2026-11-01', '2026-11-01'), ['2026-10-31T16:00:00.000Z', '2026-11-01T16:00:00.000Z']);
  });
  it('refuses impossible input, naming the field', () => {
    assert.deepEqual(resolvePeriod({ kind: 'fortnight' }, 480, now), { ok: false, field: 'period', message: 'period must be one of day, week, month, quarter, year, custom' });
    assert.equal((resolvePeriod({ kind: 'month', from: '2026-02-30' }, 480, now) as { field: string }).field, 'from');
    assert.equal((resolvePeriod({ kind: 'custom', from: '2026-11-05', to: '2026-11-01' }, 480, now) as { field: string }).field, 'to');
    assert.equal((resolvePeriod({ kind: 'custom', from: '2020-01-01', to: '2026-11-01' }, 480, now) as { field: string }).field, 'to');
  });
});

describe('§7 assessment', () => {
  const unit = (unitId: string, unitKind: string, r: [number, number], s: [number, number], extra: Partial<UnitMonth> = {}): UnitMonth => ({
    unitId, unitKind, response: { numerator: r[0], denominator: r[1] }, resolution: { numerator: s[0], denominator: s[1] }, satisfaction: { numerator: s[0], denominator: s[1] }, overdue: 0, redone: 0, ...extra,
  });
  it('weights the 三率 20/40/40 by default and normalises over those with data', () => {
    const a = DEFAULT_SETTINGS.assessment.compositeWeights;
    assert.equal(compositeScore({ response: { numerator: 1, denominator: 2 }, resolution: { numerator: 1, denominator: 1 }, satisfaction: { numerator: 1, denominator: 1 } }, a), 90);
    assert.equal(compositeScore({ response: { numerator: 1, denominator: 2 }, resolution: { numerator: 0, denominator: 0 }, satisfaction: { numerator: 0, denominator: 0 } }, a), 50);
    assert.equal(compositeScore({ response: { numerator: 0, denominator: 0 }, resolution: { numerator: 0, denominator: 0 }, satisfaction: { numerator: 0, denominator: 0 } }, a), null);
  });
  it('ranks each tier separately with deductions, ties sharing a rank, and disjoint red/black lists', () => {
    const settings = resolveSettings({ assessment: { listSize: 1, deductions: { overduePoints: 2, redoPoints: 1, maxPoints: 3 } } }).assessment;
    const tiers = rankTiers([
      unit('d1', 'department', [1, 1], [1, 1]), unit('d2', 'department', [1, 1], [1, 1], { overdue: 1, redone: 5 }), unit('d3', 'department', [1, 1], [1, 1]),
      unit('d4', 'department', [0, 0], [0, 0]), unit('s1', 'street_office', [1, 2], [1, 2]),
    ], settings);
    const dept = tiers.find((x) => x.key === 'department')!;
    assert.deepEqual(dept.units.map((u) => [u.unitId, u.rank, u.score]), [['d1', 1, 100], ['d3', 1, 100], ['d2', 3, 97], ['d4', null, null]]);
    assert.deepEqual(dept.units.find((u) => u.unitId === 'd2')!.deductions, { overdue: 2, redo: 5, total: 3 });
    assert.deepEqual([dept.red, dept.black], [['d1'], ['d2']]);
    const street = tiers.find((x) => x.key === 'street')!;
    assert.deepEqual([street.units.length, street.red, street.black], [1, [], []]);
  });
  it('keeps tier and weight settings when stored ones are partial', () => {
    const s = resolveSettings({ assessment: { compositeWeights: { response: 50 } } }).assessment;
    assert.deepEqual(s.compositeWeights, { response: 50, resolution: 40, satisfaction: 40 });
    assert.equal(s.tiers.length, 3);
  });
});
