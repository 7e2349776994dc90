// 退单 and 延期 through the console: a unit returns a mis-routed appeal with its reason and the dispatcher approves it;
// a unit asks for more days and its leader approves; an action on an appeal someone else just changed says so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { clickButton, intakeBody, modal, openInQueue, startE2E, toast, submitForm } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

interface Appeal { id: string; version: number; status: string; returnCount: number; pending: unknown; deadlines: { clock: string; dueAt: string; running: boolean }[] }

async function unitId(key: string): Promise<string> {
  const units = await e2e.api<{ items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'dispatcher' });
  const unit = units.body.items.find((u) => u.key === key);
  assert.ok(unit, `unit ${key}`);
  return unit.id;
}

/** Registered by the agent, accepted and dispatched to the unit by the dispatcher (set-up through the API). */
async function dispatched(title: string, unitKey: string): Promise<Appeal> {
  const created = await e2e.api<Appeal>('POST', '/api/appeals', { user: 'agent', body: intakeBody({ title }) });
  const accepted = await e2e.api<Appeal>('POST', `/api/appeals/${created.body.id}/transitions`, { user: 'dispatcher', body: { action: 'accept', version: created.body.version } });
  const sent = await e2e.api<Appeal>('POST', `/api/appeals/${created.body.id}/transitions`, {
    user: 'dispatcher', body: { action: 'dispatch', version: accepted.body.version, leadUnitId: await unitId(unitKey) },
  });
  return sent.body;
}

test('a unit returns a mis-routed appeal and the dispatcher approves the return', async () => {
  const title = '建设东路小区地下车库雨水倒灌要求疏通排水管网（误派至综合执法局）';
  const appeal = await dispatched(title, 'dept-chengguan');

  const handler = await e2e.pageAs('chengguan.handler');
  const panel = await openInQueue(handler, title);
  await clickButton(panel, '申请退单');
  await modal(handler).locator('textarea').fill('小区地下车库排水管网属物业及住建部门管理范围，不属于我局职责，请改派住建局。');
  await e2e.shot(handler, '32-handling-return-request');
  await submitForm(handler, modal(handler));
  await toast(handler, '申请退单：操作成功');

  const dispatcher = await e2e.pageAs('dispatcher');
  await dispatcher.getByRole('tab', { name: /退单申请/ }).click();
  const dPanel = await openInQueue(dispatcher, title);
  await dPanel.getByText('不属于我局职责').waitFor();
  await dPanel.getByText(/退单理由（兖州区综合行政执法局）/).waitFor();
  await e2e.shot(dispatcher, '22-dispatch-return-request');
  await clickButton(dPanel, '同意退单');
  await submitForm(dispatcher, modal(dispatcher));
  await toast(dispatcher, '同意退单：操作成功');

  const after = await e2e.api<Appeal>('GET', `/api/appeals/${appeal.id}`, { user: 'dispatcher' });
  assert.equal(after.body.status, 'accepted', 'back with the dispatcher, to dispatch again');
  assert.equal(after.body.returnCount, 1);
  // It is a new appeal to dispatch again.
  await dispatcher.getByRole('tab', { name: /待派单/ }).click();
  await dispatcher.locator('.ant-table-row').filter({ hasText: title }).waitFor();
});

test('an action on an appeal someone else just changed reloads it and says so', async () => {
  const title = '新驿镇集市占道经营影响通行（并发处理）';
  const appeal = await dispatched(title, 'dept-chengguan');
  const returned = await e2e.api<Appeal>('POST', `/api/appeals/${appeal.id}/transitions`, {
    user: 'chengguan.handler', body: { action: 'request_return', version: appeal.version, reason: '占道经营属镇政府属地管理，请改派新驿镇。' },
  });
  const dispatcher = await e2e.pageAs('dispatcher');
  await dispatcher.getByRole('tab', { name: /退单申请/ }).click();
  const panel = await openInQueue(dispatcher, title);
  await panel.getByText(/退单理由/).waitFor(); // the reason loads above the buttons: click once they stop moving
  // Meanwhile a colleague rejects the return.
  await e2e.api('POST', `/api/appeals/${appeal.id}/transitions`, { user: 'dispatcher', body: { action: 'reject_return', version: returned.body.version, reason: '请先行处置。' } });
  await clickButton(panel, '同意退单');
  await submitForm(dispatcher, modal(dispatcher));
  const message = await toast(dispatcher, /他人/);
  assert.match(message, /刚被他人更新|已被他人处理/);
  await e2e.shot(dispatcher, '23-dispatch-conflict');
});

test('a unit asks for an extension and its leader approves it', async () => {
  const title = '鼓楼街道老旧小区雨污分流改造工期延误';
  const appeal = await dispatched(title, 'dept-chengguan');
  await e2e.api('POST', `/api/appeals/${appeal.id}/transitions`, { user: 'chengguan.handler', body: { action: 'sign', version: appeal.version } });
  const dueBefore = (await e2e.api<Appeal>('GET', `/api/appeals/${appeal.id}`, { user: 'dispatcher' })).body.deadlines.find((d) => d.clock === 'handling' && d.running)?.dueAt;

  const handler = await e2e.pageAs('chengguan.handler');
  await handler.getByRole('tab', { name: /办理中/ }).click();
  const panel = await openInQueue(handler, title);
  await clickButton(panel, '申请延期');
  const form = modal(handler);
  await form.locator('input.ant-input-number-input').fill('5');
  await form.locator('textarea').fill('改造涉及燃气管线迁改，需协调燃气公司施工，申请延期5个工作日。');
  await submitForm(handler, form);
  await toast(handler, '申请延期：操作成功');

  const leader = await e2e.pageAs('chengguan.leader');
  await leader.getByRole('tab', { name: /延期申请/ }).click();
  await leader.locator('.ant-table-row').filter({ hasText: title }).getByText('5 天').waitFor();
  const lPanel = await openInQueue(leader, title);
  await lPanel.getByText(/申请延期 5 天/).waitFor();
  await e2e.shot(leader, '41-review-extension');
  await clickButton(lPanel, '同意延期');
  await submitForm(leader, modal(leader));
  await toast(leader, '同意延期：操作成功');

  const after = await e2e.api<Appeal>('GET', `/api/appeals/${appeal.id}`, { user: 'dispatcher' });
  assert.equal(after.body.pending, null);
  const dueAfter = after.body.deadlines.find((d) => d.clock === 'handling' && d.running)?.dueAt;
  assert.ok(dueBefore && dueAfter && Date.parse(dueAfter) > Date.parse(dueBefore), 'the handling deadline moved');
});
