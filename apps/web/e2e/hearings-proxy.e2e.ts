// 听证会 and 民生事项代办 end to end: staff announce and publish a hearing and a citizen reads it on the portal; a citizen
// finds an item in the proxy catalogue on a phone, a community agent accepts the request, the citizen tracks it; once
// its promised days have passed, staff filter it as overdue and the citizen reads 已超期.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { clickButton, modal, startE2E, submitForm } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const HEARING = '城区路内停车收费标准调整听证会';

test('staff announce and publish a hearing; it shows on the portal only then', async () => {
  const now = await e2e.serverNow();
  const h = (await e2e.api<{ id: string }>('POST', '/api/hearings', { user: 'supervisor', body: {
    title: HEARING, topic: '拟调整城区路内停车收费标准：一类区域首小时 4 元，夜间免费。', place: '区政务服务中心三楼听证室',
    scheduledAt: new Date(now.getTime() + 20 * 86_400_000).toISOString(), notice: '定于下月在区政务服务中心举行听证会，欢迎市民旁听。',
  } })).body;
  await e2e.api('POST', `/api/hearings/${h.id}/representatives`, { user: 'supervisor', body: { kind: 'resident', name: '马秀英', phone: '13805370001', constituency: '鼓楼街道惠民社区' } });
  await e2e.api('POST', `/api/hearings/${h.id}/representatives`, { user: 'supervisor', body: { kind: 'enterprise', name: '高建平', organisation: '兖州公共停车管理有限公司' } });
  await e2e.api('POST', `/api/hearings/${h.id}/materials`, { user: 'supervisor', body: { title: '收费标准调整方案', summary: '一类区域首小时 4 元，之后每小时 2 元。' } });

  const citizen = await e2e.newPage({ phone: true });
  await citizen.goto('/portal/hearings');
  await citizen.locator('.portal-main').getByText(/听证|暂无/).first().waitFor();
  assert.equal(await citizen.getByText(HEARING).count(), 0, 'a draft is not on the portal');

  const staff = await e2e.pageAs('supervisor');
  await staff.goto('/hearings');
  await staff.getByTestId('hearings-table').getByText(HEARING).click();
  const drawer = staff.getByTestId('hearing-drawer');
  await drawer.getByText('马**').waitFor();
  assert.equal(await drawer.getByText('马秀英').count(), 0, 'representatives are masked for staff');
  await clickButton(drawer, '发布公告');
  await drawer.getByRole('switch').waitFor();
  await drawer.getByRole('switch').click();
  await drawer.getByText('已公示').first().waitFor();
  await e2e.shot(staff, '99-hearings-staff-published');

  await citizen.reload();
  const card = citizen.getByTestId('portal-hearing').filter({ hasText: HEARING });
  await card.waitFor();
  await card.getByText('兖州公共停车管理有限公司', { exact: false }).waitFor();
  const text = await citizen.locator('.portal-main').innerText();
  assert.ok(!text.includes('马秀英') && !text.includes('13805370001'), 'no representative is named on the portal');
  await e2e.shot(citizen, '99-hearings-portal-phone');
});

test('a citizen finds a proxy item, a community agent accepts it, the citizen tracks it on a phone', async () => {
  const citizen = await e2e.newPage({ phone: true });
  await citizen.goto('/portal/proxy');
  await citizen.getByTestId('portal-proxy-items').waitFor();
  await citizen.getByRole('searchbox').or(citizen.locator('input[aria-label="查找事项或材料"]')).first().fill('优待证');
  const item = citizen.getByTestId('portal-proxy-items').locator('.ant-collapse-item').filter({ hasText: '老年人优待证办理' });
  await item.waitFor();
  await item.locator('.ant-collapse-header').click();
  await item.getByText('镇街便民服务中心制证').waitFor();
  await e2e.shot(citizen, '99-hearings-proxy-catalogue-phone');

  const agent = await e2e.pageAs('weiyuan.handler');
  await agent.goto('/proxy');
  await clickButton(agent, '受理代办');
  const form = modal(agent);
  await form.locator('#itemId').click();
  await form.locator('#itemId').fill('优待证');
  await agent.locator('.ant-select-item-option').filter({ hasText: '老年人优待证办理' }).first().click();
  await form.locator('#applicantName').fill('钱秀兰');
  await form.locator('#applicantPhone').fill('13905375555');
  await form.locator('#matter').fill('老人行动不便，请求代办并送证上门。');
  await submitForm(agent, form, '保存');
  const done = agent.getByTestId('proxy-registered');
  await done.waitFor();
  const values = await done.locator('.ms-mono').allInnerTexts();
  const [number, queryCode] = values.map((v) => v.trim());
  assert.match(number!, /^DB\d{12}$/);
  await e2e.shot(agent, '99-hearings-proxy-registered');
  await clickButton(agent.locator('.ant-modal-confirm'), '知道了');
  await agent.getByTestId('proxy-requests').getByText(number!).waitFor();
  assert.equal(await agent.getByTestId('proxy-requests').getByText('钱秀兰').count(), 0, 'the applicant is masked');

  await citizen.locator('#number').fill(number!);
  await citizen.locator('#queryCode').fill(queryCode!);
  await clickButton(citizen, '查询');
  const view = citizen.getByTestId('portal-proxy-track');
  await view.getByText('已受理').first().waitFor();
  await view.getByText('老年人优待证办理').waitFor();
  assert.ok(!(await view.innerText()).includes('钱秀兰'));
  await e2e.shot(citizen, '99-hearings-proxy-track-phone');

  // A week later the promised 3 working days have passed: the sweep marks it and tells the unit; staff filter the
  // overdue, and the citizen reads 已超期 (still without any staff name).
  await e2e.advanceClock(7 * 86_400_000);
  await e2e.sweep();
  const late = await e2e.pageAs('weiyuan.handler');
  await late.goto('/proxy');
  await late.getByTestId('proxy-requests').getByText(number!).waitFor();
  await late.getByTestId('proxy-state-filter').click();
  await late.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^超期$/ }).click();
  const row = late.getByTestId('proxy-requests').locator('.ant-table-row').filter({ hasText: number! });
  await row.getByText('超期', { exact: true }).waitFor();
  await row.getByLabel(/已于 .* 提醒代办单位/).waitFor();
  const shown = await late.getByTestId('proxy-requests').locator('.ant-table-row').allInnerTexts();
  assert.ok(shown.length > 0 && shown.every((t) => t.includes('超期')), shown.join(' | '));
  await e2e.shot(late, '99-hearings-proxy-overdue');
  // The citizen comes back a week later: the page opened anew (a tab left a week behind the 7-day clock jump once lost
  // its 查询 button under CI load), the number and query code typed again.
  await citizen.bringToFront();
  await citizen.reload();
  await citizen.locator('#number').fill(number!);
  await citizen.locator('#queryCode').fill(queryCode!);
  await clickButton(citizen, '查询');
  await view.getByText('已超期').waitFor();
  const text = await view.innerText();
  for (const staffName of ['何春霞', '杨晓燕']) assert.ok(!text.includes(staffName), `no staff name: ${staffName}`);
  await e2e.shot(citizen, '99-hearings-proxy-overdue-phone');
});
