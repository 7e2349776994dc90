import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

const local = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
const TODAY = '2026-11-23'; // a Monday

interface CategoryCount { id: string; name: string; count: number; direct: number; children: CategoryCount[] }
interface Street { areaCode: string; name: string; volume: number; overdue: number; overdueRate: number | null; open: number }

/**
 * The dashboard charts' figures (volume trend by channel, kind and category breakdown, street/town roll-up) over
 * known appeals registered at known local times: exact counts, Asia/Shanghai day boundaries, week and month
 * buckets, the community → street roll-up, the overdue rate as of now, the user's scope, and bad input.
 */
describe('dashboard charts: trend, breakdown, streets', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const cat: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const USERS = ['agent', 'dispatcher', 'leader', 'gulou.leader', 'zhujian.handler', 'chengguan.handler'];
  /** Moves the clock weeks at a time, so sessions expire: sign everyone in again. */
  async function at(when: Date) {
    s.clock.now = when;
    for (const u of USERS) tokens[u] = await s.login(u);
  }
  async function register(when: Date, overrides: Record<string, unknown>) {
    if (s.clock.now.getTime() !== when.getTime()) await at(when);
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody(overrides) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
  }
  async function dispatch(id: string, unitKey: string) {
    await act('agent', id, { action: 'accept' });
    await act('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit(unitKey) });
  }
  async function get<T = any>(path: string, user = 'leader'): Promise<T> {
    const res = await s.api('GET', path, { token: tokens[user] });
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  }
  const streetOf = (streets: Street[], code: string) => streets.find((x) => x.areaCode === code)!;

  before(async () => {
    s = await startTestServer({ now: local('2026-10-30', '10:00') });
    await at(s.clock.now);
    for (const c of (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items) cat[c.key] = c.id;
    // October, located at district level only: outside every street.
    ids.october = await register(local('2026-10-30', '10:00'), { channel: 'phone_12345', kind: 'complaint', categoryId: cat['construction.property.fees'], areaCode: '370812' });
    // A community of 鼓楼街道, dispatched to its station and never signed: the sign-for clock runs out.
    ids.community = await register(local('2026-11-02', '10:00'), { channel: 'phone_12345', kind: 'complaint', categoryId: cat['construction.property.fees'], areaCode: '370812001002' });
    await dispatch(ids.community, 'station-370812001002');
    // 23:30 in Shanghai is still 2 November; 00:30 is 3 November although UTC still says the 2nd.
    ids.lateNight = await register(local('2026-11-02', '23:30'), { channel: 'web', kind: 'help', categoryId: cat['construction.property.service-quality'], areaCode: '370812001' });
    ids.afterMidnight = await register(local('2026-11-03', '00:30'), { channel: 'web', kind: 'consultation', categoryId: cat['city-management.street-order.street-vending'], areaCode: '370812001003' });
    // Filed under a top-level category; signed, then left: its later clocks run out.
    ids.zhujian = await register(local('2026-11-10', '10:00'), { channel: 'app', kind: 'help', categoryId: cat.construction, areaCode: '370812102' });
    await dispatch(ids.zhujian, 'dept-zhujian');
    await act('zhujian.handler', ids.zhujian, { action: 'sign' });
    // Today, no category, just dispatched: its sign-for clock is due at 11:00.
    ids.today = await register(local(TODAY, '08:50'), { channel: 'phone_12345', kind: 'complaint', areaCode: '370812006001' });
    await at(local(TODAY, '09:00'));
    await dispatch(ids.today, 'dept-chengguan');
  });
  after(() => s.close());

  it('volume trend by channel per local day: every day present, the Shanghai day boundary respected', async () => {
    const t = await get('/api/reports/volume-trend?from=2026-11-01');
    assert.equal(t.bucket, 'day');
    assert.equal(t.period.firstDay, '2026-11-01');
    assert.equal(t.period.lastDay, TODAY, 'to defaults to today');
    assert.equal(t.period.from, '2026-10-31T16:00:00.000Z');
    assert.equal(t.buckets.length, 23);
    assert.equal(t.total, 5);
    const series = Object.fromEntries(t.channels.map((c: { channel: string; counts: number[] }) => [c.channel, c.counts]));
    const on = (channel: string, day: string) => series[channel][t.buckets.findIndex((b: { key: string }) => b.key === day)];
    assert.deepEqual(t.channels.map((c: { channel: string; total: number }) => [c.channel, c.total]), [['phone_12345', 2], ['web', 2], ['app', 1]]);
    assert.equal(on('web', '2026-11-02'), 1, '23:30 local stays on the 2nd');
    assert.equal(on('web', '2026-11-03'), 1, '00:30 local is the 3rd');
    assert.equal(on('phone_12345', '2026-11-02'), 1);
    assert.equal(on('phone_12345', TODAY), 1);
    assert.equal(on('app', '2026-11-10'), 1);
    assert.equal(t.totals.reduce((a: number, b: number) => a + b, 0), 5);
    assert.equal(t.totals[t.buckets.findIndex((b: { key: string }) => b.key === '2026-11-02')], 2);

    const d = await get('/api/reports/volume-trend');
    assert.equal(d.period.firstDay, '2026-10-25', 'the default is the last 30 days');
    assert.equal(d.buckets.length, 30);
    assert.equal(d.total, 6);
  });

  it('week buckets start on Monday and clip the first partial week; month buckets cover the default 12 months', async () => {
    const w = await get('/api/reports/volume-trend?bucket=week&from=2026-11-01');
    assert.deepEqual(w.buckets, [
      { key: '2026-10-26', firstDay: '2026-11-01', lastDay: '2026-11-01' },
      { key: '2026-11-02', firstDay: '2026-11-02', lastDay: '2026-11-08' },
      { key: '2026-11-09', firstDay: '2026-11-09', lastDay: '2026-11-15' },
      { key: '2026-11-16', firstDay: '2026-11-16', lastDay: '2026-11-22' },
      { key: '2026-11-23', firstDay: '2026-11-23', lastDay: '2026-11-23' },
    ]);
    assert.deepEqual(w.totals, [0, 3, 1, 0, 1]);
    const phone = w.channels.find((c: { channel: string }) => c.channel === 'phone_12345');
    assert.deepEqual(phone.counts, [0, 1, 0, 0, 1]);

    const m = await get('/api/reports/volume-trend?bucket=month');
    assert.equal(m.buckets.length, 12);
    assert.equal(m.buckets[0].key, '2025-12');
    assert.equal(m.buckets[11].key, '2026-11');
    assert.deepEqual(m.totals.slice(-2), [1, 5]);
    assert.deepEqual(m.channels.map((c: { channel: string; counts: number[] }) => [c.channel, c.counts.slice(-2)]), [['phone_12345', [1, 2]], ['web', [0, 2]], ['app', [0, 1]]]);

    const q = await get('/api/reports/volume-trend?bucket=week');
    assert.equal(q.buckets.length, 12, 'the default is 12 whole weeks');
    assert.equal(q.period.firstDay, '2026-09-07');
  });

  it('breakdown by kind and by the category tree, counts summed up the tree', async () => {
    const b = await get('/api/reports/breakdown?from=2026-11-01&to=2026-11-23');
    assert.equal(b.total, 5);
    assert.deepEqual(b.byKind, [{ kind: 'complaint', count: 2 }, { kind: 'help', count: 2 }, { kind: 'consultation', count: 1 }]);
    assert.equal(b.uncategorised, 1);
    // Siblings with equal counts are ordered by name; compare them by id.
    type Shape = { id: string; count: number; direct: number; children: Shape[] };
    const shape = (n: CategoryCount | Shape): Shape => ({ id: n.id, count: n.count, direct: n.direct, children: n.children.map(shape).sort((x, y) => x.id.localeCompare(y.id)) });
    const node = (key: string, count: number, direct: number, children: Shape[] = []): Shape => ({ id: cat[key]!, count, direct, children });
    assert.deepEqual(b.categories.map(shape), [
      node('construction', 3, 1, [node('construction.property', 2, 0, [node('construction.property.fees', 1, 1), node('construction.property.service-quality', 1, 1)])]),
      node('city-management', 1, 0, [node('city-management.street-order', 1, 0, [node('city-management.street-order.street-vending', 1, 1)])]),
    ].map(shape));
    assert.ok(b.categories[0].name, 'nodes carry their names');
    const week = await get('/api/reports/breakdown?days=7');
    assert.deepEqual([week.period.firstDay, week.period.lastDay], ['2026-11-17', TODAY], 'days: the last n days ending today');
    assert.equal(week.total, 1);
  });

  it('per street/town: communities roll up to their street, overdue rate as of now, unlocated apart', async () => {
    const r = await get<{ total: number; streets: Street[]; unlocated: Street }>('/api/reports/streets?from=2026-10-01');
    assert.equal(r.total, 6);
    assert.equal(r.streets.length, 10, 'every street/town of the jurisdiction, with zeros');
    assert.deepEqual(streetOf(r.streets, '370812001'), { ...streetOf(r.streets, '370812001'), volume: 3, overdue: 1, overdueRate: 0.3333, open: 3 });
    assert.deepEqual(streetOf(r.streets, '370812102'), { ...streetOf(r.streets, '370812102'), volume: 1, overdue: 1, overdueRate: 1, open: 1 });
    assert.deepEqual(streetOf(r.streets, '370812006'), { ...streetOf(r.streets, '370812006'), volume: 1, overdue: 0, overdueRate: 0, open: 1 });
    assert.equal(streetOf(r.streets, '370812003').overdueRate, null, 'no appeals: no rate');
    assert.deepEqual(r.unlocated, { volume: 1, overdue: 0, overdueRate: 0, open: 1 });
    assert.equal(r.streets.reduce((n, x) => n + x.volume, 0) + r.unlocated.volume, r.total);

    s.clock.now = local(TODAY, '11:30'); // today's sign-for clock ran out at 11:00
    try {
      const later = await get<{ streets: Street[] }>('/api/reports/streets?from=2026-10-01');
      assert.equal(streetOf(later.streets, '370812006').overdue, 1);
      assert.equal(streetOf(later.streets, '370812006').overdueRate, 1);
    } finally { s.clock.now = local(TODAY, '09:00'); }

    const nov = await get<{ total: number; unlocated: Street }>('/api/reports/streets?from=2026-11-01');
    assert.equal(nov.total, 5);
    assert.equal(nov.unlocated.volume, 0);
  });

  it('a unit sees its own subtree only; a leader the whole jurisdiction', async () => {
    const gulou = await get<{ total: number; streets: Street[] }>('/api/reports/streets?from=2026-10-01', 'gulou.leader');
    assert.equal(gulou.total, 1, 'only the appeal dispatched to its community station');
    assert.equal(streetOf(gulou.streets, '370812001').volume, 1);
    assert.equal(streetOf(gulou.streets, '370812102').volume, 0);
    const trend = await get('/api/reports/volume-trend?from=2026-11-01', 'zhujian.handler');
    assert.deepEqual(trend.channels.map((c: { channel: string; total: number }) => [c.channel, c.total]), [['app', 1]]);
    const breakdown = await get('/api/reports/breakdown?from=2026-11-01', 'chengguan.handler');
    assert.deepEqual(breakdown.byKind, [{ kind: 'complaint', count: 1 }]);
    assert.equal(breakdown.uncategorised, 1);
    assert.deepEqual(breakdown.categories, []);
  });

  it('bad input is a 400 with a stable code and the field; no session is a 401', async () => {
    const cases: [string, string | undefined][] = [
      ['/api/reports/volume-trend?bucket=year', undefined],
      ['/api/reports/volume-trend?from=2026-13-01', 'from'],
      ['/api/reports/volume-trend?from=2026-02-30', 'from'],
      ['/api/reports/volume-trend?to=2026-02-30', 'to'],
      ['/api/reports/volume-trend?from=2026-11-10&to=2026-11-01', 'to'],
      ['/api/reports/volume-trend?bucket=week&from=2020-01-01', 'to'],
      ['/api/reports/volume-trend?bucket=day&from=2025-01-01', 'bucket'],
      ['/api/reports/volume-trend?from=1.1.2026', undefined],
      ['/api/reports/breakdown?from=2026-11-01&unit=x', undefined],
      ['/api/reports/breakdown?to=2026-1-1', undefined],
      ['/api/reports/streets?from=2026-11-31', 'from'],
      ['/api/reports/streets?from=', undefined],
      ['/api/reports/streets?days=7&from=2026-11-01', 'days'],
      ['/api/reports/streets?days=0', undefined],
      ['/api/reports/breakdown?days=1200', 'to'],
    ];
    for (const [path, field] of cases) {
      const res = await s.api('GET', path, { token: tokens.leader });
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED', path);
      if (field) assert.equal(res.body.error.details?.field, field, path);
    }
    const ok = await get('/api/reports/volume-trend?bucket=month&from=2024-01-01');
    assert.equal(ok.buckets.length, 35, 'months may span the whole custom period');
    for (const path of ['/api/reports/volume-trend', '/api/reports/breakdown', '/api/reports/streets']) assert.equal((await s.api('GET', path)).status, 401);
  });

  it('看板: a unit reader counts its units as the leader does; closed today counts once, open appeals read from their index', async () => {
    type Unit = { unitId: string; todayIntake: number; open: number; overdue: number; dueSoon: number; closedToday: number };
    const unitOf = (d: { byUnit: Unit[] }, key: string) => d.byUnit.find((u) => u.unitId === s.unit(key));
    const leader = await get<{ byUnit: Unit[]; totals: Unit }>('/api/reports/dashboard?days=30');
    // 鼓楼's station never signed for its appeal (overdue); 城管 was just sent today's (due soon), both read by key.
    const gulou = await get<{ byUnit: Unit[]; totals: Unit }>('/api/reports/dashboard?days=30', 'gulou.leader');
    assert.deepEqual(unitOf(gulou, 'station-370812001002'), unitOf(leader, 'station-370812001002'));
    assert.equal(gulou.totals.overdue, 1);
    const chengguan = await get<{ byUnit: Unit[]; totals: Unit }>('/api/reports/dashboard?days=30', 'chengguan.handler');
    assert.deepEqual(chengguan.byUnit, [unitOf(leader, 'dept-chengguan')]);
    assert.deepEqual([chengguan.totals.dueSoon, chengguan.totals.overdue], [1, 0]);

    // Registered and answered today: one more intake and one closure today, and no more open appeals.
    const id = await register(s.clock.now, { channel: 'web', kind: 'consultation', areaCode: '370812' });
    await act('agent', id, { action: 'answer_directly', answer: '已告知办理流程。' });
    const after = await get<{ totals: Unit; byStatus: { status: string; count: number }[] }>('/api/reports/dashboard?days=30');
    assert.deepEqual([after.totals.todayIntake, after.totals.closedToday, after.totals.open], [leader.totals.todayIntake + 1, leader.totals.closedToday + 1, leader.totals.open]);
    assert.equal(after.byStatus.reduce((n, r) => n + r.count, 0), after.totals.open, 'by status: the open appeals');

    // appeals_open_idx serves only if the readers' list of terminal statuses is its predicate's.
    const [index] = await queryRows<{ indexdef: string }>(s.deps.database.db, sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'appeals_open_idx'`);
    assert.deepEqual([...index!.indexdef.matchAll(/'(\w+)'/g)].map((m) => m[1]).sort(), [...TERMINAL_STATUSES].sort());
  });
});
