import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { departmentCompliance, dueRevisits, fileCoverage, networkTotals, nextDisputeStatus, raisesWarning, revisitPlan, screeningCompletion, streetCompliance, DEFAULT_SETTINGS } from '../src';
import type { OfficerFact, PostFact } from '../src';

const rules = DEFAULT_SETTINGS.registry;
const FIVE = rules.stationRequirements;
const FOUR_ONE = rules.roomRequirements;
const officers = (n: number, f: Omit<OfficerFact, 'orgName'> & { orgName?: string }): OfficerFact[] => Array.from({ length: n }, () => ({ orgName: '', ...f }));

describe('grassroots rules', () => {
  it('a street is compliant only with a five-haves station of 5, 3 officers, and a compliant room and 3 officers per community', () => {
    const street = { unitId: 'st', areaCode: '370812001', communityCodes: ['c1', 'c2'] };
    const posts: PostFact[] = [
      { kind: 'station', unitId: 'st', areaCode: null, staffCount: 5, requirementsMet: FIVE },
      { kind: 'room', unitId: null, areaCode: 'c1', staffCount: 3, requirementsMet: FOUR_ONE },
      { kind: 'room', unitId: null, areaCode: 'c2', staffCount: 3, requirementsMet: FOUR_ONE },
    ];
    const all = [...officers(3, { level: 'street', unitId: 'st', areaCode: null }), ...officers(3, { level: 'community', unitId: 'st', areaCode: 'c1' }), ...officers(3, { level: 'community', unitId: 'st', areaCode: 'c2' })];
    const ok = streetCompliance(street, posts, all, rules);
    assert.equal(ok.compliant, true);
    assert.equal(ok.roomCoverage, 1);
    assert.equal(ok.officerCoverage, 1);

    const weak = streetCompliance(street, [{ ...posts[0]!, staffCount: 4, requirementsMet: FIVE.slice(1) }, posts[1]!], all.slice(1, 5), rules);
    assert.deepEqual(weak.gaps, [
      { kind: 'station_requirement', item: '有班子' }, { kind: 'station_staff', have: 4, need: 5 }, { kind: 'unit_officers', have: 2, need: 3 },
      { kind: 'community_officers', areaCode: 'c1', have: 2, need: 3 }, { kind: 'no_room', areaCode: 'c2' }, { kind: 'community_officers', areaCode: 'c2', have: 0, need: 3 },
    ]);
    assert.equal(weak.roomCoverage, 0.5);
    assert.equal(weak.officerCoverage, 0);
  });

  it('no station at all, schools with too few officers, and the numbers come from the rules', () => {
    const row = streetCompliance({ unitId: 'st', areaCode: 's', communityCodes: [] }, [], officers(2, { level: 'school', unitId: 'st', areaCode: null, orgName: '一中' }), { ...rules, officersMinStreet: 0 });
    assert.deepEqual(row.gaps, [{ kind: 'no_station' }, { kind: 'school_officers', orgName: '一中', have: 2, need: 3 }]);
    assert.equal(row.roomCoverage, null);
    const stricter = streetCompliance({ unitId: 'st', areaCode: 's', communityCodes: [] }, [{ kind: 'station', unitId: 'st', areaCode: null, staffCount: 5, requirementsMet: FIVE }], officers(3, { level: 'street', unitId: 'st', areaCode: null }), { ...rules, stationMinStaff: 6 });
    assert.deepEqual(stricter.gaps, [{ kind: 'station_staff', have: 5, need: 6 }]);
  });

  it('a department needs a station and one officer; totals over rows', () => {
    const d = departmentCompliance('dep', [{ kind: 'station', unitId: 'dep', areaCode: null, staffCount: 1, requirementsMet: [] }], officers(1, { level: 'department', unitId: 'dep', areaCode: null }), rules);
    assert.equal(d.compliant, true);
    const none = departmentCompliance('dep2', [], [], rules);
    assert.deepEqual(none.gaps.map((g) => g.kind), ['no_station', 'unit_officers']);
    const totals = networkTotals([d, none]);
    assert.equal(totals.stationCoverage, 0.5);
    assert.equal(totals.compliantUnits, 1);
    assert.equal(totals.roomCoverage, null);
  });

  it('community files: complete when all six sections are filled', () => {
    const cov = fileCoverage(['a', 'b', 'c'], [
      ...['party_affairs', 'major_matters', 'finances', 'land_transfers', 'family_planning', 'hardship_relief'].map((section) => ({ areaCode: 'a', section })),
      { areaCode: 'b', section: 'finances' },
    ]);
    assert.deepEqual([cov.complete, cov.started, cov.coverage], [1, 2, 1 / 3]);
    assert.equal(cov.rows[1]!.missing.length, 5);
    assert.equal(fileCoverage([], []).coverage, null);
  });

  it('disputes: transitions, warnings, revisit plan and screening completion', () => {
    assert.equal(nextDisputeStatus('open', 'resolve'), 'resolved');
    assert.equal(nextDisputeStatus('resolved', 'resolve'), null);
    assert.equal(nextDisputeStatus('resolved', 'reopen'), 'mediating');
    assert.equal(nextDisputeStatus('open', 'reopen'), null);
    assert.equal(nextDisputeStatus('mediating', 'fail'), 'unresolved');
    assert.deepEqual([raisesWarning('high'), raisesWarning('medium')], [true, false]);
    assert.deepEqual(revisitPlan('2026-12-30', [30, 7, 7, 0]), [{ seq: 1, dueDate: '2027-01-06' }, { seq: 2, dueDate: '2027-01-29' }]);
    assert.deepEqual(dueRevisits('2026-11-23', [7, 30], '2026-11-30').map((r) => r.seq), [1]);
    assert.deepEqual(dueRevisits('2026-11-23', [7, 30], '2026-11-29'), []);
    assert.deepEqual(screeningCompletion(['a', 'b', 'c', 'd'], ['b', 'x']), { streets: 4, returned: 1, missing: ['a', 'c', 'd'], rate: 0.25 });
  });
});
