// 督办: an appeal made overdue by moving the server's clock shows red on the supervision board under its unit, is
// urged with one click and gets a supervision notice with a reply-by date; a nearly due one shows yellow.
// This file moves the shared server's clock forward: it runs last (files run in name order).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { clickButton, intakeBody, modal, startE2E, toast, submitForm } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

interface Appeal { id: string; version: number; urgeCount: number; deadlines: { clock: string; light: string; overdue: boolean; running: boolean }[] }
const HOUR = 3_600_000;

async function dispatchedTo(unitKey: string, body: Record<string, unknown>, sign: string | null): Promise<Appeal> {
  const units = await e2e.api<{ items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'dispatcher' });
  const leadUnitId = units.body.items.find((u) => u.key === unitKey)!.id;
  const created = await e2e.api<Appeal>('POST', '/api/appeals', { user: 'agent', body: intakeBody(body) });
  const accepted = await e2e.api<Appeal>('POST', `/api/appeals/${created.body.id}/transitions`, { user: 'dispatcher', body: { action: 'accept', version: created.body.version } });
  let appeal = await e2e.api<Appeal>('POST', `/api/appeals/${created.body.id}/transitions`, { user: 'dispatcher', body: { action: 'dispatch', version: accepted.body.version, leadUnitId } });
  if (sign) appeal = await e2e.api<Appeal>('POST', `/api/appeals/${created.body.id}/transitions`, { user: sign, body: { action: 'sign', version: appeal.body.version } });
  return appeal.body;
}

test('an overdue appeal is urged and supervised from the supervision board', async () => {
  const red = '兖州区建设东路人行道井盖缺失存在安全隐患（紧急）';
  const yellow = '鼓楼街道某小区燃气管道漏气有明显煤气味（特急）';
  const red2 = '新驿镇农贸市场周边占道经营堵塞消防通道（紧急）';
  const overdue = await dispatchedTo('dept-zhujian', { title: red, urgency: 'urgent', kind: 'help' }, 'zhujian.handler');
  await dispatchedTo('dept-chengguan', { title: red2, urgency: 'urgent', areaCode: '370812102' }, 'chengguan.handler');
  await e2e.advanceClock(5 * 24 * HOUR); // the urgent appeal's 2 working days are long gone
  const soon = await dispatchedTo('dept-zhujian', { title: yellow, urgency: 'critical', kind: 'help' }, null);
  await e2e.advanceClock(25 * 60_000); // 25 of the 30 minutes to sign for a critical appeal: yellow
  await e2e.sweep(); // the worker's minute: the yellow mark the board's 黄灯 tab lists

  const state = await e2e.api<Appeal>('GET', `/api/appeals/${overdue.id}`, { user: 'supervisor' });
  assert.ok(state.body.deadlines.some((d) => d.running && d.overdue), 'the server sees it overdue');
  const soonState = await e2e.api<Appeal>('GET', `/api/appeals/${soon.id}`, { user: 'supervisor' });
  assert.ok(soonState.body.deadlines.some((d) => d.running && d.light === 'yellow'), 'the server lights it yellow');

  const page = await e2e.pageAs('supervisor');
  assert.equal(new URL(page.url()).pathname, '/supervision');
  const board = page.getByTestId('units-board');
  await board.getByText('兖州区住房和城乡建设局').waitFor();
  const row = page.locator('.ant-table-row').filter({ hasText: red });
  await row.waitFor();
  await row.getByText(/超期/).first().waitFor();
  await e2e.shot(page, '60-supervision-board');

  await clickButton(row, '催办');
  await clickButton(page.locator('.ant-popconfirm'), '催办');
  await toast(page, /已催办/);
  assert.equal((await e2e.api<Appeal>('GET', `/api/appeals/${overdue.id}`, { user: 'supervisor' })).body.urgeCount, 1);

  await clickButton(row, '督办');
  const form = modal(page);
  await form.locator('textarea').fill('该诉求已超期，请于3个工作日内书面回复处理结果并说明超期原因。');
  await form.locator('input.ant-input-number-input').fill('3');
  await e2e.shot(page, '61-supervision-notice');
  await submitForm(page, form);
  await toast(page, /已发出督办通知/);
  const records = await e2e.api<{ supervisions: { kind: string; replyBy: string | null }[] }>('GET', `/api/appeals/${overdue.id}/supervision`, { user: 'supervisor' });
  const notice = records.body.supervisions.find((s) => s.kind === 'notice');
  assert.ok(notice?.replyBy, 'the notice carries a reply-by date');
  assert.ok(records.body.supervisions.some((s) => s.kind === 'urge'));

  await page.getByRole('tab', { name: /黄灯预警/ }).click();
  await page.locator('.ant-table-row').filter({ hasText: yellow }).waitFor();
  await e2e.shot(page, '62-supervision-yellow');

  // 联席会议 over two ticked red appeals.
  await page.getByRole('tab', { name: /红灯超期/ }).click();
  for (const title of [red, red2]) await page.locator('.ant-table-row').filter({ hasText: title }).locator('.ant-checkbox-input').check();
  await clickButton(page, '召开联席会议');
  const meeting = modal(page);
  const item = (label: string) => meeting.locator('.ant-form-item').filter({ has: page.locator('.ant-form-item-label', { hasText: new RegExp(`^${label}`) }) });
  await item('会议议题').locator('input').fill('超期积案协调会');
  await item('召开时间').locator('input').fill('2026-11-28 10:00');
  await item('召开时间').locator('input').press('Enter');
  for (const unit of ['兖州区住房和城乡建设局', '兖州区综合行政执法局']) {
    await item('参会单位').locator('.ant-select-selector').click();
    await page.keyboard.type(unit);
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: unit }).first().click();
  }
  await meeting.locator('.ant-modal-title').click(); // closes the unit drop-down (Escape would close the modal)
  await item('会议决定').locator('textarea').fill('住建局牵头、综合执法局配合，三日内完成井盖补装并回复群众。');
  await e2e.shot(page, '63-supervision-joint-meeting');
  await submitForm(page, meeting);
  await toast(page, '联席会议已记录');
  const withMeeting = await e2e.api<{ jointMeetings: { topic: string; appealIds: string[] }[] }>('GET', `/api/appeals/${overdue.id}/supervision`, { user: 'supervisor' });
  assert.equal(withMeeting.body.jointMeetings.length, 1);
  assert.equal(withMeeting.body.jointMeetings[0]?.appealIds.length, 2);

  // The handling unit sees the same appeal as overdue in its inbox.
  const handler = await e2e.pageAs('zhujian.handler');
  await handler.getByRole('tab', { name: /已超期/ }).click();
  await handler.locator('.ant-table-row').filter({ hasText: red }).getByText(/超 /).waitFor();
  await e2e.shot(handler, '33-handling-overdue');
});
