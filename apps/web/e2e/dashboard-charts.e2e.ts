// 数据看板 as a leader: appeals of several channels, kinds, categories and streets registered over five days through
// the API, some dispatched and left to run out; the overview, the analysis charts (trend by channel, kinds, category
// treemap, the schematic street map) and the ranking with hot topics and warnings drawn from the server's figures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2E } from './harness';
import { intakeBody, startE2E } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const HOUR = 3_600_000;
const THEMES = [
  { category: 'construction.gas-heating.heating', kind: 'complaint', title: '小区暖气不热室温只有十二度', content: '家里暖气片摸着是凉的，室温只有十二度，老人孩子冻得受不了，希望供热公司尽快检修。' },
  { category: 'city-management.street-order.street-vending', kind: 'complaint', title: '夜市摊贩占道经营油烟扰民', content: '每天晚上路口夜市摊贩占道经营，油烟很大，垃圾遍地，行人通行困难，希望城管加强管理。' },
  { category: 'environment.air.open-burning', kind: 'report', title: '村头露天焚烧秸秆浓烟呛人', content: '村头空地有人露天焚烧秸秆和垃圾，浓烟呛人，附近居民不敢开窗，希望环保部门制止。' },
  { category: 'construction.property.fees', kind: 'consultation', title: '物业收费标准咨询', content: '想咨询一下小区物业费的收费标准和公摊费用如何计算，物业公司一直没有公示。' },
  { category: null, kind: 'help', title: '楼道灯坏了很久没人修', content: '单元楼道灯坏了一个多月，晚上上下楼很危险，找物业也没人来修，请帮忙协调。' },
] as const;
const CHANNELS = ['phone_12345', 'phone_12345', 'web', 'app', 'phone_12345', 'mayor_mailbox', 'message_board'];
const AREAS = ['370812001002', '370812001', '370812003001', '370812006001', '370812102', '370812001003', '370812007201', '370812101', '370812003002', '370812'];

interface Streets { streets: { areaCode: string; shortName: string; volume: number }[] }

/** Appeals on eight days over about three weeks, a different number each day; every third dispatched (some signed). */
async function seedAppeals(): Promise<number> {
  const cats = new Map((await e2e.api<{ items: { id: string; key: string }[] }>('GET', '/api/categories', { user: 'agent' })).body.items.map((c) => [c.key, c.id]));
  const units = new Map((await e2e.api<{ items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'dispatcher' })).body.items.map((u) => [u.key, u.id]));
  let n = 0;
  const perDay = [4, 7, 5, 9, 3, 6, 8, 5];
  for (let day = 0; day < perDay.length; day++) {
    for (let k = 0; k < perDay[day]!; k++, n++) {
      const theme = THEMES[(n + day) % THEMES.length]!;
      const category = theme.category ? cats.get(theme.category) : undefined;
      const body = intakeBody({
        channel: CHANNELS[(n * 3 + day) % CHANNELS.length], kind: theme.kind, title: theme.title, content: theme.content,
        areaCode: AREAS[(n * 3 + day) % AREAS.length], ...(category ? { categoryId: category } : {}),
      });
      const appeal = (await e2e.api<{ id: string }>('POST', '/api/appeals', { user: 'agent', body })).body;
      if (n % 3 !== 0) continue;
      await e2e.api('POST', `/api/appeals/${appeal.id}/transitions`, { user: 'agent', body: { action: 'accept' } });
      const lead = n % 2 ? 'dept-chengguan' : 'dept-zhujian';
      await e2e.api('POST', `/api/appeals/${appeal.id}/transitions`, { user: 'dispatcher', body: { action: 'dispatch', leadUnitId: units.get(lead) } });
      if (n % 6 === 0) await e2e.api('POST', `/api/appeals/${appeal.id}/transitions`, { user: 'zhujian.handler', body: { action: 'sign' } });
    }
    await e2e.advanceClock(day < perDay.length - 1 ? 50 * HOUR : 3 * HOUR);
  }
  await e2e.sweep();
  return n;
}

/** Every echarts canvas on the page has been drawn (non-zero size). */
async function chartsDrawn(page: Page, atLeast: number): Promise<void> {
  await page.waitForFunction((min) => {
    const canvases = Array.from(document.querySelectorAll('canvas'));
    return canvases.length >= min && canvases.every((c) => c.width > 0 && c.height > 0);
  }, atLeast);
  await page.waitForTimeout(800); // echarts animates its first frame in
}

test('a leader reads the dashboard: overview, analysis charts with the schematic street map, ranking and warnings', async () => {
  const total = await seedAppeals();
  const leader = await e2e.pageAs('leader');
  await leader.goto('/dashboard');
  await leader.getByText('今日概况').first().waitFor();
  await leader.getByText('各单位在办情况').waitFor();
  await chartsDrawn(leader, 3);
  await e2e.shot(leader, '96-dashboard-overview');

  await leader.getByRole('tab', { name: '统计分析' }).click();
  await leader.getByText('分渠道受理量趋势').waitFor();
  await leader.getByText('诉求分类构成').waitFor();
  await leader.getByText(`合计 ${total} 件`).first().waitFor();
  await chartsDrawn(leader, 3);
  // The map's tiles show the server's figures: one per street/town, each with its volume.
  const streets = (await e2e.api<Streets>('GET', '/api/reports/streets?days=30', { user: 'leader' })).body.streets;
  assert.equal(await leader.locator('[role=listitem][data-area]').count(), streets.length);
  const busiest = [...streets].sort((a, b) => b.volume - a.volume)[0]!;
  assert.ok(busiest.volume > 0);
  const tile = leader.locator(`[data-area="${busiest.areaCode}"]`);
  assert.match(await tile.innerText(), new RegExp(`受理量 ${busiest.volume}\\b`));
  await leader.getByText(/示意图：每个方块代表一个街道/).waitFor();
  await e2e.shot(leader, '96-dashboard-analysis');
  await leader.getByText('按周（近12周）').click();
  await chartsDrawn(leader, 3);
  await leader.getByText('超期率', { exact: true }).first().click();
  await e2e.shot(leader, '96-dashboard-analysis-week-rate');

  await leader.getByRole('tab', { name: '排名与预警' }).click();
  await leader.getByText('单位考核排名').first().waitFor();
  await leader.getByText('热点话题（近7天）').waitFor();
  await leader.getByText('预警', { exact: true }).waitFor();
  await leader.locator('.ant-table-row').first().waitFor();
  await leader.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
  await e2e.shot(leader, '96-dashboard-ranking');

  // A tile opens the appeal list of that street and period.
  await leader.getByRole('tab', { name: '统计分析' }).click();
  await leader.locator(`[data-area="${busiest.areaCode}"]`).click();
  await leader.waitForURL((u) => u.pathname === '/appeals' && u.searchParams.get('areaCode') === busiest.areaCode);
});

test('a unit leader sees only its own subtree on the dashboard', async () => {
  const own = (await e2e.api<Streets & { total: number }>('GET', '/api/reports/streets?days=30', { user: 'zhujian.leader' })).body;
  const all = (await e2e.api<Streets & { total: number }>('GET', '/api/reports/streets?days=30', { user: 'leader' })).body;
  assert.ok(own.total > 0 && own.total < all.total, `the unit sees ${own.total} of ${all.total}`);
  const page = await e2e.pageAs('zhujian.leader');
  await page.goto('/dashboard?tab=analysis');
  await page.getByText(`合计 ${own.total} 件`).first().waitFor();
  await chartsDrawn(page, 3);
  await e2e.shot(page, '96-dashboard-unit-analysis');
});
