import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_REPORT_WEIGHTS, DEFAULT_SETTINGS, diaryFigure, figureOf, networkFigure, proxyFigure, receptionFigure, reportWeightsProblem, revisitFigure, scoreTier, scoreUnit,
  screeningFigure, streetCompliance,
} from '../src';
import type { OfficerFact, PostFact, UnitFigures } from '../src';

const rules = DEFAULT_SETTINGS.registry;
const f = (numerator: number, denominator: number) => ({ numerator, denominator });

describe('monthly registry report (月度考核)', () => {
  it('default weights add up to 100 per tier, with community files and screening at 0 for departments', () => {
    assert.equal(reportWeightsProblem('street', DEFAULT_REPORT_WEIGHTS.street), null);
    assert.equal(reportWeightsProblem('department', DEFAULT_REPORT_WEIGHTS.department), null);
    assert.deepEqual(rules.streetReportWeights, DEFAULT_REPORT_WEIGHTS.street);
    assert.match(reportWeightsProblem('street', { network: 50, diaries: 40 })!, /add up to 100 \(they add up to 90\)/);
    assert.match(reportWeightsProblem('street', { network: 110, diaries: -10 })!, /at least 0/);
    assert.match(reportWeightsProblem('department', { network: 90, communityFiles: 10 })!, /communityFiles does not apply/);
    assert.equal(reportWeightsProblem('department', { network: 33.3, diaries: 33.3, proxy: 33.4 }), null, 'decimals that add up to 100 pass');
  });

  it('scores a street out of 100 from its rates and weights, with numerator and denominator kept', () => {
    const unit: UnitFigures = { unitId: 's1', unitName: '鼓楼街道', figures: { network: f(8, 10), communityFiles: f(1, 2), diaries: f(3, 3), receptions: f(4, 4), screening: f(1, 1), revisits: f(0, 1), proxy: f(3, 4) } };
    const s = scoreUnit('street', unit, DEFAULT_REPORT_WEIGHTS.street);
    // 25×0.8 + 15×0.5 + 15 + 10 + 15 + 10×0 + 10×0.75 = 20 + 7.5 + 15 + 10 + 15 + 0 + 7.5 = 75
    assert.equal(s.score, 75);
    assert.deepEqual(s.modules.network, { numerator: 8, denominator: 10, rate: 0.8, weight: 25, points: 20 });
    assert.deepEqual(s.gaps, ['network', 'communityFiles', 'revisits', 'proxy']);
  });

  it('a module with nothing to count spreads its weight over the others; no module at all leaves the unit unscored', () => {
    const s = scoreUnit('department', { unitId: 'd1', unitName: '区住建局', figures: { network: f(2, 2), diaries: f(0, 1), receptions: f(0, 0), revisits: f(0, 0), proxy: f(0, 0) } }, DEFAULT_REPORT_WEIGHTS.department);
    // Only network (30) and diaries (20) count: 30 / 50 × 100 = 60.
    assert.equal(s.score, 60);
    assert.equal(s.modules.network.points, 60);
    assert.equal(s.modules.receptions.rate, null);
    assert.equal(s.modules.receptions.points, null);
    assert.equal(scoreUnit('department', { unitId: 'd2', unitName: '空', figures: {} }, DEFAULT_REPORT_WEIGHTS.department).score, null);
  });

  it('a module that does not apply to the tier is ignored even if figures are passed', () => {
    const s = scoreUnit('department', { unitId: 'd1', unitName: 'x', figures: { network: f(1, 1), communityFiles: f(0, 5) } }, { network: 50, communityFiles: 50 });
    assert.equal(s.score, 100);
    assert.equal(s.modules.communityFiles.weight, 0);
  });

  it('ranks within a tier, best first, equal scores sharing a rank, unscored last; weights change the order', () => {
    const units: UnitFigures[] = [
      { unitId: 'a', unitName: '甲街道', figures: { network: f(1, 1), diaries: f(0, 1) } },
      { unitId: 'b', unitName: '乙街道', figures: { network: f(0, 1), diaries: f(1, 1) } },
      { unitId: 'c', unitName: '丙街道', figures: { network: f(1, 1), diaries: f(0, 1) } },
      { unitId: 'd', unitName: '丁街道', figures: {} },
    ];
    const byNetwork = scoreTier('street', units, { network: 60, diaries: 40 });
    assert.deepEqual(byNetwork.map((u) => [u.unitName, u.score, u.rank]), [['丙街道', 60, 1], ['甲街道', 60, 1], ['乙街道', 40, 3], ['丁街道', null, null]]);
    const byDiaries = scoreTier('street', units, { network: 30, diaries: 70 });
    assert.deepEqual(byDiaries.map((u) => [u.unitName, u.rank]), [['乙街道', 1], ['丙街道', 2], ['甲街道', 2], ['丁街道', null]]);
  });

  it('network: station, unit officers, every community room and officers and every school count as checks of the street (§13)', () => {
    const posts: PostFact[] = [
      { kind: 'station', unitId: 's1', areaCode: null, staffCount: 6, requirementsMet: [...rules.stationRequirements] },
      { kind: 'room', unitId: null, areaCode: '001', staffCount: 3, requirementsMet: [...rules.roomRequirements] },
      { kind: 'room', unitId: null, areaCode: '002', staffCount: 2, requirementsMet: [...rules.roomRequirements] },
    ];
    const officers: OfficerFact[] = [
      ...Array.from({ length: 3 }, () => ({ level: 'street' as const, unitId: 's1', areaCode: null, orgName: '' })),
      ...Array.from({ length: 3 }, () => ({ level: 'community' as const, unitId: 's1', areaCode: '001', orgName: '' })),
      ...Array.from({ length: 1 }, () => ({ level: 'school' as const, unitId: 's1', areaCode: null, orgName: '一中' })),
    ];
    const row = streetCompliance({ unitId: 's1', areaCode: '370812001', communityCodes: ['001', '002', '003'] }, posts, officers, rules);
    const fig = networkFigure(row, { area: (c) => `社区${c}`, schools: ['一中'] });
    // 2 unit checks + 3 rooms + 3 community officer checks + 1 school = 9; met: station, officers, room 001, officers 001.
    assert.equal(fig.denominator, 9);
    assert.equal(fig.numerator, 4);
    assert.ok(fig.items.some((i) => i.label === '社区002工作室' && !i.ok && i.detail === '2人，应不少于3人'));
    assert.ok(fig.items.some((i) => i.label === '社区003工作室' && i.detail === '未设工作室'));
    assert.ok(fig.items.some((i) => i.label === '一中信息员' && !i.ok));
  });

  it('diaries, receptions, screening, revisits and proxy figures count what the month owed', () => {
    assert.deepEqual(diaryFigure([{ name: '甲', entries: 2, compliant: true }, { name: '乙', entries: 0, compliant: false }]), { numerator: 1, denominator: 2, items: [{ label: '甲', ok: true, detail: '2篇' }, { label: '乙', ok: false, detail: '0篇' }] });
    const rec = receptionFigure([{ date: '2026-11-03', leaderName: '王' }, { date: '2026-11-10', leaderName: '王' }, { date: '2026-11-17', leaderName: '王' }], [{ date: '2026-11-03', leaderName: '李' }, { date: '2026-11-10', leaderName: '王' }]);
    assert.deepEqual([rec.numerator, rec.denominator], [2, 3]);
    const scr = screeningFigure([
      { title: '十一月排查', dueDate: '2026-11-20', returnedDate: '2026-11-19' }, { title: '专项', dueDate: '2026-11-21', returnedDate: '2026-11-22' },
      { title: '未到期', dueDate: '2026-11-30', returnedDate: null }, { title: '上月', dueDate: '2026-10-30', returnedDate: null },
    ], '2026-11', '2026-11-23');
    assert.deepEqual([scr.numerator, scr.denominator], [1, 2]);
    const rv = revisitFigure([
      { label: 'a', dueDate: '2026-11-02', doneDate: '2026-11-05' }, { label: 'b', dueDate: '2026-11-10', doneDate: null },
      { label: 'c', dueDate: '2026-11-25', doneDate: null }, { label: 'd', dueDate: '2026-10-20', doneDate: '2026-11-01' },
    ], '2026-11', '2026-11-23');
    assert.deepEqual([rv.numerator, rv.denominator], [1, 2]);
    const from = new Date('2026-10-31T16:00:00Z');
    const to = new Date('2026-11-30T16:00:00Z');
    const now = new Date('2026-11-23T01:00:00Z');
    const px = proxyFigure([
      { number: 'DB1', status: 'completed', dueAt: new Date('2026-11-20T09:00:00Z'), closedAt: new Date('2026-11-19T09:00:00Z') },
      { number: 'DB2', status: 'completed', dueAt: new Date('2026-11-10T09:00:00Z'), closedAt: new Date('2026-11-12T09:00:00Z') },
      { number: 'DB3', status: 'in_progress', dueAt: new Date('2026-11-15T09:00:00Z'), closedAt: null },
      { number: 'DB4', status: 'in_progress', dueAt: new Date('2026-11-28T09:00:00Z'), closedAt: null },
      { number: 'DB5', status: 'returned', dueAt: new Date('2026-11-05T09:00:00Z'), closedAt: new Date('2026-11-06T09:00:00Z') },
      { number: 'DB6', status: 'completed', dueAt: new Date('2026-10-20T09:00:00Z'), closedAt: new Date('2026-10-19T09:00:00Z') },
    ], from, to, now);
    assert.deepEqual(px.items.map((i) => [i.label, i.ok]), [['DB1', true], ['DB2', false], ['DB3', false]]);
    assert.deepEqual(figureOf([]), { numerator: 0, denominator: 0, items: [] });
  });
});
