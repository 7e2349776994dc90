import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { resolveSettings } from '@minsheng/domain';
import { computeIndicatorFigures, foldAnalytics, INDICATOR_GROUPINGS, listUnits, queryRows, rebuildAnalyticsRollups, verifyAnalyticsRollups, wholeDaysBefore, wholeMonthsWithin } from '@minsheng/db';
import type { IndicatorQuery } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { lifecycleDriver } from './lifecycle-driver';

const J = '370812';
const OFFSET = 480;
const NOVEMBER = { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') };

/**
 * The figures read from the day sums (whole past days) plus the members of the rest agree exactly with the figures
 * read member by member: with appeals marked dirty whose stored members sit in past days, an exclusion, a sign-for
 * clock still pending (past due and not yet) and the current day only partly gone, for every grouping and reader.
 */
describe('indicator figures from the day sums', () => {
  let s: TestServer;
  const { t, id, at, act, intake, solve } = lifecycleDriver(() => s);
  const db = () => s.deps.database.db;
  const count = async (table: string) => (await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE jurisdiction_id = ${J}`))[0]!.n;
  const fold = () => foldAnalytics(db(), J, OFFSET, { wait: true });

  /** Every reader shape: the whole jurisdiction, a department's leader, a street's, one unit with or without its subtree. */
  async function readers(): Promise<{ name: string; scope: Pick<IndicatorQuery, 'visibleUnitIds' | 'ancestorUnitIds' | 'unitId'> }[]> {
    const units = await listUnits(db(), J);
    const subtree = (key: string) => units.filter((u) => u.path.includes(s.unit(key))).map((u) => u.id);
    const path = (key: string) => units.find((u) => u.id === s.unit(key))!.path;
    const street = units.find((u) => u.key.startsWith('street-'))!.key;
    return [
      { name: 'leader', scope: { visibleUnitIds: null, ancestorUnitIds: [] } },
      { name: 'zhujian', scope: { visibleUnitIds: subtree('dept-zhujian'), ancestorUnitIds: path('dept-zhujian') } },
      { name: street, scope: { visibleUnitIds: subtree(street), ancestorUnitIds: path(street) } },
      { name: 'nobody', scope: { visibleUnitIds: [], ancestorUnitIds: [] } },
      { name: 'centre subtree', scope: { visibleUnitIds: null, ancestorUnitIds: [], unitId: s.unit('centre') } },
      { name: 'chengguan', scope: { visibleUnitIds: null, ancestorUnitIds: [], unitId: s.unit('dept-chengguan') } },
    ];
  }

  /** Fast and member-by-member figures for every grouping, roll-up and reader; returns how many figures compared. */
  async function same(label: string, period: { from: Date; to: Date }, asOf: Date): Promise<number> {
    const weights = resolveSettings((await queryRows<{ settings: unknown }>(db(), sql`SELECT settings FROM jurisdictions WHERE id = ${J}`))[0]?.settings).satisfactionWeights;
    let compared = 0;
    for (const reader of await readers()) {
      for (const groupBy of INDICATOR_GROUPINGS) {
        for (const includeSubunits of [false, true]) {
          const q: IndicatorQuery = { jurisdictionId: J, ...period, asOf, weights, groupBy, includeSubunits, ...reader.scope };
          const fast = await computeIndicatorFigures(db(), q);
          const members = await computeIndicatorFigures(db(), q, { fromMembers: true });
          assert.deepEqual(fast, members, `${label}: ${reader.name} by ${groupBy}${includeSubunits ? ' with sub-units' : ''}`);
          compared += members.length;
        }
      }
    }
    return compared;
  }

  before(async () => {
    s = await startTestServer({ now: new Date('2026-11-02T09:00:00+08:00') });
    await at('2026-11-02T09:00:00'); // a Monday
    for (const n of ['A', 'B', 'C', 'D']) await intake(n);
    await intake('Q', { kind: 'consultation', title: '咨询居住证办理需要哪些材料', content: '想咨询一下在兖州办理居住证需要准备哪些材料，去哪里办理，多长时间能拿到。' });
    for (const n of ['A', 'B', 'C', 'D', 'Q']) await act('agent', n, { action: 'accept' });
    for (const n of ['A', 'B']) await act('dispatcher', n, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    for (const n of ['C', 'D', 'Q']) await act('dispatcher', n, { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') });
    await at('2026-11-02T09:30:00');
    await act('zhujian.handler', 'A', { action: 'sign' });
    await act('chengguan.handler', 'C', { action: 'sign' });
    await act('chengguan.handler', 'Q', { action: 'sign' });
    await fold(); // B and D folded while their sign-for clocks run: pending members
    await at('2026-11-02T14:00:00'); // past the sign-for clocks (two working hours)
    await act('chengguan.handler', 'D', { action: 'sign' }); // D late; B never signs
    await at('2026-11-03T10:00:00');
    await solve('A', 'zhujian', 'satisfied');
    await at('2026-11-04T10:00:00');
    await solve('C', 'chengguan', 'very_satisfied');
    await solve('Q', 'chengguan', 'basically_satisfied');
    await fold();

    // Today: one sign-for clock already past due by asOf (a stored pending member of the partial day), one not yet.
    await at('2026-11-20T09:00:00');
    for (const n of ['E', 'F']) { await intake(n); await act('agent', n, { action: 'accept' }); }
    await act('dispatcher', 'E', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await at('2026-11-20T14:30:00');
    await act('dispatcher', 'F', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await fold();

    // After the last fold: an exclusion of a past day's member, and past days' members of appeals now dirty.
    await at('2026-11-20T15:00:00');
    const body = { appealId: id.A, indicator: 'satisfaction', reason: '不满意原因经复核不属于承办单位职责' };
    assert.equal((await s.api('POST', '/api/assessment/exclusions', { token: t.supervisor, body })).status, 201);
    await act('supervisor', 'D', { action: 'urge', reason: '请尽快答复' }); // changes D's urge member of 2 November
    await act('dispatcher', 'A', { action: 'reopen', reason: '群众反映问题复发' }); // A's members of 3 November recomputed
  });
  after(() => s?.close());

  it('reads the whole days before asOf from the day sums and the rest from the members', async () => {
    const asOf = s.clock.now;
    assert.deepEqual(wholeDaysBefore(NOVEMBER.from, NOVEMBER.to, asOf, OFFSET), { from: NOVEMBER.from, to: new Date('2026-11-19T16:00:00Z'), offsetMinutes: OFFSET });
    assert.equal(wholeDaysBefore(new Date('2026-11-20T01:00:00Z'), NOVEMBER.to, asOf, OFFSET), null, 'no whole day between a mid-day start and asOf');
    assert.deepEqual(wholeDaysBefore(new Date('2026-11-02T02:00:00Z'), new Date('2026-11-19T04:00:00Z'), asOf, OFFSET),
      { from: new Date('2026-11-02T16:00:00Z'), to: new Date('2026-11-18T16:00:00Z'), offsetMinutes: OFFSET }, 'a custom period: only the days wholly inside it');
    // Of whole days, the whole local months are read from the month sums.
    const local = (d: string) => new Date(`${d}T00:00:00+08:00`);
    assert.deepEqual(wholeMonthsWithin({ from: local('2026-11-01'), to: local('2026-12-01'), offsetMinutes: OFFSET }), { from: local('2026-11-01'), to: local('2026-12-01') });
    assert.deepEqual(wholeMonthsWithin({ from: local('2026-11-02'), to: local('2027-01-05'), offsetMinutes: OFFSET }), { from: local('2026-12-01'), to: local('2027-01-01') });
    assert.equal(wholeMonthsWithin({ from: local('2026-11-02'), to: local('2026-12-19'), offsetMinutes: OFFSET }), null, 'no whole month inside');
    assert.ok(await count('analytics_indicator_days') > 0, 'the fold wrote day sums');
    assert.ok(await count('analytics_dirty_appeals') > 0, 'appeals marked dirty since the last fold');
    const [pending] = await queryRows<{ past: number; future: number }>(db(), sql`SELECT count(*) FILTER (WHERE at < ${asOf})::int AS past,
      count(*) FILTER (WHERE at > ${asOf})::int AS future FROM analytics_indicator_members WHERE jurisdiction_id = ${J} AND pending`);
    assert.ok(pending!.past >= 2 && pending!.future >= 1, `pending members before and after asOf: ${JSON.stringify(pending)}`);

    // The figures really are read from the day sums: one sum nudged shows in them, not in the member-level ones.
    const q: IndicatorQuery = { jurisdictionId: J, ...NOVEMBER, asOf, weights: resolveSettings({}).satisfactionWeights, groupBy: 'unit', includeSubunits: false, visibleUnitIds: null, ancestorUnitIds: [] };
    const nudge = (by: number) => db().execute(sql`UPDATE analytics_indicator_days SET n = n + ${by} WHERE jurisdiction_id = ${J} AND dim = 'unit'
      AND indicator = 'callback' AND day_start = ${new Date('2026-11-02T16:00:00Z')}`);
    await nudge(1);
    assert.notDeepEqual(await computeIndicatorFigures(db(), q), await computeIndicatorFigures(db(), q, { fromMembers: true }));
    await nudge(-1);
    assert.deepEqual(await computeIndicatorFigures(db(), q), await computeIndicatorFigures(db(), q, { fromMembers: true }));
  });

  it('gives the member-level figures for the month, a custom period and other moments, dirty and folded', async () => {
    const custom = { from: new Date('2026-11-02T02:00:00Z'), to: new Date('2026-11-19T04:00:00Z') };
    const moments = [s.clock.now, new Date('2026-11-02T13:00:00+08:00'), new Date('2026-11-20T11:00:00+08:00'), new Date('2026-12-05T09:00:00+08:00')];
    const compare = async (label: string) => {
      let n = 0;
      for (const asOf of moments) n += await same(`${label}, month as of ${asOf.toISOString()}`, NOVEMBER, asOf);
      n += await same(`${label}, custom period`, custom, s.clock.now);
      return n;
    };
    const dirty = await compare('dirty');
    assert.ok(dirty > 100, `${dirty} figures compared`);
    const leader = await computeIndicatorFigures(db(), { jurisdictionId: J, ...NOVEMBER, asOf: s.clock.now, weights: resolveSettings({}).satisfactionWeights,
      groupBy: 'unit', includeSubunits: false, visibleUnitIds: null, ancestorUnitIds: [] });
    const zhSatisfaction = leader.find((f) => f.groupKey === s.unit('dept-zhujian') && f.indicator === 'satisfaction');
    assert.equal(zhSatisfaction, undefined, "A's callback is excluded from 满意率: zhujian has none left");
    const cgSign = leader.find((f) => f.groupKey === s.unit('dept-chengguan') && f.indicator === 'sign_on_time');
    assert.deepEqual([cgSign?.numerator, cgSign?.denominator], [2, 3], 'C and Q on time, D late');
    const zhSign = leader.find((f) => f.groupKey === s.unit('dept-zhujian') && f.indicator === 'sign_on_time');
    assert.deepEqual([zhSign?.numerator, zhSign?.denominator], [1, 3], 'A on time; B past due (pending, 2 Nov) and E past due today; F not yet due');

    await fold();
    assert.equal(await count('analytics_dirty_appeals'), 0);
    assert.equal(await compare('folded'), dirty, 'as many figures folded as dirty');
    const verified = await verifyAnalyticsRollups(db(), J, { sampleAppeals: 100, months: ['2026-11'], asOf: s.clock.now });
    assert.deepEqual(verified.mismatches, [], 'the day sums equal the stored members summed afresh, figures the brute force');
  });

  it('rebuilds the day sums with the members', async () => {
    const asOf = s.clock.now;
    const before = await same('before the rebuild', NOVEMBER, asOf);
    const days = await queryRows(db(), sql`SELECT day_start, dim, indicator, value, unit_id, accused_unit_id, satisfaction, n, numerator
      FROM analytics_indicator_days WHERE jurisdiction_id = ${J} AND n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    await rebuildAnalyticsRollups(db(), J);
    assert.deepEqual(await queryRows(db(), sql`SELECT day_start, dim, indicator, value, unit_id, accused_unit_id, satisfaction, n, numerator
      FROM analytics_indicator_days WHERE jurisdiction_id = ${J} AND n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`), days, 'folding step by step sums what a rebuild does');
    assert.equal(await same('after the rebuild', NOVEMBER, asOf), before);

    // While a rebuild has not summed the days yet (or died before it did), figures are read member by member.
    const q: IndicatorQuery = { jurisdictionId: J, ...NOVEMBER, asOf, weights: resolveSettings({}).satisfactionWeights, groupBy: 'kind', includeSubunits: false, visibleUnitIds: null, ancestorUnitIds: [] };
    const members = await computeIndicatorFigures(db(), q, { fromMembers: true });
    await db().execute(sql`UPDATE analytics_rollup_state SET indicator_days_ready = false WHERE jurisdiction_id = ${J}`);
    await db().execute(sql`UPDATE analytics_indicator_days SET n = n + 5 WHERE jurisdiction_id = ${J}`);
    assert.deepEqual(await computeIndicatorFigures(db(), q), members);
    await rebuildAnalyticsRollups(db(), J);
    const [state] = await queryRows<{ ready: boolean }>(db(), sql`SELECT indicator_days_ready AS ready FROM analytics_rollup_state WHERE jurisdiction_id = ${J}`);
    assert.equal(state!.ready, true);
    assert.deepEqual(await computeIndicatorFigures(db(), q), members);
  });
});
