// 基层治理 (issue 8, modules 3, 4, 6) in the console: the compliance table and an officer's early warning entering
// the dispute register, a community file written with its history, and the dispute register with its warning.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { buttonName, clickButton, modal, startE2E, submitForm } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const WARNING = '韦园社区拆迁补偿标准争议，约 30 户居民计划明日到区政府聚集';

test('network: gaps per street; an officer\'s early warning enters the dispute register and warns the centre', async () => {
  const page = await e2e.pageAs('supervisor');
  await page.goto('/grassroots');
  const table = page.getByTestId('grassroots-compliance');
  await table.locator('.ant-table-row').filter({ hasText: '龙桥街道' }).getByText('工作站缺"有保障"').waitFor();
  assert.ok(await table.locator('.ant-table-row').filter({ hasText: '鼓楼街道' }).getByText('文东社区信息员 1/3').isVisible());

  await page.getByTestId('grassroots-officers').locator('.ant-table-row').filter({ hasText: '李秀英' }).getByRole('button', { name: '预警上报' }).click();
  const form = modal(page);
  await form.getByLabel('预警内容').fill(WARNING);
  await form.getByText('高', { exact: true }).click();
  await submitForm(page, form, '保存');
  await form.waitFor({ state: 'detached' });
  const row = page.getByTestId('grassroots-reports').locator('.ant-table-row').filter({ hasText: WARNING });
  await row.waitFor();
  await row.getByRole('button', { name: '纳入纠纷台账' }).click();
  const conv = modal(page);
  await conv.getByLabel('纠纷名称').fill('拆迁补偿标准争议');
  await submitForm(page, conv, '保存');
  await conv.waitFor({ state: 'detached' });
  await row.getByText('已纳入台账').waitFor();
  await e2e.shot(page, '99-grassroots-network');

  await page.getByRole('tab', { name: '矛盾纠纷' }).click();
  const warnings = page.getByTestId('grassroots-warnings');
  await warnings.getByText('拆迁补偿标准争议').waitFor();
  await page.getByTestId('grassroots-disputes').locator('.ant-table-row').filter({ hasText: '拆迁补偿标准争议' }).waitFor();
  await e2e.shot(page, '99-grassroots-warnings');
});

test('community files: a street handler completes a section and the history keeps the earlier text', async () => {
  const page = await e2e.pageAs('gulou.leader');
  await page.goto('/grassroots');
  await page.getByRole('tab', { name: '居情档案' }).click();
  const files = page.getByTestId('grassroots-files');
  await files.locator('.ant-table-row').filter({ hasText: '文东社区' }).getByRole('button', { name: '查看/编辑' }).click();
  const drawer = page.getByTestId('grassroots-file');
  const card = drawer.locator('.ant-card').filter({ hasText: '困难救助' }).first();
  await card.getByRole('button', { name: '查看/编辑' }).click();
  await card.getByLabel('困难救助').fill('低保 12 户，新增 1 户因病致困家庭，已申请临时救助。');
  await card.getByRole('button', { name: buttonName('保存') }).click();
  await card.getByText('第2版').waitFor();
  await drawer.getByText('低保 11 户').waitFor(); // the first version stays in the history
  await e2e.shot(page, '99-grassroots-file');
  await page.keyboard.press('Escape');
  await files.locator('.ant-table-row').filter({ hasText: '鼓楼街道' }).getByText('50%').waitFor();
});

test('dispute register: a street registers a dispute with its parties masked and records mediation', async () => {
  const page = await e2e.pageAs('gulou.leader');
  await page.goto('/grassroots');
  await page.getByRole('tab', { name: '矛盾纠纷' }).click();
  await clickButton(page, '登记纠纷');
  const form = modal(page);
  await form.getByLabel('纠纷名称').fill('沿街商铺油烟扰民');
  await form.getByLabel('基本情况').fill('楼下烧烤店油烟直排，楼上住户多次交涉未果。');
  await form.getByLabel('姓名').fill('欧阳明月');
  await form.getByLabel('电话').fill('13712345678');
  await submitForm(page, form, '保存');
  await form.waitFor({ state: 'detached' });
  const row = page.getByTestId('grassroots-disputes').locator('.ant-table-row').filter({ hasText: '沿街商铺油烟扰民' });
  await row.waitFor();
  await row.getByRole('button', { name: '调解记录' }).click();
  const step = modal(page);
  await step.getByText('化解', { exact: true }).click();
  await step.getByLabel('说明').fill('街道约谈店主，安装油烟净化器。');
  await step.getByLabel('化解结果').fill('已安装净化设备，住户认可。');
  await submitForm(page, step, '保存');
  await step.waitFor({ state: 'detached' });
  await row.getByText('已化解').waitFor();
  await row.locator('.ant-table-row-expand-icon').click();
  await page.getByText('欧***').first().waitFor();
  assert.equal(await page.getByText('欧阳明月').count(), 0, 'the party\'s name is shown masked');
  await e2e.shot(page, '99-grassroots-disputes');
});
