import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { CHANNEL_LABELS } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import { Worker } from '../src/jobs/worker';
import { REPORT_JOB_HANDLERS, scheduleReportJobs } from '../src/modules/generated-reports/report-jobs';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { lifecycleDriver } from './lifecycle-driver';

/**
 * Generated reports (issue 7 item 4) over real HTTP: one hotline appeal in October, four hotline appeals and one
 * petition in November driven through the lifecycle on Monday 2026-11-23, then the November 月报, a 周报 and the
 * 信访分析报告 generated on 1 December and checked figure by figure, as XLSX and as a print page; roles, bad periods
 * and the schedule (run twice, each report made once).
 */
describe('generated reports (周报, 月报, 信访分析报告)', () => {
  let s: TestServer;
  const { t, signIn, at, act, intake, solve } = lifecycleDriver(() => s);
  const generate = (body: Record<string, unknown>, user = 'leader') => s.api('POST', '/api/reports', { token: t[user], body });
  const section = (report: any, key: string) => report.body.sections.find((x: any) => x.key === key);
  const row = (report: any, key: string, field: string, value: unknown) => section(report, key).rows.find((r: any) => r[field] === value);
  let monthly: any;

  before(async () => {
    s = await startTestServer({ now: new Date('2026-10-20T09:00:00+08:00') });
    await signIn();
    const zhujian = s.unit('dept-zhujian');
    const chengguan = s.unit('dept-chengguan');
    // October: one complaint handled on time and solved.
    await intake('O', { title: '路灯不亮影响夜间出行' });
    await act('agent', 'O', { action: 'accept' });
    await act('dispatcher', 'O', { action: 'dispatch', leadUnitId: zhujian });
    await act('zhujian.handler', 'O', { action: 'sign' });
    await solve('O', 'zhujian', 'very_satisfied');

    await at('2026-11-23T09:00:00');
    await intake('A', { title: '<script>alert(1)</script>小区噪音 13905371234' });
    await intake('B');
    await intake('C', { kind: 'consultation', title: '咨询居住证办理需要哪些材料', content: '想咨询一下在兖州办理居住证需要准备哪些材料，去哪里办理，多长时间能拿到。' });
    await intake('E', { channel: 'web', kind: 'consultation', title: '咨询公积金提取条件', content: '想咨询住房公积金提取需要满足什么条件，提取需要哪些材料，多久能到账。' });
    await intake('P', { track: 'petition', channel: 'visit', kind: 'complaint', title: '反映拆迁补偿不到位', accusedUnitId: chengguan });
    for (const n of ['A', 'B', 'C']) await act('agent', n, { action: 'accept' });
    await act('dispatcher', 'A', { action: 'dispatch', leadUnitId: zhujian });
    await act('dispatcher', 'B', { action: 'dispatch', leadUnitId: zhujian });
    await act('dispatcher', 'C', { action: 'dispatch', leadUnitId: chengguan });
    await act('agent', 'E', { action: 'answer_directly', answer: '已告知提取条件和所需材料。' });
    await act('dispatcher', 'P', { action: 'dispatch', leadUnitId: zhujian });
    await at('2026-11-23T09:30:00');
    await act('zhujian.handler', 'A', { action: 'sign' });
    await act('chengguan.handler', 'C', { action: 'sign' });
    await act('zhujian.handler', 'P', { action: 'accept' });
    await act('supervisor', 'P', { action: 'supervise', reason: '请于3个工作日内书面报告', days: 3 });
    await at('2026-11-23T10:00:00');
    await solve('A', 'zhujian');
    await act('supervisor', 'B', { action: 'urge' });
    await act('supervisor', 'C', { action: 'urge' });
    await at('2026-11-23T14:00:00'); // past B's sign-for clock (due 11:00)
    await act('zhujian.handler', 'B', { action: 'sign' });
    await act('zhujian.handler', 'B', { action: 'record_contact' });
    await act('zhujian.handler', 'B', { action: 'reply', reply: { text: '已协调处理。', result: 'partially_solved' } });
    await act('zhujian.leader', 'B', { action: 'approve_reply' });
    await act('callback', 'B', { action: 'callback', satisfaction: 'basically_satisfied', contacted: true, solved: false });
    await act('callback', 'B', { action: 'redo', reason: '群众反映问题仍未解决' });
    await at('2026-11-24T10:00:00');
    await act('zhujian.handler', 'B', { action: 'reply', reply: { text: '已彻底整改。', result: 'solved' } });
    await act('zhujian.leader', 'B', { action: 'approve_reply' });
    await act('callback', 'B', { action: 'callback', satisfaction: 'very_satisfied', contacted: true, solved: true });
    await act('callback', 'B', { action: 'close' });
    await at('2026-12-01T10:00:00');
  });
  after(() => s?.close());

  it('generates the November 月报 with exact summary figures and changes against October', async () => {
    const res = await generate({ kind: 'monthly', period: '2026-11' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    monthly = res.body;
    assert.equal(monthly.kind, 'monthly');
    assert.equal(monthly.period, '2026-11');
    assert.equal(monthly.scheduled, false);
    assert.equal(monthly.body.complete, true);
    assert.deepEqual(monthly.body.previous, { key: '2026-10', firstDay: '2026-10-01', lastDay: '2026-10-31' });
    assert.match(monthly.title, /12345热线月报（2026年11月）/);
    const summary = (metric: string) => { const r = row(monthly, 'summary', 'metric', metric); return [r.current, r.previous, r.change, r.changeRate]; };
    assert.deepEqual(summary('登记总量'), [5, 1, 4, 4]);
    assert.deepEqual(summary('其中：热线'), [4, 1, 3, 3]);
    assert.deepEqual(summary('其中：信访'), [1, 0, 1, null]);
    assert.deepEqual(summary('办结量'), [3, 1, 2, 2]); // A, B and E (answered at intake) against O
    assert.deepEqual(summary('派单（次）'), [4, 1, 3, 3]);
    assert.deepEqual(summary('催办（次）'), [2, 0, 2, null]);
    assert.deepEqual(summary('督办（次）'), [1, 0, 1, null]);
    assert.deepEqual(summary('重办（次）'), [1, 0, 1, null]);
  });

  it('holds every indicator of November with its change in points', async () => {
    const ind = (name: string) => { const r = row(monthly, 'indicators', 'indicator', name); return [r.numerator, r.denominator, r.rate, r.previousRate, r.change]; };
    assert.deepEqual(ind('按时签收率'), [2, 3, 0.6667, 1, -0.3333]);
    assert.deepEqual(ind('响应率'), [1, 3, 0.3333, 1, -0.6667]);
    assert.deepEqual(ind('解决率'), [2, 3, 0.6667, 1, -0.3333]);
    assert.deepEqual(ind('满意率'), [2.8, 3, 0.9333, 1, -0.0667]);
    assert.deepEqual(ind('重办率'), [1, 2, 0.5, 0, 0.5]);
    assert.deepEqual(ind('直接办结率'), [1, 4, 0.25, 0, 0.25]);
    assert.equal(section(monthly, 'indicators').rows.length, 11);
  });

  it('lists channels, categories, areas, overdue and redo appeals, ranking, typical cases and hot topics', async () => {
    const keys = monthly.body.sections.map((x: any) => x.key);
    assert.deepEqual(keys, ['summary', 'indicators', 'channels', 'categories', 'areas', 'hotTopics', 'overdue', 'redo', 'ranking', 'typicalCases']);
    assert.deepEqual(section(monthly, 'channels').rows.map((r: any) => [r.name, r.count, r.previous]), [[CHANNEL_LABELS.phone_12345, 3, 1], [CHANNEL_LABELS.visit, 1, 0], [CHANNEL_LABELS.web, 1, 0]].sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0]))));
    const areas = section(monthly, 'areas').rows;
    assert.equal(areas.length, 1);
    assert.deepEqual([areas[0].count, areas[0].share, areas[0].previous], [5, 1, 1]);
    const overdue = section(monthly, 'overdue').rows;
    assert.equal(overdue.length, 2, JSON.stringify(overdue));
    assert.deepEqual(overdue.map((r: any) => r.clock).sort(), ['办理时限', '签收时限']);
    assert.ok(overdue.some((r: any) => r.clock === '签收时限' && r.state === '逾期完成' && r.overdueHours === 3));
    assert.ok(overdue.some((r: any) => r.clock === '办理时限' && r.state.startsWith('未完成')));
    const redo = section(monthly, 'redo').rows;
    assert.equal(redo.length, 1);
    assert.equal(redo[0].redo, 1);
    const typical = section(monthly, 'typicalCases').rows;
    assert.deepEqual(typical.map((r: any) => r.score), [4, 2, 1]);
    assert.equal(typical[0].reason, '重办1次、催办1次');
    assert.equal(typical[1].reason, '督办1次');
    const ranking = section(monthly, 'ranking').rows;
    const zh = ranking.find((r: any) => r.unit.includes('住建'));
    assert.ok(zh, JSON.stringify(ranking));
    assert.equal(zh.rank, 1);
    assert.equal(zh.resolution, 2 / 3);
    assert.ok(Array.isArray(section(monthly, 'hotTopics').rows));
    // No personal data: the phone number in A's title is redacted; nothing anywhere holds the citizen's name or phone.
    const text = JSON.stringify(monthly.body);
    assert.ok(!text.includes('13905371234') && !text.includes('王建国'), 'no personal data in the report');
  });

  it('stores the report frozen: it reads back unchanged after the data moves on', async () => {
    const before = await s.api('GET', `/api/reports/${monthly.id}`, { token: t.leader });
    assert.equal(before.status, 200);
    assert.deepEqual(before.body, monthly);
    await act('chengguan.handler', 'C', { action: 'record_contact' });
    await at('2026-12-01T10:05:00');
    const again = await generate({ kind: 'monthly', period: '2026-11' });
    assert.notEqual(again.body.id, monthly.id, 'generating again makes a new report');
    const still = await s.api('GET', `/api/reports/${monthly.id}`, { token: t.leader });
    assert.deepEqual(still.body, monthly);
    const list = await s.api('GET', '/api/reports?kind=monthly', { token: t.supervisor });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.items.map((i: any) => i.id), [again.body.id, monthly.id]);
    assert.ok(!('body' in list.body.items[0]));
  });

  it('downloads the report as an XLSX workbook holding the figures', async () => {
    const res = await fetch(`${s.baseUrl}/api/reports/${monthly.id}.xlsx`, { headers: { authorization: `Bearer ${t.admin}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(res.headers.get('content-disposition') ?? '', /filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['报告信息', '总体情况', '考核指标', '渠道分布', '诉求分类前十', '区域分布前十（街道、乡镇）', '热点话题', '超期工单', '重办工单', '单位排名', '典型案例']);
    const summary = wb.getWorksheet('总体情况')!;
    const rows = summary.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    assert.deepEqual(rows.find((r) => r[0] === '指标'), ['指标', '本期', '上期', '增减', '增减幅度']);
    assert.deepEqual(rows.find((r) => r[0] === '登记总量'), ['登记总量', 5, 1, 4, 4]);
    const ind = wb.getWorksheet('考核指标')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    assert.deepEqual(ind.find((r) => r[0] === '满意率'), ['满意率', '越高越好', 2.8, 3, 0.9333, 1, -6.7]);
    assert.equal(wb.getWorksheet('考核指标')!.getCell('E3').numFmt, '0.0%');
    const all = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    assert.ok(!all.includes('13905371234') && !all.includes('王建国'));
  });

  it('renders a printable zh-CN page with every text escaped', async () => {
    const res = await s.api('GET', `/api/reports/${monthly.id}/print`, { token: t.leader });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = res.body as string;
    assert.match(html, /<html lang="zh-CN">/);
    assert.match(html, /Noto Sans CJK SC/);
    assert.match(html, /@media print/);
    assert.ok(!html.includes('<script>'), 'the title of A is escaped');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(html, /一、总体情况/);
    assert.match(html, /66\.7%/);
  });

  it('generates the 周报 and the 信访分析报告 with their own sections', async () => {
    const weekly = await generate({ kind: 'weekly', period: '2026-11-25' }, 'supervisor');
    assert.equal(weekly.status, 201, JSON.stringify(weekly.body));
    assert.equal(weekly.body.period, '2026-11-23', 'any day names its week from Monday');
    assert.deepEqual(weekly.body.body.previous.firstDay, '2026-11-16');
    assert.deepEqual([row(weekly.body, 'summary', 'metric', '登记总量').current, row(weekly.body, 'summary', 'metric', '登记总量').previous], [5, 0]);
    const petition = await generate({ kind: 'petition', period: '2026-11' }, 'admin');
    assert.equal(petition.status, 201, JSON.stringify(petition.body));
    const p = petition.body;
    assert.deepEqual(p.body.sections.map((x: any) => x.key), ['summary', 'channels', 'kinds', 'areas', 'categories', 'complainedUnits', 'transfers', 'results', 'supervision', 'suggestions']);
    const sum = (metric: string) => row(p, 'summary', 'metric', metric).current;
    assert.deepEqual(['登记信访事项', '转送、交办', '受理', '督办', '办结'].map(sum), [1, 1, 1, 1, 0]);
    assert.deepEqual(section(p, 'complainedUnits').rows.map((r: any) => [r.count]), [[1]]);
    assert.match(section(p, 'complainedUnits').rows[0].name, /城管/);
    const transfers = section(p, 'transfers').rows;
    assert.equal(transfers.length, 1);
    assert.deepEqual([transfers[0].dispatch, transfers[0].accept, transfers[0].supervise], [1, 1, 1]);
    assert.equal(section(p, 'supervision').rows.length, 1);
    const suggestions = section(p, 'suggestions').rows;
    assert.ok(suggestions.length >= 2 && suggestions.every((r: any) => r.source.startsWith('系统生成')), 'placeholders are marked');
    const staffText = await generate({ kind: 'petition', period: '2026-Q4', suggestions: ['建议完善拆迁补偿公示制度'] });
    assert.equal(staffText.status, 201, JSON.stringify(staffText.body));
    assert.equal(staffText.body.period, '2026-Q4');
    assert.deepEqual(section(staffText.body, 'suggestions').rows, [{ source: '工作人员', text: '建议完善拆迁补偿公示制度' }]);
  });

  it('refuses handlers and unit leaders (403), anonymous callers (401) and bad periods (400)', async () => {
    for (const u of ['zhujian.handler', 'chengguan.leader', 'agent']) {
      assert.equal((await generate({ kind: 'monthly', period: '2026-11' }, u)).status, 403, u);
      assert.equal((await s.api('GET', '/api/reports', { token: t[u] })).status, 403, u);
      assert.equal((await s.api('GET', `/api/reports/${monthly.id}`, { token: t[u] })).status, 403, u);
    }
    assert.equal((await s.api('GET', `/api/reports/${monthly.id}/print`)).status, 401);
    for (const body of [{ kind: 'monthly', period: '2026-13' }, { kind: 'monthly', period: '2026-11-01' }, { kind: 'weekly', period: '2026-11' },
      { kind: 'weekly', period: '2026-02-30' }, { kind: 'petition', period: '2026-Q5' }, { kind: 'monthly', period: '2027-01' }, { kind: 'yearly', period: '2026' }]) {
      const res = await generate(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
    const unknown = await s.api('GET', '/api/reports/00000000-0000-7000-8000-000000000000', { token: t.leader });
    assert.equal(unknown.status, 404);
  });

  it('the schedule makes last week\'s and last month\'s reports once, however often it runs', async () => {
    const db = s.deps.database.db;
    await scheduleReportJobs(s.deps, db, '370812', s.clock.now);
    await scheduleReportJobs(s.deps, db, '370812', s.clock.now);
    const worker = new Worker(s.deps, 60_000);
    while (await worker.tick() > 0) { /* run every due job */ }
    // A second run of the job itself (e.g. after the finished job was purged) leaves the stored report as it was.
    for (const [kind, period] of [['weekly', '2026-11-23'], ['monthly', '2026-11'], ['petition', '2026-11']]) {
      await REPORT_JOB_HANDLERS.generate_report(s.deps, { jurisdictionId: '370812', payload: { kind, period } } as never);
    }
    const rows = await queryRows<{ kind: string; period: string; n: number }>(db, sql`SELECT kind, period, count(*)::int AS n FROM generated_reports
      WHERE jurisdiction_id = '370812' AND generated_by IS NULL GROUP BY 1, 2 ORDER BY 1`);
    assert.deepEqual(rows, [{ kind: 'monthly', period: '2026-11', n: 1 }, { kind: 'petition', period: '2026-11', n: 1 }, { kind: 'weekly', period: '2026-11-23', n: 1 }]);
    const list = await s.api('GET', '/api/reports', { token: t.leader });
    assert.equal(list.body.items.filter((i: any) => i.scheduled).length, 3);
  });
});
