// 查看记录审计: an intake agent reveals a citizen's phone on an appeal (with a reason); the administrator finds that
// reveal in 系统管理 › 查看记录审计 by appeal number and "电话" — the page names the fields, never the values.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { clickButton, intakeBody, modal, startE2E, toast } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const PHONE = '13905376688';

test('a phone revealed on an appeal is found in the reveal audit', async () => {
  const created = await e2e.api<{ id: string; number: string }>('POST', '/api/appeals', {
    user: 'agent', body: intakeBody({ title: '楼道声控灯损坏无人维修', citizen: { name: '赵秀兰', phone: PHONE } }) });
  const agent = await e2e.pageAs('agent');
  await agent.goto(`${e2e.url}/appeals/${created.body.id}`);
  // The button carries an eye icon, whose label ("eye") is part of its accessible name.
  await agent.getByRole('button', { name: /显\s*示$/ }).first().click();
  await modal(agent).locator('textarea').fill('核实来电号码后回电');
  await clickButton(modal(agent), '显示');
  await toast(agent, '已显示完整信息');
  await agent.getByText(PHONE).waitFor();

  const admin = await e2e.pageAs('admin');
  await admin.goto(`${e2e.url}/admin/reveal-audit`);
  const filters = admin.getByTestId('reveal-audit-filters');
  await filters.getByLabel('诉求编号').fill(created.body.number);
  await filters.getByLabel('查看内容').click();
  await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^电话$/ }).click();
  await filters.getByRole('button', { name: /查\s*询$/ }).click();
  const table = admin.getByTestId('reveal-audit-table');
  const row = table.locator('.ant-table-row').filter({ hasText: created.body.number });
  await row.waitFor();
  assert.equal(await table.locator('.ant-table-row').count(), 1);
  const text = await row.innerText();
  for (const expected of ['孙晓静（agent）', '姓名', '电话', '核实来电号码后回电']) assert.ok(text.includes(expected), `${expected} in ${text}`);
  assert.ok(!(await table.innerText()).includes(PHONE) && !(await table.innerText()).includes('赵秀兰'), 'values are never shown');
  await e2e.shot(admin, '95-admin-reveal-audit');
});
