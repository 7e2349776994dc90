// 分析报告: a leader generates the month's report on screen, opens its sections, downloads the XLSX and opens the
// printable page (the PDF route: the browser prints it or saves it as PDF).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { E2E } from './harness';
import { ARTIFACTS, intakeBody, startE2E } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

interface Appeal { id: string; number: string; status: string }

async function act(user: string, id: string, body: Record<string, unknown>): Promise<Appeal> {
  return (await e2e.api<Appeal>('POST', `/api/appeals/${id}/transitions`, { user, body })).body;
}

/** Two appeals of the month: one solved and closed, one urged and redone, so every section has something to show. */
async function monthOfWork(): Promise<void> {
  const units = await e2e.api<{ id: string; key: string }[] | { items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'dispatcher' });
  const list = Array.isArray(units.body) ? units.body : units.body.items;
  const lead = list.find((u) => u.key === 'dept-chengguan')!.id;
  for (const [title, redo] of [['兴隆庄镇菜市场周边占道经营严重', false], ['<b>鼓楼街道</b>路灯夜间不亮', true]] as const) {
    const a = (await e2e.api<Appeal>('POST', '/api/appeals', { user: 'agent', body: intakeBody({ title }) })).body;
    await act('agent', a.id, { action: 'accept' });
    await act('dispatcher', a.id, { action: 'dispatch', leadUnitId: lead });
    await act('chengguan.handler', a.id, { action: 'sign' });
    if (redo) await act('supervisor', a.id, { action: 'urge' });
    await act('chengguan.handler', a.id, { action: 'record_contact' });
    await act('chengguan.handler', a.id, { action: 'reply', reply: { text: '已安排处理。', result: 'solved' } });
    await act('chengguan.leader', a.id, { action: 'approve_reply' });
    await act('callback', a.id, { action: 'callback', satisfaction: redo ? 'dissatisfied' : 'satisfied', contacted: true, solved: !redo });
    if (redo) await act('callback', a.id, { action: 'redo', reason: '问题仍未解决' });
    else await act('callback', a.id, { action: 'close' });
  }
}

test('a leader generates the monthly report, opens it, downloads the XLSX and opens the print view', async () => {
  await monthOfWork();
  const leader = await e2e.pageAs('leader');
  await leader.goto('/reports');
  await leader.getByText('已生成的报告').waitFor();
  // The month of the server's clock (November 2026), typed into the month picker.
  const picker = leader.getByLabel('统计期间');
  await picker.click();
  await picker.fill('2026-11');
  await picker.press('Enter');
  await leader.getByTestId('report-generate').click();

  const drawer = leader.locator('.ant-drawer-content');
  await drawer.getByTestId('report-section-summary').waitFor();
  await drawer.getByText(/12345热线月报（2026年11月）/).first().waitFor();
  for (const key of ['indicators', 'channels', 'categories', 'areas', 'hotTopics', 'overdue', 'redo', 'ranking', 'typicalCases']) {
    await drawer.getByTestId(`report-section-${key}`).waitFor();
  }
  const total = drawer.getByTestId('report-section-summary').locator('.ant-table-row').filter({ hasText: '登记总量' });
  assert.match(await total.innerText(), /登记总量\s+2\s+0\s+\+2/);
  await drawer.getByTestId('report-section-redo').getByText('<b>鼓楼街道</b>路灯夜间不亮').waitFor(); // shown as text, not HTML
  await leader.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined); // the toast covers the title
  await e2e.shot(leader, '97-report-monthly');
  await drawer.getByTestId('report-section-ranking').scrollIntoViewIfNeeded();
  await leader.waitForTimeout(300);
  await leader.screenshot({ path: join(ARTIFACTS, '97-report-ranking.png'), animations: 'disabled' });

  const [download] = await Promise.all([leader.waitForEvent('download'), drawer.getByRole('button', { name: /下载 XLSX/ }).click()]);
  assert.match(download.suggestedFilename(), /月报.*\.xlsx$/);

  const [print] = await Promise.all([leader.context().waitForEvent('page'), drawer.getByRole('button', { name: /打印/ }).click()]);
  await print.waitForLoadState();
  await print.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await print.title(), /12345热线月报/);
  const html = await print.content();
  assert.ok(html.includes('&lt;b&gt;鼓楼街道&lt;/b&gt;'), 'the print page escapes titles');
  await print.setViewportSize({ width: 1366, height: 768 });
  await e2e.shot(print, '97-report-print');
  await print.emulateMedia({ media: 'print' });
  await e2e.shot(print, '97-report-print-media');

  await leader.keyboard.press('Escape');
  await leader.getByTestId('reports-list').locator('.ant-table-row').first().waitFor();
  await e2e.shot(leader, '97-report-list');
});
