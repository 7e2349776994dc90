// The hotline's main path through the console, one role after another, each in its own browser session:
// 话务员 registers a call with the keyboard only → 派单员 dispatches to the suggested unit → 承办人 signs, records the
// first contact and replies → 单位负责人 approves the reply → 回访员 records the callback → closed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2E } from './harness';
import { assistSettled, clickButton, modal, openInQueue, startE2E, toast, submitForm } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const TITLE = '建设东路18号楼顶漏水三个月无人维修';
const CONTENT = '来电人反映兖州区鼓楼街道建设东路18号3单元顶楼自今年八月起雨天漏水，墙皮大面积脱落，多次联系物业公司均称需动用专项维修资金，至今无人处理，请求住建部门督促尽快维修。';
const PHONE = '13905379876';

/** The label of the form field that has the keyboard focus. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.closest('.ant-form-item')?.querySelector('.ant-form-item-label')?.textContent?.trim() ?? '');
}

test('an appeal goes from the call to closed through every role', async () => {
  // An earlier call from the same number, so the caller's history has something to show.
  await e2e.api('POST', '/api/appeals', { user: 'agent2', body: {
    channel: 'phone_12345', kind: 'consultation', urgency: 'normal', title: '咨询专项维修资金使用流程',
    content: '来电人咨询老旧小区楼顶防水维修能否申请使用专项维修资金，需要哪些材料，业主表决比例是多少。', citizen: { name: '张秀英', phone: PHONE }, areaCode: '370812001',
  } });

  // 受理 — keyboard only.
  const agent = await e2e.pageAs('agent');
  assert.equal(new URL(agent.url()).pathname, '/intake');
  await agent.getByText('快捷键').waitFor();
  await e2e.shot(agent, '10-intake-empty');
  assert.equal(await focused(agent), '来电号码', 'the phone field has the focus when the screen opens');
  await agent.keyboard.type(PHONE);
  await agent.getByTestId('caller-history').getByText('咨询专项维修资金使用流程').waitFor();
  await agent.getByTestId('caller-history').getByText(/1 件诉求尚未办结/).waitFor();
  await agent.keyboard.press('Tab');
  assert.equal(await focused(agent), '姓名');
  await agent.keyboard.type('张秀英');
  await agent.keyboard.press('Tab'); // kind: one tab stop, arrows choose
  assert.equal(await focused(agent), '诉求类型');
  await agent.keyboard.press('Tab');
  assert.equal(await focused(agent), '紧急程度');
  await agent.keyboard.press('Tab');
  assert.equal(await focused(agent), '诉求分类');
  await agent.keyboard.type('房屋渗漏');
  await agent.locator('.ant-select-tree-treenode').filter({ hasText: '房屋渗漏' }).first().waitFor();
  await agent.keyboard.press('Enter');
  await agent.keyboard.press('Tab');
  assert.equal(await focused(agent), '区域（输入街道/社区名称）');
  await agent.keyboard.type('鼓楼');
  await agent.locator('.ant-select-item-option').filter({ hasText: '鼓楼街道' }).first().waitFor();
  await agent.keyboard.press('Enter');
  await agent.keyboard.press('Tab');
  assert.equal(await focused(agent), '详细地址');
  await agent.keyboard.type('建设东路18号3单元顶楼');
  await agent.keyboard.press('Tab');
  await agent.keyboard.type(TITLE);
  await agent.keyboard.press('Tab');
  assert.equal(await focused(agent), '诉求内容');
  await agent.keyboard.type(CONTENT);
  await e2e.shot(agent, '11-intake-filled');
  await agent.keyboard.press('Control+Enter');
  const result = agent.getByTestId('intake-result');
  await result.waitFor();
  const number = (await agent.getByTestId('intake-number').innerText()).trim();
  const queryCode = (await agent.getByTestId('intake-query-code').innerText()).trim();
  assert.match(number, /^YZ/);
  assert.ok(queryCode.length >= 4, 'a query code to read to the caller');
  await e2e.shot(agent, '12-intake-saved');

  // The appeal as the API sees it.
  const list = await e2e.api<{ items: { id: string; number: string; status: string; categoryId: string | null; areaCode: string | null }[] }>('GET', '/api/appeals?limit=100', { user: 'dispatcher' });
  const created = list.body.items.find((a) => a.number === number);
  assert.ok(created, 'the new appeal is listed');
  assert.equal(created.areaCode, '370812001');
  assert.ok(created.categoryId);

  // 派单 — the suggested unit; the queue asks for its page's proposals in one request, not one per row.
  const dispatcher = await e2e.newPage();
  const proposalRequests: string[] = [];
  dispatcher.on('request', (r) => { if (/routing-proposal/.test(r.url())) proposalRequests.push(new URL(r.url()).pathname); });
  await e2e.login(dispatcher, 'dispatcher');
  assert.equal(new URL(dispatcher.url()).pathname, '/dispatch');
  await dispatcher.locator('.ant-table-row').filter({ hasText: TITLE }).getByText('兖州区住房和城乡建设局').waitFor();
  assert.deepEqual(proposalRequests, ['/api/routing-proposals'], 'one batch request for the rows on screen');
  await e2e.shot(dispatcher, '20-dispatch-queue');
  const dPanel = await openInQueue(dispatcher, TITLE);
  await assistSettled(dPanel);
  await clickButton(dPanel, '受理');
  await submitForm(dispatcher, modal(dispatcher));
  await toast(dispatcher, '受理：操作成功');
  await clickButton(dPanel, '派单');
  const dForm = modal(dispatcher);
  await dForm.getByText(/派单建议：兖州区住房和城乡建设局/).waitFor();
  await dForm.locator('.ant-select-selection-item').filter({ hasText: '兖州区住房和城乡建设局' }).first().waitFor();
  await e2e.shot(dispatcher, '21-dispatch-form');
  await submitForm(dispatcher, dForm);
  await toast(dispatcher, '派单：操作成功');
  await dispatcher.getByTestId('appeal-panel').waitFor({ state: 'detached' });

  // 承办 — sign, first contact, reply.
  const handler = await e2e.pageAs('zhujian.handler');
  assert.equal(new URL(handler.url()).pathname, '/handling');
  await handler.locator('.ant-table-row').filter({ hasText: TITLE }).waitFor();
  await e2e.shot(handler, '30-handling-to-sign');
  let hPanel = await openInQueue(handler, TITLE);
  await clickButton(hPanel, '签收');
  await submitForm(handler, modal(handler));
  await toast(handler, '签收：操作成功');
  await handler.getByRole('tab', { name: /办理中/ }).click();
  hPanel = await openInQueue(handler, TITLE);
  await clickButton(hPanel, '先行联系');
  await modal(handler).locator('textarea').fill('已电话联系来电人，约定明日上门查看。');
  await submitForm(handler, modal(handler));
  await toast(handler, '先行联系：操作成功');
  await clickButton(hPanel, '答复');
  const reply = modal(handler);
  await reply.locator('.ant-select').first().click();
  await handler.locator('.ant-select-item-option').filter({ hasText: '已解决' }).first().click();
  await reply.locator('textarea').fill('经现场查看，楼顶防水层老化开裂。我局已督促物业公司启动专项维修资金应急使用程序，于11月25日完成楼顶防水修缮，经雨天复查不再渗漏。');
  await e2e.shot(handler, '31-handling-reply-form');
  await submitForm(handler, reply);
  await toast(handler, '答复：操作成功');

  // 审核 — the unit leader approves the reply.
  const leader = await e2e.pageAs('zhujian.leader');
  assert.equal(new URL(leader.url()).pathname, '/review');
  await leader.locator('.ant-table-row').filter({ hasText: TITLE }).waitFor();
  const lPanel = await openInQueue(leader, TITLE);
  await lPanel.getByText(/楼顶防水层老化开裂/).waitFor();
  await e2e.shot(leader, '40-review-reply');
  await clickButton(lPanel, '审核通过');
  await submitForm(leader, modal(leader));
  await toast(leader, '审核通过：操作成功');

  // 回访 — satisfied: one click, two answers, close.
  const callback = await e2e.pageAs('callback');
  assert.equal(new URL(callback.url()).pathname, '/callback');
  await openInQueue(callback, TITLE);
  const form = callback.getByTestId('callback-form');
  await clickButton(form, '满意');
  await form.locator('.ant-radio-group').nth(0).getByText('是').click();
  await form.locator('.ant-radio-group').nth(1).getByText('是').click();
  await form.locator('textarea').fill('群众表示楼顶已修好，感谢住建局。');
  await e2e.shot(callback, '50-callback-form');
  await clickButton(form, '保存并办结');
  await toast(callback, '回访完成，诉求已办结');

  const done = await e2e.api<{ status: string; callback: { satisfaction: string; solved: boolean } | null; reply: { result: string } | null }>('GET', `/api/appeals/${created.id}`, { user: 'dispatcher' });
  assert.equal(done.body.status, 'closed');
  assert.equal(done.body.callback?.satisfaction, 'satisfied');
  assert.equal(done.body.callback?.solved, true);
  assert.equal(done.body.reply?.result, 'solved');

  // The whole story on the detail page.
  await callback.goto(`/appeals/${created.id}`);
  await callback.getByText('已办结').first().waitFor();
  await e2e.shot(callback, '51-appeal-closed-detail');
});

test('a consultation answered on the spot closes at intake (Alt+D)', async () => {
  const agent = await e2e.pageAs('agent2');
  await agent.locator('#phone').fill('13805370001');
  await agent.locator('label').filter({ hasText: '咨询' }).first().click();
  await agent.locator('#content').fill('来电人咨询兖州区公租房申请条件和需要提交的材料。');
  await agent.locator('#answer').fill('已告知：本区户籍、家庭人均收入低于规定标准且无自有住房的家庭可申请，携带身份证、户口簿、收入证明到所在街道便民服务中心提交申请。');
  await agent.locator('#content').focus();
  await agent.keyboard.press('Alt+d');
  await agent.getByTestId('intake-result').getByText('已直接办结').first().waitFor();
  await e2e.shot(agent, '13-intake-answered-directly');
});
