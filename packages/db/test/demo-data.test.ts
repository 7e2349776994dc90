import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APPEAL_KINDS, CHANNELS, ROLES, URGENCIES } from '@minsheng/contracts';
import {
  buildDemoUnits, checkIdNumber, DEMO_APPEAL_TEMPLATES, DEMO_CATEGORIES, DEMO_CITIZENS, DEMO_COUNTY_CODE,
  DEMO_PASSWORD, DEMO_STATION_AREAS, DEMO_STREETS, DEMO_UNITS, DEMO_USERS, idCheckDigit, isMobilePhone,
  isPhoneNumber, loadAreaTree, shortAreaName,
} from '../src/demo/index';
import type { AreaSeed } from '../src/demo/index';

const streetCodes = new Set(DEMO_STREETS.map((s) => s.code));
const unitKeys = new Set(DEMO_UNITS.map((u) => u.key));
const depth = (key: string): number => key.split('.').length;

describe('area tree of 兖州区', () => {
  let tree: AreaSeed[] = [];
  before(() => { tree = loadAreaTree(DEMO_COUNTY_CODE); });

  it('has 1 province, 1 city, 1 county, 10 streets and 347 communities', () => {
    const count = (level: string) => tree.filter((a) => a.level === level).length;
    assert.deepEqual(
      [count('province'), count('city'), count('county'), count('street'), count('community')],
      [1, 1, 1, 10, 347],
    );
    assert.deepEqual(tree.slice(0, 3).map((a) => a.name), ['山东省', '济宁市', '兖州区']);
  });

  it('has unique codes and consistent parents', () => {
    const byCode = new Map(tree.map((a) => [a.code, a]));
    assert.equal(byCode.size, tree.length);
    const parentLevel = { province: null, city: 'province', county: 'city', street: 'county', community: 'street' } as const;
    for (const a of tree) {
      const expected = parentLevel[a.level];
      if (expected === null) { assert.equal(a.parentCode, null); continue; }
      const parent = byCode.get(a.parentCode ?? '');
      assert.ok(parent, `parent of ${a.code}`);
      assert.equal(parent.level, expected);
      assert.ok(a.code.startsWith(parent.code), `${a.code} under ${parent.code}`);
    }
  });

  it('matches the static excerpt used by the unit tree', () => {
    const key = (a: AreaSeed) => `${a.code}|${a.name}|${a.level}|${a.parentCode}`;
    const all = new Set(tree.map(key));
    for (const a of [...DEMO_STREETS, ...DEMO_STATION_AREAS]) assert.ok(all.has(key(a)), key(a));
    assert.deepEqual(tree.filter((a) => a.level === 'street').map(key), DEMO_STREETS.map(key));
    assert.deepEqual(buildDemoUnits(tree), DEMO_UNITS);
  });

  it('shortens committee names for display', () => {
    assert.equal(shortAreaName('韦园社区居委会'), '韦园社区');
    assert.equal(shortAreaName('西东村委会'), '西东村');
    assert.equal(shortAreaName('西东村村委会'), '西东村');
    assert.equal(shortAreaName('山拖农场村村民委员会'), '山拖农场村');
    assert.equal(shortAreaName('某某社区居民委员会'), '某某社区');
    assert.equal(shortAreaName('刘岗社区'), '刘岗社区');
    assert.equal(shortAreaName('鼓楼街道'), '鼓楼街道');
    for (const a of tree) assert.ok(shortAreaName(a.name).length >= 2, a.name);
  });
});

describe('unit tree', () => {
  it('has unique keys and existing parents, one root', () => {
    assert.equal(unitKeys.size, DEMO_UNITS.length);
    const roots = DEMO_UNITS.filter((u) => u.parentKey === null);
    assert.deepEqual(roots.map((u) => u.kind), ['hotline_centre']);
    for (const u of DEMO_UNITS) {
      if (u.parentKey !== null) assert.ok(unitKeys.has(u.parentKey), `${u.key} → ${u.parentKey}`);
      assert.ok(u.areaCodes.length > 0, u.key);
      assert.ok(isPhoneNumber(u.phone), `${u.key} phone ${u.phone}`);
      assert.ok(u.address.startsWith('兖州区') && u.receptionHours.length > 0, u.key);
    }
  });

  it('has at least 15 departments serving the county, parented by the centre', () => {
    const depts = DEMO_UNITS.filter((u) => u.kind === 'department');
    assert.ok(depts.length >= 15);
    for (const d of depts) {
      assert.equal(d.parentKey, 'centre');
      assert.deepEqual(d.areaCodes, [DEMO_COUNTY_CODE]);
    }
  });

  it('has an office for every street and stations under their street office', () => {
    for (const s of DEMO_STREETS) {
      const offices = DEMO_UNITS.filter((u) => u.kind === 'street_office' && u.areaCodes.includes(s.code));
      assert.equal(offices.length, 1, s.name);
    }
    const stations = DEMO_UNITS.filter((u) => u.kind === 'community_station');
    assert.equal(stations.length, 8);
    for (const st of stations) {
      const area = DEMO_STATION_AREAS.find((a) => a.code === st.areaCodes[0]);
      assert.ok(area, st.key);
      assert.equal(st.parentKey, `street-${area.parentCode}`);
    }
  });
});

describe('category tree', () => {
  it('has unique keys and open311 codes and three levels', () => {
    assert.equal(new Set(DEMO_CATEGORIES.map((c) => c.key)).size, DEMO_CATEGORIES.length);
    assert.equal(new Set(DEMO_CATEGORIES.map((c) => c.open311Code)).size, DEMO_CATEGORIES.length);
    const byKey = new Map(DEMO_CATEGORIES.map((c) => [c.key, c]));
    for (const c of DEMO_CATEGORIES) {
      assert.ok(depth(c.key) >= 1 && depth(c.key) <= 3, c.key);
      if (depth(c.key) === 1) assert.equal(c.parentKey, null);
      else assert.equal(byKey.get(c.parentKey ?? '')?.key, c.key.slice(0, c.key.lastIndexOf('.')));
      assert.ok(c.open311Code.length > 0 && c.keywords.length > 0, c.key);
      assert.ok(APPEAL_KINDS.includes(c.defaultKind), c.key);
      if (c.defaultUnitKey !== null) assert.ok(unitKeys.has(c.defaultUnitKey), `${c.key} → ${c.defaultUnitKey}`);
    }
    const counts = [1, 2, 3].map((d) => DEMO_CATEGORIES.filter((c) => depth(c.key) === d).length);
    assert.ok(counts[0]! >= 8 && counts[1]! >= 30 && counts[2]! >= 70, String(counts));
    // every leaf is on level 3
    const parents = new Set(DEMO_CATEGORIES.map((c) => c.parentKey));
    for (const c of DEMO_CATEGORIES) if (!parents.has(c.key)) assert.equal(depth(c.key), 3, c.key);
  });
});

describe('appeal templates and citizens', () => {
  const level3 = new Set(DEMO_CATEGORIES.filter((c) => depth(c.key) === 3).map((c) => c.key));

  it('are at least 80 well-formed appeals', () => {
    assert.ok(DEMO_APPEAL_TEMPLATES.length >= 80);
    assert.equal(new Set(DEMO_APPEAL_TEMPLATES.map((t) => t.title)).size, DEMO_APPEAL_TEMPLATES.length);
    for (const t of DEMO_APPEAL_TEMPLATES) {
      assert.ok(level3.has(t.categoryKey), `${t.title}: ${t.categoryKey}`);
      assert.ok(streetCodes.has(t.streetCode), `${t.title}: ${t.streetCode}`);
      assert.ok([...t.title].length <= 40, t.title);
      const len = [...t.content].length;
      assert.ok(len >= 60 && len <= 300, `${t.title}: ${len} chars`);
      assert.ok(APPEAL_KINDS.includes(t.kind) && URGENCIES.includes(t.urgency) && CHANNELS.includes(t.channel), t.title);
    }
  });

  it('mix kinds, urgencies, channels and streets', () => {
    const set = <T>(f: (t: (typeof DEMO_APPEAL_TEMPLATES)[number]) => T) => new Set(DEMO_APPEAL_TEMPLATES.map(f));
    assert.equal(set((t) => t.kind).size, APPEAL_KINDS.length);
    assert.equal(set((t) => t.urgency).size, URGENCIES.length);
    assert.equal(set((t) => t.streetCode).size, DEMO_STREETS.length);
    assert.ok(set((t) => t.channel).size >= 7);
    const critical = DEMO_APPEAL_TEMPLATES.filter((t) => t.urgency === 'critical').length;
    assert.ok(critical >= 2 && critical <= 3);
    const phone = DEMO_APPEAL_TEMPLATES.filter((t) => t.channel === 'phone_12345').length;
    assert.ok(phone > DEMO_APPEAL_TEMPLATES.length / 3);
  });

  it('citizens have valid mobile numbers and ID numbers', () => {
    assert.ok(DEMO_CITIZENS.length >= 40);
    for (const c of DEMO_CITIZENS) {
      assert.ok(isMobilePhone(c.phone), `${c.name} ${c.phone}`);
      assert.ok(c.address.startsWith('兖州区'), c.name);
      if (c.idNumber !== undefined) {
        assert.ok(checkIdNumber(c.idNumber), `${c.name} ${c.idNumber}`);
        assert.ok(c.idNumber.startsWith(DEMO_COUNTY_CODE));
      }
    }
  });
});

describe('users', () => {
  it('cover every role, with unique usernames in existing units', () => {
    const roles = new Set(DEMO_USERS.flatMap((u) => u.roles));
    for (const r of ROLES) assert.ok(roles.has(r), r);
    assert.equal(new Set(DEMO_USERS.map((u) => u.username)).size, DEMO_USERS.length);
    for (const u of DEMO_USERS) {
      assert.match(u.username, /^[a-z][a-z0-9.]*$/);
      assert.ok(unitKeys.has(u.unitKey), `${u.username} → ${u.unitKey}`);
    }
    assert.equal(DEMO_PASSWORD, 'minsheng-demo-2026');
  });
});

describe('validators', () => {
  it('checkIdNumber accepts valid IDs and rejects a wrong check digit or bad date', () => {
    assert.equal(idCheckDigit('11010519491231002'), 'X');
    assert.ok(checkIdNumber('11010519491231002X'));
    assert.ok(checkIdNumber('11010519491231002x'));
    assert.ok(!checkIdNumber('110105194912310021'));
    const withDate = (ymd: string) => { const s = `370812${ymd}123`; return s + idCheckDigit(s); };
    assert.ok(checkIdNumber(withDate('19800229'))); // leap year
    assert.ok(!checkIdNumber(withDate('19810229')));
    assert.ok(!checkIdNumber(withDate('19801301')));
    assert.ok(!checkIdNumber(withDate('18991231')));
    assert.ok(!checkIdNumber(withDate('20300101'), new Date('2025-01-01T00:00:00Z')));
    assert.ok(!checkIdNumber('37081219800101123'));
    assert.ok(!checkIdNumber('abc'));
  });

  it('isMobilePhone and isPhoneNumber', () => {
    assert.ok(isMobilePhone('13905371234'));
    assert.ok(!isMobilePhone('12905371234'));
    assert.ok(!isMobilePhone('1390537123'));
    for (const s of ['0537-3412345', '05373412345', '3412345', '010-62345678', '13905371234']) {
      assert.ok(isPhoneNumber(s), s);
    }
    for (const s of ['abc', '123', '', '0537-0412345', '12345678']) assert.ok(!isPhoneNumber(s), s);
  });
});
