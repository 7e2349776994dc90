import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { UnitKind } from '@minsheng/contracts';
import { checkDutyLevel, compareMatches, isDepartmentDuty, matchRule, proposeRouting } from '../src';
import type { RoutingRule } from '../src';

/** Categories: property (010101) ⊂ property-mgmt (0101) ⊂ construction (01). Areas: community ⊂ street ⊂ county. */
const CATEGORY_PATH = ['c-010101', 'c-0101', 'c-01'];
const AREA_PATH = ['370812001002', '370812001', '370812'];
const KINDS: Record<string, UnitKind> = {
  centre: 'hotline_centre', zhujian: 'department', chengguan: 'department', gulou: 'street_office', weiyuan: 'community_station', wenyuan: 'community_station',
};

let seq = 0;
function rule(overrides: Partial<RoutingRule>): RoutingRule {
  seq += 1;
  return {
    id: `r${String(seq).padStart(3, '0')}`, categoryId: null, areaCode: null, leadUnitId: 'zhujian', coUnitIds: [], departmentDuty: false,
    active: true, createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)), ...overrides,
  };
}
const query = { categoryPath: CATEGORY_PATH, areaPath: AREA_PATH };

describe('proposeRouting: most specific rule wins', () => {
  it('matches rules whose category and area are wildcards or on the paths, and nothing else', () => {
    assert.ok(matchRule(rule({}), query));
    assert.ok(matchRule(rule({ categoryId: 'c-0101', areaCode: '370812' }), query));
    assert.equal(matchRule(rule({ categoryId: 'c-02' }), query), null);
    assert.equal(matchRule(rule({ areaCode: '370812003' }), query), null);
    assert.equal(matchRule(rule({ active: false }), query), null);
    assert.equal(matchRule(rule({ categoryId: 'c-01' }), { categoryPath: [], areaPath: AREA_PATH }), null, 'an appeal without category matches only category wildcards');
  });

  it('a more specific category beats a more specific area', () => {
    const byArea = rule({ categoryId: 'c-01', areaCode: '370812001002', leadUnitId: 'gulou' });
    const byCategory = rule({ categoryId: 'c-010101', areaCode: null, leadUnitId: 'zhujian' });
    const p = proposeRouting([byArea, byCategory], query);
    assert.equal(p.best?.rule.id, byCategory.id);
    assert.equal(p.best?.matchedCategoryId, 'c-010101');
    assert.equal(p.best?.matchedAreaCode, null);
    assert.deepEqual(p.alternatives.map((a) => a.rule.id), [byArea.id]);
  });

  it('with the same category, the more specific area wins; the wildcard rule comes last', () => {
    const any = rule({ leadUnitId: 'centre' });
    const county = rule({ categoryId: 'c-0101', areaCode: '370812', leadUnitId: 'zhujian' });
    const street = rule({ categoryId: 'c-0101', areaCode: '370812001', leadUnitId: 'gulou' });
    const p = proposeRouting([any, county, street], query);
    assert.equal(p.best?.rule.id, street.id);
    assert.deepEqual(p.alternatives.map((a) => a.rule.id), [county.id, any.id]);
    assert.equal(p.best?.categoryRank, 2);
    assert.equal(p.best?.areaRank, 2);
  });

  it('equally specific rules: the newest wins, whatever the input order', () => {
    const old = rule({ categoryId: 'c-01', leadUnitId: 'zhujian', createdAt: new Date('2026-01-01') });
    const recent = rule({ categoryId: 'c-01', leadUnitId: 'chengguan', createdAt: new Date('2026-06-01') });
    assert.equal(proposeRouting([old, recent], query).best?.rule.id, recent.id);
    assert.equal(proposeRouting([recent, old], query).best?.rule.id, recent.id);
    const twin = { ...recent, id: 'zzz' };
    assert.ok(compareMatches(matchRule(twin, query)!, matchRule(recent, query)!) < 0, 'same time: larger id first, so the order is total');
  });

  it('no matching rule → best null and no alternatives', () => {
    const p = proposeRouting([rule({ categoryId: 'c-99' }), rule({ active: false })], query);
    assert.deepEqual(p, { best: null, alternatives: [], refused: [] });
  });

  it('at most three alternatives, each with a lead unit not proposed before', () => {
    const rules = [
      rule({ categoryId: 'c-010101', leadUnitId: 'zhujian' }), rule({ categoryId: 'c-0101', leadUnitId: 'zhujian' }),
      rule({ categoryId: 'c-0101', areaCode: '370812', leadUnitId: 'chengguan' }), rule({ categoryId: 'c-01', leadUnitId: 'gulou' }),
      rule({ areaCode: '370812', leadUnitId: 'centre' }), rule({ leadUnitId: 'weiyuan' }),
    ];
    const p = proposeRouting(rules, query);
    assert.equal(p.best?.rule.leadUnitId, 'zhujian');
    assert.deepEqual(p.alternatives.map((a) => a.rule.leadUnitId), ['chengguan', 'gulou', 'centre']);
  });
});

describe('proposeRouting: guards', () => {
  it('never proposes a community station as lead for a department duty, by rule mark or by the appeal\'s category', () => {
    const station = rule({ areaCode: '370812001002', leadUnitId: 'weiyuan' });
    const marked = rule({ areaCode: '370812001002', leadUnitId: 'wenyuan', departmentDuty: true });
    const county = rule({ categoryId: 'c-01', leadUnitId: 'zhujian' });
    const free = proposeRouting([station, marked, county], { ...query, unitKinds: KINDS });
    assert.equal(free.best?.rule.id, county.id, 'category beats area');
    assert.deepEqual(free.alternatives.map((a) => a.rule.id), [station.id]);
    assert.deepEqual(free.refused, [{ ruleId: marked.id, reason: 'community_station_for_department_duty' }]);

    const duty = proposeRouting([station, marked], { ...query, unitKinds: KINDS, departmentDuty: true });
    assert.equal(duty.best, null);
    assert.deepEqual(duty.refused.map((r) => r.reason), ['community_station_for_department_duty', 'community_station_for_department_duty']);
  });

  it('a co-unit may be a community station even for a department duty', () => {
    const r = rule({ categoryId: 'c-01', leadUnitId: 'zhujian', coUnitIds: ['weiyuan'] });
    assert.equal(proposeRouting([r], { ...query, unitKinds: KINDS, departmentDuty: true }).best?.rule.id, r.id);
  });

  it('refuses rules naming inactive or excluded (accused) units, and falls to the next rule', () => {
    const gone = rule({ categoryId: 'c-010101', leadUnitId: 'dissolved' });
    const accused = rule({ categoryId: 'c-0101', leadUnitId: 'zhujian', coUnitIds: ['chengguan'] });
    const ok = rule({ categoryId: 'c-01', leadUnitId: 'gulou' });
    const p = proposeRouting([gone, accused, ok], { ...query, unitKinds: KINDS, excludedUnitIds: ['chengguan'] });
    assert.equal(p.best?.rule.id, ok.id);
    assert.deepEqual(p.refused, [{ ruleId: gone.id, reason: 'unit_inactive' }, { ruleId: accused.id, reason: 'excluded_unit' }]);
  });
});

describe('department duty (国办函〔2025〕66号)', () => {
  it('a category is a department duty when its default unit is a department, or when a rule is marked', () => {
    assert.equal(isDepartmentDuty({ categoryDefaultUnitKind: 'department' }), true);
    assert.equal(isDepartmentDuty({ categoryDefaultUnitKind: 'street_office' }), false);
    assert.equal(isDepartmentDuty({ categoryDefaultUnitKind: null }), false, '属地 categories (no default unit) are not');
    assert.equal(isDepartmentDuty({ marked: true, categoryDefaultUnitKind: null }), true);
    assert.equal(isDepartmentDuty({ marked: false, categoryDefaultUnitKind: 'department' }), true, 'a mark cannot be taken away');
  });

  it('checkDutyLevel refuses only a community station as lead of a department duty', () => {
    const violation = checkDutyLevel({ departmentDuty: true, leadUnitKind: 'community_station' });
    assert.equal(violation?.field, 'leadUnitId');
    assert.match(violation!.message, /community station/);
    for (const kind of ['hotline_centre', 'department', 'street_office'] as const) assert.equal(checkDutyLevel({ departmentDuty: true, leadUnitKind: kind }), null, kind);
    assert.equal(checkDutyLevel({ departmentDuty: false, leadUnitKind: 'community_station' }), null);
  });
});
