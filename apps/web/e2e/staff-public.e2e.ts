// The staff side of what the public sees: the centre reviews a redacted letter for the board and publishes it, a
// leader reads the indicators and the appeals behind a figure, an administrator issues an Open311 key.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { clickButton, intakeBody, modal, startE2E } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

interface Appeal { id: string; number: string; status: string }
const TITLE = '新驿镇集市散场后垃圾遍地无人清扫';

async function act(user: string, id: string, body: Record<string, unknown>): Promise<Appeal> {
  return (await e2e.api<Appeal>('POST', `/api/appeals/${id}/transitions`, { user, body })).body;
}

/** A consenting appeal taken all the way to closed by the API, so the board and the indicators have it. */
async function closedAppeal(): Promise<Appeal> {
  const units = await e2e.api<{ id: string; key: string }[] | { items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'dispatcher' });
  const list = Array.isArray(units.body) ? units.body : units.body.items;
  const lead = list.find((u) => u.key === 'dept-chengguan')!.id;
  const a = (await e2e.api<Appeal>('POST', '/api/appeals', { user: 'agent', body: intakeBody({
    title: TITLE, consentPublish: true,
    content: '来电人王建国（电话13905371234）反映新驿镇集市每逢三、八散场后塑料袋菜叶遍地，没人清扫，希望增派保洁。',
  }) })).body;
  await act('agent', a.id, { action: 'accept' });
  await act('dispatcher', a.id, { action: 'dispatch', leadUnitId: lead });
  await act('chengguan.handler', a.id, { action: 'sign' });
  await act('chengguan.handler', a.id, { action: 'record_contact' });
  await act('chengguan.handler', a.id, { action: 'reply', reply: { text: '已协调新驿镇增设集市散场后保洁班次，当日下午三点前清扫完毕。', result: 'solved' } });
  await act('chengguan.leader', a.id, { action: 'approve_reply' });
  await act('callback', a.id, { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
  return act('callback', a.id, { action: 'close' });
}

test('the centre reviews a redacted letter and publishes it; a leader reads the figures behind it', async () => {
  const appeal = await closedAppeal();
  assert.equal(appeal.status, 'closed');
  assert.ok(await e2e.draftBoardPosts() >= 1);

  const supervisor = await e2e.pageAs('supervisor');
  await supervisor.goto('/board');
  const row = supervisor.locator('.ant-list-item').filter({ hasText: TITLE });
  await row.waitFor();
  await row.getByText('审核', { exact: true }).click();
  const form = modal(supervisor);
  await form.getByText(/自动脱敏/).first().waitFor();
  const content = await form.locator('textarea').first().inputValue();
  assert.ok(!content.includes('13905371234') && !content.includes('王建国'), 'the draft hides the phone and the name');
  await e2e.shot(supervisor, '90-board-review');
  await clickButton(form, '审核通过并公开');
  await form.waitFor({ state: 'detached' });

  const citizen = await e2e.newPage({ phone: true });
  await citizen.goto('/portal/board');
  await citizen.getByTestId('board-post').filter({ hasText: TITLE }).waitFor();

  const leader = await e2e.pageAs('leader');
  await leader.goto('/indicators');
  await leader.getByText('考核指标').first().waitFor();
  await leader.locator('.ant-table-row').first().waitFor();
  await e2e.shot(leader, '91-indicators');
  await leader.locator('.ant-table-row a').first().click();
  await leader.locator('.ant-drawer-content').getByText(/共 \d+ 条/).first().waitFor();
  await e2e.shot(leader, '92-indicators-drawer');
});

test('an administrator issues an Open311 key that is shown once and sets the portal\'s limits', async () => {
  const admin = await e2e.pageAs('admin');
  await admin.goto('/admin/open311');
  await admin.getByRole('button', { name: /签\s*发\s*密\s*钥/ }).first().click(); // the button has an icon ("plus")
  const form = modal(admin);
  await form.locator('input').first().fill('随手拍 App');
  await clickButton(form, '签发密钥');
  const key = (await admin.getByTestId('open311-issued-key').innerText()).trim();
  assert.match(key, /^mso_370812_/);
  await e2e.shot(admin, '93-admin-open311-key');
  // The portal's limits are settings an administrator changes on screen.
  await admin.goto('/admin/settings');
  const perNumber = admin.locator('#portal_trackPerNumber_limit');
  await perNumber.waitFor();
  await perNumber.fill('8');
  await clickButton(admin, '保存');
  await admin.locator('.ant-message-notice').first().waitFor();
  const saved = await e2e.api<{ portal: { trackPerNumber: { limit: number } } }>('GET', '/api/admin/settings', { user: 'admin' });
  assert.equal(saved.body.portal.trackPerNumber.limit, 8);
  await e2e.shot(admin, '95-admin-settings');
  // 区域: a new community under 鼓楼街道.
  await admin.goto('/admin/areas');
  await admin.getByTestId('areas-tree').getByText('鼓楼街道', { exact: true }).click();
  await admin.getByTestId('area-detail').getByRole('button', { name: /新增社区/ }).click();
  const add = modal(admin);
  await add.locator('#code').fill('370812001901');
  await add.locator('#name').fill('鼓楼街道新城社区居民委员会');
  await add.locator('#shortName').fill('新城社区');
  await clickButton(add, '保存');
  await admin.getByTestId('area-detail').getByText('370812001901').waitFor();
  await e2e.shot(admin, '96-admin-areas');
  await admin.goto('/admin/schedules');
  await admin.locator('.ant-table-row').first().waitFor();
  await e2e.shot(admin, '94-admin-schedules');
});
