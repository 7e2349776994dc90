import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { refused } from './portal-helpers';

type Figure = { numerator: number; denominator: number; rate: number | null; weight: number; points: number | null };
type ModuleKey = 'network' | 'communityFiles' | 'diaries' | 'receptions' | 'screening' | 'revisits' | 'proxy';
type Row = { unitId: string; unitName: string; score: number | null; rank: number | null; tierSize: number; gaps: string[]; modules: Record<ModuleKey, Figure> };
type Tier = { tier: 'street' | 'department'; weights: Record<string, number>; rows: Row[] };
const tierOf = (body: { tiers: Tier[] }, tier: Tier['tier']) => body.tiers.find((t) => t.tier === tier)!;
const rowOf = (body: { tiers: Tier[] }, name: string) => body.tiers.flatMap((t) => t.rows).find((r) => r.unitName === name)!;
const counts = (r: Row) => Object.fromEntries(Object.entries(r.modules).map(([k, f]) => [k, `${f.numerator}/${f.denominator}`]));

/** 群众工作月度考核 (issue 8 module 9) over HTTP, on the demo's known data plus receptions built through the API. */
describe('monthly registry report', () => {
  let s: TestServer;
  const t: Record<string, string> = {};
  const users = ['agent', 'supervisor', 'leader', 'admin', 'gulou.leader', 'gulou.handler', 'zhujian.leader', 'dispatcher'];
  const report = (token: string | undefined, month = '2026-11') => s.api('GET', `/api/registry/report?month=${month}`, { token });

  before(async () => {
    s = await startTestServer();
    for (const u of users) t[u] = await s.login(u);
    // 领导接访 scheduled for two streets this Monday morning (the clock stands at 09:00); only 鼓楼 records its session.
    const leaders = (await s.api('GET', '/api/registry/diary-compliance?month=2026-11', { token: t.supervisor })).body.rows as { userId: string; name: string }[];
    for (const [unitKey, leaderName] of [['street-370812001', '朱宏伟'], ['street-370812102', '许德胜']] as const) {
      const rule = await s.api('POST', '/api/registry/reception-rules', { token: t.admin, body: {
        kind: 'leader_reception', unitId: s.unit(unitKey), leaderName, recurrence: { freq: 'weekly', weekday: 1 }, startTime: '08:00', endTime: '12:00', place: '街道群众工作站',
      } });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
    }
    const session = await s.api('POST', '/api/registry/sessions', { token: t.dispatcher, body: {
      kind: 'leader_reception', leaderUserId: leaders.find((l) => l.name === '朱宏伟')!.userId, unitId: s.unit('street-370812001'), heldAt: '2026-11-23T08:30:00+08:00', place: '鼓楼街道群众工作站',
    } });
    assert.equal(session.status, 201, JSON.stringify(session.body));
  });
  after(() => s.close());

  it('scores every street and department of the month from each module\'s figures, ranked within its tier', async () => {
    const r = await report(t.supervisor);
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
    assert.equal(r.body.month, '2026-11');
    assert.equal(r.body.complete, false, 'the 23rd: the month still runs');
    assert.equal(r.body.asOfLocal, '2026-11-23 09:00');
    const streets = tierOf(r.body, 'street');
    assert.equal(streets.rows.length, 10);
    assert.deepEqual(streets.weights, { network: 25, communityFiles: 15, diaries: 15, receptions: 10, screening: 15, revisits: 10, proxy: 10 });
    assert.equal(tierOf(r.body, 'department').weights.communityFiles, 0);
    const gulou = rowOf(r.body, '鼓楼街道');
    // Network: station, own officers, 2 rooms, 2 communities' officers (文东 short) and one school (short) — §13.
    assert.deepEqual(counts(gulou), { network: '5/7', communityFiles: '1/2', diaries: '1/1', receptions: '1/1', screening: '1/1', revisits: '0/1', proxy: '1/1' });
    // 25×5/7 + 15×1/2 + 15 + 10 + 15 + 10×0 + 10 = 75.357…
    assert.equal(gulou.score, 75.36);
    assert.deepEqual(gulou.gaps, ['network', 'communityFiles', 'revisits']);
    assert.deepEqual(gulou.modules.network, { numerator: 5, denominator: 7, rate: 5 / 7, weight: 25, points: 17.86 });
    const xinyi = rowOf(r.body, '新驿镇');
    assert.deepEqual(counts(xinyi), { network: '1/2', communityFiles: '0/0', diaries: '0/1', receptions: '0/1', screening: '0/1', revisits: '0/0', proxy: '0/0' });
    // Only network, diaries, receptions and screening had anything to count: 25×½ over 65 points.
    assert.equal(xinyi.score, 19.23);
    assert.equal(xinyi.modules.proxy.points, null);
    assert.deepEqual(streets.rows.slice(0, 3).map((x) => [x.rank, x.unitName]), [[1, '鼓楼街道'], [2, '新驿镇'], [3, streets.rows[2]!.unitName]]);
    assert.ok(streets.rows.slice(2).every((x) => x.rank === 3 && x.score === 0), 'the rest tie at 0 and share rank 3');
    const departments = tierOf(r.body, 'department');
    assert.deepEqual([departments.rows[0]!.unitName, departments.rows[0]!.score, counts(departments.rows[0]!).diaries], ['区住建局', 60, '0/1']);
    // October: 吴国庆's diary of 34 days ago makes 区住建局 full marks; the month has ended.
    const october = await report(t.supervisor, '2026-10');
    assert.equal(october.body.complete, true);
    assert.equal(rowOf(october.body, '区住建局').score, 100);
    assert.deepEqual(counts(rowOf(october.body, '区住建局')).diaries, '1/1');
  });

  it('refuses a malformed month (VALIDATION_FAILED) and one that has not started (MONTH_NOT_STARTED), for JSON and XLSX', async () => {
    for (const month of ['2026-13', '202611', '2026-1', 'x']) {
      refused(await report(t.supervisor, month), 400, 'VALIDATION_FAILED', month);
      refused(await s.api('GET', `/api/registry/report.xlsx?month=${month}`, { token: t.supervisor }), 400, 'VALIDATION_FAILED', month);
    }
    refused(await report(t.supervisor, '2026-12'), 422, 'MONTH_NOT_STARTED');
    refused(await s.api('GET', '/api/registry/report.xlsx?month=2027-01', { token: t.supervisor }), 422, 'MONTH_NOT_STARTED');
    assert.equal((await s.api('GET', '/api/registry/report', { token: t.supervisor })).body.month, '2026-11', 'no month: the current one');
  });

  it('is read by the centre\'s overseers (every unit) and unit leaders (their own rows, with their rank in the whole tier)', async () => {
    for (const u of ['agent', 'dispatcher', 'gulou.handler']) {
      refused(await report(t[u]!), 403, 'FORBIDDEN', u);
      refused(await s.api('GET', '/api/registry/report.xlsx?month=2026-11', { token: t[u] }), 403, 'FORBIDDEN', u);
    }
    refused(await s.api('GET', '/api/registry/report?month=2026-11'), 401, 'UNAUTHENTICATED');
    assert.equal(tierOf((await report(t.leader)).body, 'street').rows.length, 10);
    const gulou = (await report(t['gulou.leader'])).body;
    assert.deepEqual(tierOf(gulou, 'street').rows.map((x) => [x.unitName, x.rank, x.tierSize]), [['鼓楼街道', 1, 10]]);
    assert.equal(tierOf(gulou, 'department').rows.length, 0);
    const zhujian = (await report(t['zhujian.leader'])).body;
    assert.deepEqual(tierOf(zhujian, 'department').rows.map((x) => x.unitName), ['区住建局']);
    assert.equal(tierOf(zhujian, 'street').rows.length, 0);
  });

  it('the XLSX opens with exceljs and holds the JSON\'s figures: the ranked table and a sheet per module', async () => {
    const json = (await report(t.supervisor)).body as { tiers: Tier[] };
    const res = await fetch(`${s.baseUrl}/api/registry/report.xlsx?month=2026-11`, { headers: { authorization: `Bearer ${t.supervisor}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''.*xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['考核总表', '工作网络', '居情档案', '民情日记', '领导接访', '矛盾排查', '纠纷回访', '民生代办']);
    const main = wb.getWorksheet('考核总表')!;
    const byUnit = new Map<string, ExcelJS.CellValue[]>();
    main.eachRow((row) => { const v = row.values as ExcelJS.CellValue[]; if (typeof v[2] === 'string' && typeof v[3] === 'number') byUnit.set(v[2], v); });
    for (const row of json.tiers.flatMap((x) => x.rows)) {
      assert.equal(byUnit.get(row.unitName)?.[3], row.score, row.unitName);
      assert.equal(byUnit.get(row.unitName)?.[1], row.rank, row.unitName);
    }
    assert.ok(main.getSheetValues().some((v) => Array.isArray(v) && v.includes('街道（园区）')), 'tier headings');
    const network = wb.getWorksheet('工作网络')!;
    const rows = network.getSheetValues().filter(Array.isArray) as ExcelJS.CellValue[][];
    const gulou = rows.find((v) => v[2] === '鼓楼街道' && typeof v[3] === 'number')!;
    assert.deepEqual(gulou.slice(3, 8), [5, 7, 5 / 7, 25, 17.86]);
    assert.ok(rows.some((v) => v[2] === '鼓楼街道' && v[3] === '文东社区信息员' && v[4] === '未达标'), 'the items behind the rate');
    // A unit leader's file holds their own rows only.
    const mine = await fetch(`${s.baseUrl}/api/registry/report.xlsx?month=2026-11`, { headers: { authorization: `Bearer ${t['gulou.leader']}` } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await mine.arrayBuffer()) as never);
    const names = new Set<string>();
    wb2.getWorksheet('考核总表')!.eachRow((row) => { const v = row.values as ExcelJS.CellValue[]; if (typeof v[3] === 'number' && typeof v[2] === 'string' && v[2] !== '权重') names.add(v[2]); });
    assert.deepEqual([...names], ['鼓楼街道']);
  });

  it('weights are the jurisdiction\'s settings: validated to add up to 100 per tier, and they change scores and ranks', async () => {
    const put = (registry: Record<string, unknown>) => s.api('PUT', '/api/admin/settings', { token: t.admin, body: { registry } });
    const bad = await put({ streetReportWeights: { network: 50, diaries: 40 } });
    refused(bad, 400, 'VALIDATION_FAILED');
    assert.match(bad.body.error.detail, /streetReportWeights.*add up to 100 \(they add up to 90\)/);
    assert.equal(bad.body.error.details.field, 'registry.streetReportWeights');
    assert.match((await put({ departmentReportWeights: { network: 90, communityFiles: 10 } })).body.error.detail, /communityFiles does not apply/);
    refused(await put({ streetReportWeights: { network: 110, diaries: -10 } }), 400, 'VALIDATION_FAILED');
    refused(await put({ streetReportWeights: { network: 50, hearings: 50 } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PUT', '/api/admin/settings', { token: t.supervisor, body: { registry: { streetReportWeights: { network: 100 } } } }), 403, 'FORBIDDEN');
    assert.equal((await s.api('GET', '/api/admin/settings', { token: t.admin })).body.registry.streetReportWeights.network, 25, 'nothing saved');

    // Network and revisits only: 新驿 (½ network, no revisit due) overtakes 鼓楼 (5/7 network, its revisit missed).
    const ok = await put({ streetReportWeights: { network: 50, revisits: 50 } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const r = (await report(t.supervisor)).body;
    assert.deepEqual(tierOf(r, 'street').weights, { network: 50, communityFiles: 0, diaries: 0, receptions: 0, screening: 0, revisits: 50, proxy: 0 });
    assert.deepEqual([rowOf(r, '新驿镇').score, rowOf(r, '新驿镇').rank], [50, 1]);
    assert.deepEqual([rowOf(r, '鼓楼街道').score, rowOf(r, '鼓楼街道').rank], [35.71, 2]);
    assert.equal(rowOf(r, '区住建局').score, 60, 'department weights untouched');
    assert.equal((await put({ streetReportWeights: { network: 25, communityFiles: 15, diaries: 15, receptions: 10, screening: 15, revisits: 10, proxy: 10 } })).status, 200);
    assert.equal(rowOf((await report(t.supervisor)).body, '鼓楼街道').score, 75.36);
  });
});
