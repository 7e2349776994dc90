// 月度考核 (issue 8 module 9) in the console: a supervisor opens the monthly report tab, reads a street's score and a
// rate's numerator and denominator, and downloads the XLSX, which holds the same score.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { E2E } from './harness';
import { ARTIFACTS, startE2E } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

interface Row { unitName: string; score: number | null; rank: number | null; modules: Record<string, { numerator: number; denominator: number }> }
interface Report { month: string; tiers: { tier: string; rows: Row[] }[] }

test('a supervisor opens 月度考核, reads a street\'s score and a rate\'s counts, and downloads the XLSX', async () => {
  const month = (await e2e.serverNow()).toISOString().slice(0, 7);
  const json = (await e2e.api<Report>('GET', `/api/registry/report?month=${month}`, { user: 'supervisor' })).body;
  const gulou = json.tiers.find((t) => t.tier === 'street')!.rows.find((r) => r.unitName === '鼓楼街道')!;
  assert.ok(gulou.score !== null);

  const page = await e2e.pageAs('supervisor');
  await page.goto('/registry');
  await page.getByRole('tab', { name: '月度考核' }).click();
  const streets = page.getByTestId('registry-report-street');
  const row = streets.locator('.ant-table-row').filter({ hasText: '鼓楼街道' });
  await row.waitFor();
  await row.getByText(gulou.score!.toFixed(1), { exact: true }).waitFor();
  assert.match(await row.innerText(), new RegExp(`^${gulou.rank}/10`));
  await page.getByTestId('registry-report-department').locator('.ant-table-row').first().waitFor();
  // The network rate is a gap (red) whose tooltip shows what it counts.
  const network = gulou.modules.network!;
  await row.locator('[data-gap="1"]').first().hover();
  await page.locator('.ant-tooltip:visible').getByText(`达标 ${network.numerator} / 应考核 ${network.denominator}`).waitFor();
  await e2e.shot(page, '99-registry-report');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-report-xlsx').click()]);
  assert.match(download.suggestedFilename(), /群众工作考核\.xlsx$/);
  const path = join(ARTIFACTS, 'registry-report.xlsx');
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const values = wb.getWorksheet('考核总表')!.getSheetValues().filter(Array.isArray) as ExcelJS.CellValue[][];
  assert.equal(values.find((v) => v[2] === '鼓楼街道')?.[3], gulou.score);
});

test('a street\'s leader sees only their own street in the report, with its rank in the whole tier', async () => {
  const page = await e2e.pageAs('gulou.leader');
  await page.goto('/registry');
  await page.getByRole('tab', { name: '月度考核' }).click();
  const rows = page.getByTestId('registry-report-street').locator('.ant-table-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().innerText(), /鼓楼街道/);
  assert.equal(await page.getByTestId('registry-report-department').count(), 0);
  await e2e.shot(page, '99-registry-report-unit-leader');
});
