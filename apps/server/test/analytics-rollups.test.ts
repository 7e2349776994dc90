import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { countClosed, countRegisteredBy, foldAnalytics, queryRows, rebuildAnalyticsRollups, verifyAnalyticsRollups, APPEAL_DIMENSIONS } from '@minsheng/db';
import { sweepDeadlines } from '../src/jobs/deadline-sweep';
import { SUPERVISED_STATUSES } from '../src/modules/supervision/use-cases/supervision-board';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { lifecycleDriver } from './lifecycle-driver';

const J = '370812';
const OFFSET = 480;

/**
 * The analytics rollups against a brute-force recomputation, through the real lifecycle: appeals dispatched,
 * signed, replied, called back and closed; a deadline passing with nothing written; a return and redispatch to
 * another unit; a reopen; a reclassification; an exclusion; a rebuild. At every step the rollups (folded by the
 * job, or still dirty and recomputed inline) equal the original SQL over events, and every figure and chart a
 * reader gets is the same before and after the job folds.
 */
describe('analytics rollups', () => {
  let s: TestServer;
  const { t, id, at, act, intake } = lifecycleDriver(() => s);
  const db = () => s.deps.database.db;
  const count = async (table: string) => (await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE jurisdiction_id = ${J}`))[0]!.n;

  /** Everything a reader sees that the rollups feed, without the moment it was generated. */
  async function readerView() {
    const strip = (v: unknown): unknown => (Array.isArray(v) ? v.map(strip) : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'generatedAt').map(([k, x]) => [k, strip(x)])) : v);
    const paths: [string, string][] = [];
    for (const g of ['unit', 'area', 'category', 'channel', 'kind']) paths.push(['leader', `/api/indicators?period=month&from=2026-11-01&groupBy=${g}`]);
    paths.push(['leader', '/api/indicators?period=month&from=2026-11-01&groupBy=unit&includeSubunits=true']);
    paths.push(['zhujian.leader', '/api/indicators?period=month&from=2026-11-01&groupBy=unit']);
    paths.push(['chengguan.leader', '/api/indicators?period=month&from=2026-11-01&groupBy=kind']);
    for (const code of ['sign_on_time', 'on_time_completion', 'satisfaction', 'return', 'redo']) paths.push(['leader', `/api/indicators/${code}/appeals?period=month&from=2026-11-01&limit=100`]);
    paths.push(['leader', '/api/assessment?month=2026-11']);
    for (const u of ['leader', 'zhujian.leader']) {
      paths.push([u, '/api/reports/volume-trend?bucket=day&from=2026-11-01&to=2026-11-30']);
      paths.push([u, '/api/reports/volume-trend?bucket=week&from=2026-11-01&to=2026-11-30']);
      paths.push([u, '/api/reports/breakdown?from=2026-11-01&to=2026-11-30']);
      paths.push([u, '/api/reports/streets?from=2026-11-01&to=2026-11-30']);
    }
    const out: Record<string, unknown> = {};
    for (const [user, path] of paths) {
      const res = await s.api('GET', path, { token: t[user] });
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
      out[`${user} ${path}`] = strip(res.body);
    }
    const window = { jurisdictionId: J, from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') };
    for (const d of APPEAL_DIMENSIONS) {
      const rolled = await countRegisteredBy(db(), { ...window, offsetMinutes: OFFSET }, d);
      assert.deepEqual([...rolled].sort(), [...await countRegisteredBy(db(), window, d)].sort(), `registered by ${d}: rollup against the appeals`);
      out[`registered by ${d}`] = [...rolled].sort();
    }
    assert.equal(await countClosed(db(), { ...window, offsetMinutes: OFFSET }), await countClosed(db(), window), 'closed: rollup against the appeals');
    await streetsAgainstAppeals(out['leader /api/reports/streets?from=2026-11-01&to=2026-11-30'] as StreetsView, window, s.clock.now);
    Object.assign(out, await overdueAgainstClocks(s.clock.now));
    return out;
  }

  /**
   * The 看板's and the 督办 board's 超期 (the appeals' overdue_marked and the clocks no sweep has marked yet) against
   * the clocks themselves: an open appeal with a running, unpaused clock past due.
   */
  async function overdueAgainstClocks(now: Date) {
    const flags = await queryRows<{ id: string; overdue_marked: boolean; marked: boolean }>(db(), sql`
      SELECT a.id, a.overdue_marked, EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = a.jurisdiction_id AND c.appeal_id = a.id
               AND c.stopped_at IS NULL AND c.paused_at IS NULL AND c.overdue_notified_at IS NOT NULL) AS marked
        FROM appeals a WHERE a.jurisdiction_id = ${J}`);
    for (const f of flags) assert.equal(f.overdue_marked, f.marked, `appeal ${f.id}: overdue_marked follows its clocks`);

    const soonHours = 48;
    const soon = new Date(now.getTime() + soonHours * 3_600_000);
    const running = sql`c.jurisdiction_id = a.jurisdiction_id AND c.appeal_id = a.id AND c.stopped_at IS NULL AND c.paused_at IS NULL`;
    const expected = await queryRows<{ unit_id: string; lead_unit_id: string | null; status: string; overdue: boolean; soon: boolean; yellow: boolean }>(db(), sql`
      SELECT coalesce(a.lead_unit_id, a.owner_unit_id) AS unit_id, a.lead_unit_id, a.status,
             EXISTS (SELECT 1 FROM appeal_clocks c WHERE ${running} AND c.due_at < ${now}) AS overdue,
             EXISTS (SELECT 1 FROM appeal_clocks c WHERE ${running} AND c.due_at >= ${now} AND c.due_at < ${soon}) AS soon,
             EXISTS (SELECT 1 FROM appeal_clocks c WHERE ${running} AND c.due_at >= ${now} AND c.yellow_notified_at IS NOT NULL) AS yellow
        FROM appeals a WHERE a.jurisdiction_id = ${J} AND a.status NOT IN ('closed', 'referred', 'rejected', 'merged')`);
    const kanban = (await s.api('GET', `/api/reports/dashboard?days=7&soonHours=${soonHours}`, { token: t.leader })).body;
    const byUnit = new Map<string, { open: number; overdue: number; dueSoon: number }>();
    for (const r of expected) {
      const u = byUnit.get(r.unit_id) ?? { open: 0, overdue: 0, dueSoon: 0 };
      byUnit.set(r.unit_id, { open: u.open + 1, overdue: u.overdue + Number(r.overdue), dueSoon: u.dueSoon + Number(!r.overdue && r.soon) });
    }
    const shown = new Map((kanban.byUnit as { unitId: string; open: number; overdue: number; dueSoon: number }[])
      .filter((u) => u.open > 0).map((u) => [u.unitId, { open: u.open, overdue: u.overdue, dueSoon: u.dueSoon }]));
    assert.deepEqual(shown, byUnit, '看板 by unit: open, 超期 and due soon against the clocks');

    const board = (await s.api('GET', '/api/supervision/board', { token: t.supervisor })).body;
    const supervised = expected.filter((r) => SUPERVISED_STATUSES.includes(r.status));
    for (const light of ['red', 'yellow'] as const) {
      const counted = new Map<string | null, number>();
      for (const r of supervised) if (light === 'red' ? r.overdue : r.yellow) counted.set(r.lead_unit_id, (counted.get(r.lead_unit_id) ?? 0) + 1);
      const badges = new Map((board.units as ({ unitId: string | null } & Record<string, number>)[]).filter((u) => u[light]! > 0).map((u) => [u.unitId, u[light]]));
      assert.deepEqual(badges, counted, `督办 board ${light} against the clocks`);
    }
    return { kanban: { ...kanban, generatedAt: undefined }, board };
  }

  type StreetFigures = { volume: number; overdue: number; open: number };
  type StreetsView = { streets: (StreetFigures & { areaCode: string })[]; unlocated: StreetFigures };
  /** A leader's 街镇分布 (from the daily rollup and the running clocks) against counting the window's appeals. */
  async function streetsAgainstAppeals(view: StreetsView, window: { from: Date; to: Date }, now: Date) {
    const rows = await queryRows<StreetFigures & { street: string | null }>(db(), sql`
      SELECT CASE WHEN length(a.area_code) >= 9 THEN left(a.area_code, 9) END AS street, count(*)::int AS volume,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = a.jurisdiction_id AND c.appeal_id = a.id
               AND c.due_at < coalesce(c.stopped_at, c.paused_at, ${now})))::int AS overdue,
             count(*) FILTER (WHERE a.status NOT IN ('closed', 'referred', 'rejected', 'merged'))::int AS open
        FROM appeals a WHERE a.jurisdiction_id = ${J} AND a.created_at >= ${window.from} AND a.created_at < ${window.to} GROUP BY 1`);
    const shown = new Map(view.streets.map((x) => [x.areaCode, x]));
    const pick = (x: StreetFigures) => ({ volume: x.volume, overdue: x.overdue, open: x.open });
    for (const r of rows) if (r.street && shown.has(r.street)) assert.deepEqual(pick(shown.get(r.street)!), pick(r), `街镇分布 ${r.street}: rollup against the appeals`);
    const rest = rows.filter((r) => !r.street || !shown.has(r.street)).reduce((t, r) => ({ volume: t.volume + r.volume, overdue: t.overdue + r.overdue, open: t.open + r.open }), { volume: 0, overdue: 0, open: 0 });
    assert.deepEqual(pick(view.unlocated), rest, '街镇分布 unlocated: rollup against the appeals');
  }

  /** The rollups equal the brute force, dirty or folded, and readers see the same either way. */
  async function check(label: string) {
    const dirty = await verifyAnalyticsRollups(db(), J, { sampleAppeals: 1000, months: ['2026-11'], asOf: s.clock.now });
    assert.deepEqual(dirty.mismatches, [], `${label}, before folding`);
    assert.ok(dirty.checked > 0);
    const before = await readerView();
    const folded = await foldAnalytics(db(), J, OFFSET, { wait: true });
    assert.equal(await count('analytics_dirty_appeals'), 0, `${label}: every dirty appeal folded (${JSON.stringify(folded)})`);
    assert.equal(await count('analytics_count_deltas'), 0, `${label}: every delta folded`);
    const after = await verifyAnalyticsRollups(db(), J, { sampleAppeals: 1000, months: ['2026-11'], asOf: s.clock.now });
    assert.deepEqual(after.mismatches, [], `${label}, folded`);
    console.log(`# ${label}: rollup == brute force (${after.checked} checked), ${folded.appeals} appeals and ${folded.deltas} deltas folded`);
    assert.deepEqual(await readerView(), before, `${label}: what readers see does not change when the job folds`);
  }

  before(async () => {
    s = await startTestServer({ now: new Date('2026-11-23T09:00:00+08:00') });
    await at('2026-11-23T09:00:00');
    const zhujian = s.unit('dept-zhujian');
    const chengguan = s.unit('dept-chengguan');
    for (const n of ['A', 'B', 'D']) await intake(n);
    await intake('C', { kind: 'consultation', title: '咨询居住证办理需要哪些材料', content: '想咨询一下在兖州办理居住证需要准备哪些材料，去哪里办理，多长时间能拿到。' });
    await intake('E', { kind: 'consultation', title: '咨询公积金提取条件', content: '想咨询住房公积金提取需要满足什么条件，提取需要哪些材料，多久能到账。' });
    await intake('F');
    for (const n of ['A', 'B', 'C', 'D']) await act('agent', n, { action: 'accept' });
    await act('dispatcher', 'A', { action: 'dispatch', leadUnitId: zhujian });
    await act('dispatcher', 'B', { action: 'dispatch', leadUnitId: zhujian });
    await act('dispatcher', 'C', { action: 'dispatch', leadUnitId: chengguan });
    await act('agent', 'E', { action: 'answer_directly', answer: '已告知提取条件和所需材料。' });
    await act('dispatcher', 'F', { action: 'merge', masterId: id.A });
  });
  after(() => s?.close());

  it('agrees with the brute force right after intake and dispatch, dirty and folded', async () => {
    assert.ok(await count('analytics_dirty_appeals') > 0, 'the lifecycle marked its appeals dirty');
    assert.ok(await count('analytics_count_deltas') >= 6, 'intake appended count deltas');
    await check('after dispatch');
  });

  it('counts a sign-for deadline passing with nothing written, at its due time', async () => {
    await at('2026-11-23T09:30:00');
    await act('zhujian.handler', 'A', { action: 'sign' });
    await act('chengguan.handler', 'C', { action: 'sign' });
    await foldAnalytics(db(), J, OFFSET, { wait: true });
    const sign = async () => {
      const res = await s.api('GET', '/api/indicators?period=month&from=2026-11-01&groupBy=unit', { token: t.leader });
      return res.body.groups.find((g: any) => g.key === s.unit('dept-zhujian'))?.figures.find((f: any) => f.indicator === 'sign_on_time');
    };
    assert.deepEqual([(await sign()).numerator, (await sign()).denominator], [1, 1], 'B still has time to sign');
    await at('2026-11-23T14:00:00'); // past B's sign-for clock (two working hours from 09:00)
    assert.equal(await count('analytics_dirty_appeals'), 0, 'nothing was written for B');
    assert.deepEqual([(await sign()).numerator, (await sign()).denominator], [1, 2], 'B ran past due: a member of the denominator');
    await check('a deadline passed');
  });

  it('follows the lifecycle: reply, callback, close, a return and redispatch to another unit, a reopen', async () => {
    await act('zhujian.handler', 'A', { action: 'record_contact' });
    await act('zhujian.handler', 'A', { action: 'reply', reply: { text: '已责令施工单位夜间停止作业。', result: 'solved' } });
    await act('zhujian.leader', 'A', { action: 'approve_reply' });
    await act('callback', 'A', { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
    await act('callback', 'A', { action: 'close' });
    await act('supervisor', 'C', { action: 'urge', reason: '请尽快答复' });
    await check('A closed, C urged');

    await at('2026-11-23T15:00:00');
    await act('zhujian.handler', 'B', { action: 'request_return', reason: '不属于本单位职责' });
    await act('dispatcher', 'B', { action: 'approve_return' });
    await act('dispatcher', 'B', { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') });
    await check('B returned and redispatched');

    await at('2026-11-24T10:00:00');
    await act('dispatcher', 'A', { action: 'reopen', reason: '群众反映问题复发' });
    await check('A reopened');
    await act('dispatcher', 'A', { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') });
    await at('2026-11-26T10:00:00'); // A's and B's new clocks pass their due times unattended
    await check('redispatched clocks overdue');
    // The sweep marks them overdue: 街镇分布 then counts them from the daily rollup instead of live, the same figures.
    await sweepDeadlines(s.deps, J);
    const [marked] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM appeal_clocks
      WHERE jurisdiction_id = ${J} AND stopped_at IS NULL AND paused_at IS NULL AND overdue_notified_at IS NOT NULL`);
    assert.ok(marked!.n > 0, 'the sweep marked running clocks overdue');
    await check('overdue clocks swept');
    // A marked clock paused is no longer running: the appeal is not 超期 until it runs again.
    const [pausable] = await queryRows<{ appeal_id: string; clock: string }>(db(), sql`SELECT appeal_id, clock FROM appeal_clocks
      WHERE jurisdiction_id = ${J} AND stopped_at IS NULL AND paused_at IS NULL AND overdue_notified_at IS NOT NULL ORDER BY appeal_id, clock LIMIT 1`);
    await db().execute(sql`UPDATE appeal_clocks SET paused_at = ${s.clock.now} WHERE jurisdiction_id = ${J} AND appeal_id = ${pausable!.appeal_id} AND clock = ${pausable!.clock}`);
    await check('a marked clock paused');
    await db().execute(sql`UPDATE appeal_clocks SET paused_at = NULL WHERE jurisdiction_id = ${J} AND appeal_id = ${pausable!.appeal_id} AND clock = ${pausable!.clock}`);
    await check('the marked clock running again');
  });

  it('follows an exclusion, a reclassified appeal and a rebuild', async () => {
    const body = { appealId: id.A, indicator: 'satisfaction', reason: '不满意原因经复核不属于承办单位职责' };
    assert.equal((await s.api('POST', '/api/assessment/exclusions', { token: t.supervisor, body })).status, 201);
    await check('A excluded from satisfaction');

    const g = await intake('G');
    const categories = (await s.api('GET', '/api/categories', { token: t.agent })).body.items as { id: string; key: string }[];
    const other = categories.find((c) => c.id !== g.categoryId && c.key.includes('.'))!;
    await act('dispatcher', 'G', { action: 'reclassify', version: g.version, categoryId: other.id });
    const [row] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM analytics_count_deltas WHERE jurisdiction_id = ${J} AND n = -1`);
    assert.ok(row!.n >= 1, 'the old category left the counts');
    await check('G reclassified');

    // B signed for days after its due time: its sign-for clock stopped late (街镇分布's 超期 from the rollup, no
    // longer from the running clock). Moved to another street, its late count moves with it; a clock judged on time
    // after all, or deleted, takes the appeal out of 'late' (it was its only late clock).
    await act('chengguan.handler', 'B', { action: 'sign' });
    await check('B signed late');
    const [late] = await queryRows<{ appeal_id: string; clock: string }>(db(), sql`SELECT appeal_id, clock FROM appeal_clocks
      WHERE jurisdiction_id = ${J} AND appeal_id = ${id.B} AND due_at < coalesce(stopped_at, paused_at)`);
    assert.ok(late, 'B has a clock that stopped late');
    await db().execute(sql`UPDATE appeals SET area_code = '370812102' WHERE jurisdiction_id = ${J} AND id = ${late.appeal_id}`);
    await check('a late appeal moved to another street');
    await db().execute(sql`UPDATE appeal_clocks SET stopped_at = due_at - interval '1 minute' WHERE jurisdiction_id = ${J} AND appeal_id = ${late.appeal_id} AND clock = ${late.clock}`);
    await check('its late clock judged on time after all');
    await db().execute(sql`UPDATE appeal_clocks SET stopped_at = due_at + interval '1 minute' WHERE jurisdiction_id = ${J} AND appeal_id = ${late.appeal_id} AND clock = ${late.clock}`);
    await db().execute(sql`DELETE FROM appeal_clocks WHERE jurisdiction_id = ${J} AND appeal_id = ${late.appeal_id} AND clock = ${late.clock}`);
    await check('the late clock deleted');

    const before = await readerView();
    const rebuilt = await rebuildAnalyticsRollups(db(), J);
    assert.ok(rebuilt.rows > 0);
    assert.equal(await count('analytics_dirty_appeals'), 0);
    assert.equal(await count('analytics_count_deltas'), 0);
    assert.deepEqual(await readerView(), before, 'a rebuild changes nothing a reader sees');
    const verified = await verifyAnalyticsRollups(db(), J, { sampleAppeals: 1000, seed: 7, months: ['2026-11', '2026-10'], asOf: s.clock.now });
    assert.deepEqual(verified.mismatches, []);
    console.log(`# after a rebuild: rollup == brute force (${verified.checked} checked, ${rebuilt.rows} rows rebuilt)`);
  });

  it('reads a whole past month from the month sums, and keeps them as appeals change', async () => {
    await at('2026-12-02T10:00:00');
    await check('November read as a whole month');
    // A November appeal moved to another category: its members leave one month sum for another when folded.
    const categories = (await s.api('GET', '/api/categories', { token: t.agent })).body.items as { id: string; key: string }[];
    const [a] = await queryRows<{ category_id: string }>(db(), sql`SELECT category_id FROM appeals WHERE jurisdiction_id = ${J} AND id = ${id.A}`);
    const other = categories.find((c) => c.id !== a!.category_id && c.key.includes('.'))!;
    await db().execute(sql`UPDATE appeals SET category_id = ${other.id} WHERE jurisdiction_id = ${J} AND id = ${id.A}`);
    await check('a November appeal reclassified in December');
    const [months] = await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM analytics_indicator_months WHERE jurisdiction_id = ${J} AND n <> 0`);
    assert.ok(months!.n > 0, 'the month sums hold November');
  });
});
