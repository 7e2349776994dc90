// 回访 with a dissatisfied citizen: the callback agent sends the appeal back to the unit to redo (重办), or closes it
// after review with a written opinion (复核后办结).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { clickButton, intakeBody, openInQueue, startE2E, toast } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

interface Appeal { id: string; version: number; status: string; redoCount: number; outcome: { type: string } | null }

/** An appeal replied to by 鼓楼街道 and approved by its leader: waiting for the callback (set-up through the API). */
async function awaitingCallback(title: string): Promise<Appeal> {
  const units = await e2e.api<{ items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'dispatcher' });
  const gulou = units.body.items.find((u) => u.key === 'street-370812001')!.id;
  let a = (await e2e.api<Appeal>('POST', '/api/appeals', { user: 'agent', body: intakeBody({ title }) })).body;
  const step = async (user: string, body: Record<string, unknown>) => {
    a = (await e2e.api<Appeal>('POST', `/api/appeals/${a.id}/transitions`, { user, body: { version: a.version, ...body } })).body;
  };
  await step('dispatcher', { action: 'accept' });
  await step('dispatcher', { action: 'dispatch', leadUnitId: gulou });
  await step('gulou.handler', { action: 'sign' });
  await step('gulou.handler', { action: 'reply', reply: { result: 'explained', text: '经核实，该路段施工为市政管网应急抢修，已要求施工单位夜间十点后停止高噪声作业。' } });
  await step('gulou.leader', { action: 'approve_reply' });
  assert.equal(a.status, 'callback');
  return a;
}

test('a dissatisfied citizen: the callback agent sends the appeal back to redo', async () => {
  const title = '鼓楼街道夜间施工噪音扰民（回访不满意重办）';
  const appeal = await awaitingCallback(title);
  const page = await e2e.pageAs('callback');
  await openInQueue(page, title);
  const form = page.getByTestId('callback-form');
  await clickButton(form, '不满意');
  await form.getByText('群众不满意').waitFor();
  await form.locator('.ant-radio-group').nth(0).getByText('是').click();
  await form.locator('.ant-radio-group').nth(1).getByText('否').click();
  // Redo without a reason is refused on the spot.
  await clickButton(form, '重办');
  await toast(page, '不满意时须填写重办理由或复核意见');
  await form.getByPlaceholder('重办理由 / 复核意见').fill('群众反映施工仍持续到凌晨，要求街道现场核查并落实停工时间。');
  await e2e.shot(page, '52-callback-dissatisfied');
  await clickButton(form, '重办');
  await toast(page, '已退回承办单位重办');
  const after = await e2e.api<Appeal>('GET', `/api/appeals/${appeal.id}`, { user: 'dispatcher' });
  assert.equal(after.body.status, 'handling');
  assert.equal(after.body.redoCount, 1);
});

test('a dissatisfied citizen given a reasonable explanation: closed after review', async () => {
  const title = '鼓楼街道夜间施工噪音扰民（复核后办结）';
  const appeal = await awaitingCallback(title);
  const page = await e2e.pageAs('callback');
  await openInQueue(page, title);
  const form = page.getByTestId('callback-form');
  await clickButton(form, '非常不满意');
  await form.locator('.ant-radio-group').nth(0).getByText('是').click();
  await form.locator('.ant-radio-group').nth(1).getByText('否').click();
  await form.getByPlaceholder('重办理由 / 复核意见').fill('应急抢修依法可夜间施工，承办单位已合理解释并限制作业时间，复核同意办结。');
  await clickButton(form, '复核后办结');
  await toast(page, '回访完成，诉求已办结');
  const after = await e2e.api<Appeal>('GET', `/api/appeals/${appeal.id}`, { user: 'dispatcher' });
  assert.equal(after.body.status, 'closed');
  assert.equal(after.body.outcome?.type, 'closed_after_review');
});
