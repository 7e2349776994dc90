// 群众工作 (issue 8, modules 1, 2, 5) in the console: the roster with its A and B person shown to intake and a swap,
// a leader's reception with a matter that becomes an appeal and its minutes, a recurring schedule (edited, then
// cancelled) and a 包案, and a people's diary entry whose need becomes an appeal, with the month's compliance.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { E2E } from './harness';
import { clickButton, modal, startE2E, submitForm, toast } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const SAVE = '保存';

/**
 * Choose an option of the antd Select whose form field is `id`: typed into a searchable one (its list is virtual, so
 * an option far down is not rendered until searched for), clicked in a plain one.
 */
async function pick(page: Page, scope: Locator, id: string, text: string): Promise<void> {
  const input = scope.locator(`#${id}`);
  await input.locator('xpath=ancestor::div[contains(@class, "ant-select-selector")]').click(); // the chosen value covers the input
  if (await input.isEditable()) await input.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Choose a unit in a UnitSelect (a TreeSelect) by typing part of its name. */
async function pickUnit(page: Page, scope: Locator, id: string, text: string): Promise<void> {
  const input = scope.locator(`#${id}`);
  await input.click();
  await input.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').filter({ hasText: text }).first().click();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.goto('/registry');
  await page.getByRole('tab', { name }).click();
}

interface Shift { id: string; post: string; a: { name: string }; b: { name: string } }
interface Session { id: string; place: string; matters: { appealId: string; number: string; content: string }[] }
interface Diary { id: string; place: string; appealId: string | null }

test('an administrator adds a shift with an A and a B person; intake shows who is on duty; a swap is asked and approved', async () => {
  const admin = await e2e.pageAs('admin');
  await openTab(admin, '值班表');
  await admin.getByTestId('registry-roster').locator('.ant-table-row').first().waitFor();
  await admin.getByRole('button', { name: /新增值班/ }).click(); // the button has an icon
  const form = modal(admin);
  await form.locator('#post').fill('信访接待窗口（来访群众较多时增设的临时岗位）');
  // The time defaults to the current hour for eight hours, so the shift is on duty now.
  await pick(admin, form, 'aUserId', '赵雪莹');
  await pick(admin, form, 'bUserId', '李明远');
  await e2e.shot(admin, '98-registry-shift-form');
  await submitForm(admin, form, SAVE);
  await toast(admin, '值班已保存');
  await admin.getByTestId('registry-on-duty').getByText(/赵雪莹/).waitFor();
  await e2e.shot(admin, '98-registry-roster');

  // The intake screen names who is on duty, with the backup.
  const agent = await e2e.pageAs('agent');
  await agent.goto('/intake');
  const note = agent.getByTestId('on-duty-note');
  await note.getByText(/信访接待窗口.*赵雪莹（B 李明远）/).waitFor();
  await e2e.shot(agent, '98-registry-intake-on-duty');

  // The A person asks to hand the slot to someone else; a supervisor approves it.
  const callback = await e2e.pageAs('callback');
  await openTab(callback, '值班表');
  const row = callback.getByTestId('registry-roster').locator('.ant-table-row').filter({ hasText: '赵雪莹' }).first();
  await row.getByRole('button', { name: /申请换班/ }).click();
  const swap = modal(callback);
  await pick(callback, swap, 'toUserId', '王建国');
  await swap.locator('#reason').fill('当天需陪同家人就医，申请与王建国同志换班。');
  await submitForm(callback, swap, SAVE);
  await toast(callback, '换班申请已提交');

  const supervisor = await e2e.pageAs('supervisor');
  await openTab(supervisor, '值班表');
  const pending = supervisor.locator('.ant-table-row').filter({ hasText: '当天需陪同家人就医' });
  await clickButton(pending, '批准');
  await toast(supervisor, '已处理换班申请');
  await pending.getByText('已批准').waitFor();
  await e2e.shot(supervisor, '98-registry-swap-approved');
  const roster = await e2e.api<{ items: Shift[] }>('GET', '/api/registry/shifts', { user: 'supervisor' });
  const shift = roster.body.items.find((s) => s.post.startsWith('信访接待窗口'));
  assert.equal(shift?.a.name, '王建国');
  assert.equal(shift?.b.name, '李明远');
});

test('a leader receives a visitor, the matter becomes an appeal, the minutes show it; a schedule and a 包案', async () => {
  const leader = await e2e.pageAs('leader');
  await openTab(leader, '领导接访');
  await leader.getByTestId('registry-coverage').waitFor();

  // A recurring schedule: the last Friday of every month.
  await leader.getByRole('button', { name: /新增循环安排/ }).click(); // the button has an icon
  const rule = modal(leader);
  await rule.locator('#leaderName').fill('王建国');
  await rule.locator('#leaderTitle').fill('区长');
  await pick(leader, rule, 'freq', '每月最后一个星期几');
  await pick(leader, rule, 'weekday', '周五');
  await rule.locator('#place').fill('区群众来访接待中心二楼第三接待室');
  await rule.locator('#topic').fill('区长月末接访：城市更新与老旧小区改造');
  await e2e.shot(leader, '98-registry-rule-form');
  await submitForm(leader, rule, SAVE);
  await toast(leader, /已新增循环安排/);
  await leader.getByTestId('registry-rules').getByText('每月最后一个周五 09:00–11:30').waitFor();

  // Edit it (the form opens with what was saved; coming dates are published anew), then cancel it with a reason.
  const ruleRow = leader.getByTestId('registry-rules').locator('.ant-table-row').filter({ hasText: '城市更新与老旧小区改造' });
  await clickButton(ruleRow, '修改');
  const edit = modal(leader);
  assert.equal(await edit.locator('#leaderName').inputValue(), '王建国');
  await edit.locator('#place').fill('区群众来访接待中心三楼第一接待室');
  await e2e.shot(leader, '98-registry-rule-edit');
  await submitForm(leader, edit, SAVE);
  await toast(leader, /已修改循环安排/);
  await ruleRow.getByText(/三楼第一接待室/).waitFor();
  const published = async () => ((await e2e.api<{ schedules: { place: string }[] }>('GET', '/api/portal/directory')).body.schedules).filter((x) => x.place === '区群众来访接待中心三楼第一接待室').length;
  assert.ok(await published() > 0, 'the edited schedule is on the portal');
  await clickButton(ruleRow, '取消');
  const cancel = modal(leader);
  await cancel.locator('#reason').fill('区长本月起改为每周二接访，此安排停止。');
  await e2e.shot(leader, '98-registry-rule-cancel');
  await submitForm(leader, cancel, SAVE);
  await toast(leader, '已取消该安排');
  await ruleRow.getByText('已取消', { exact: true }).waitFor();
  assert.equal(await published(), 0, 'a cancelled schedule leaves the portal');

  // The session itself: the leader receiving (themself by default), where, and what they instructed.
  await leader.getByRole('button', { name: /记录接访/ }).click(); // the button has an icon
  const session = modal(leader);
  await session.locator('#place').fill('区群众来访接待中心一楼第一接待室');
  await session.locator('#summary').fill('请区住建局牵头，会同鼓楼街道在十个工作日内拿出维修方案并书面答复来访群众。');
  await e2e.shot(leader, '98-registry-session-form');
  await submitForm(leader, session, SAVE);
  await toast(leader, '接访记录已保存');

  const item = leader.getByTestId('registry-session').filter({ hasText: '第一接待室' }).first();
  await item.getByRole('button', { name: /登记事项/ }).click();
  const matter = modal(leader);
  await matter.locator('#content').fill('惠民小区3号楼楼顶防水层老化，连续两个雨季顶层住户家中漏水，物业称维修基金申请困难，希望政府协调尽快维修。');
  await matter.locator('#visitorName').fill('张桂兰');
  await matter.locator('#visitorCount').fill('2');
  await pickUnit(leader, matter, 'assignedUnitId', '住房和城乡建设局');
  await submitForm(leader, matter, SAVE);
  const saved = await toast(leader, /事项已转为诉求/);
  await item.getByText(/楼顶防水层老化/).waitFor();

  // Through the API: the matter is an appeal of channel 领导接访 with the number the toast named.
  const sessions = await e2e.api<{ items: Session[] }>('GET', '/api/registry/sessions', { user: 'leader' });
  const held = sessions.body.items.find((s) => s.place === '区群众来访接待中心一楼第一接待室');
  assert.equal(held?.matters.length, 1);
  const appeal = await e2e.api<{ number: string; channel: string; status: string }>('GET', `/api/appeals/${held!.matters[0]!.appealId}`, { user: 'leader' });
  assert.equal(appeal.body.channel, 'leader_reception');
  assert.ok(saved.includes(appeal.body.number), `the toast names ${appeal.body.number}: ${saved}`);
  await e2e.shot(leader, '98-registry-receptions');

  await item.getByRole('button', { name: /接访纪要/ }).click();
  const minutes = leader.getByTestId('registry-minutes');
  await minutes.getByText(/楼顶防水层老化/).waitFor();
  assert.match(await minutes.innerText(), new RegExp(`转为诉求 ${appeal.body.number}`));
  await e2e.shot(leader, '98-registry-minutes');
  await leader.keyboard.press('Escape');
  await minutes.waitFor({ state: 'hidden' });

  // 包案 from the matter, then a progress note.
  await item.getByRole('button', { name: /^包案$|^包 案$/ }).click();
  const owned = modal(leader);
  await owned.locator('#title').fill('惠民小区3号楼屋面漏水长期未解决（两个雨季）');
  await submitForm(leader, owned, SAVE);
  await toast(leader, '已新增包案');
  const kase = leader.getByTestId('registry-case').filter({ hasText: '惠民小区3号楼屋面漏水' });
  await clickButton(kase, '记录进展');
  const progress = modal(leader);
  await progress.locator('#note').fill('已现场查看，住建局确定使用维修基金应急通道，本周内进场施工。');
  await submitForm(leader, progress, SAVE);
  await toast(leader, '进展已记录');
  await kase.getByText(/应急通道/).waitFor();
  await e2e.shot(leader, '98-registry-cases');
});

test('a leader writes a people\'s diary entry, turns its need into an appeal, and the month\'s compliance shows', async () => {
  const leader = await e2e.pageAs('gulou.leader');
  await openTab(leader, '民情日记');
  await leader.getByTestId('registry-compliance').waitFor();
  await clickButton(leader, '写民情日记');
  const form = modal(leader);
  await form.locator('#place').fill('鼓楼街道惠民社区老年活动中心');
  await form.locator('#peopleMet').fill('社区书记、楼长及8名老年居民');
  await form.locator('#needsHeard').fill('老年活动中心冬季没有暖气，老人们只能在室外晒太阳，希望尽快接通集中供暖。');
  await form.locator('#plan').fill('请街道协调热力公司勘查管网，本月内给出接入方案。');
  await submitForm(leader, form, SAVE);
  await toast(leader, '民情日记已保存');

  const row = leader.getByTestId('registry-diaries').locator('.ant-table-row').filter({ hasText: '老年活动中心冬季没有暖气' });
  await clickButton(row, '转为诉求');
  const converted = await toast(leader, /已转诉求/);
  await row.getByRole('link', { name: '已转诉求' }).waitFor();
  const diaries = await e2e.api<{ items: Diary[] }>('GET', '/api/registry/diaries', { user: 'gulou.leader' });
  const entry = diaries.body.items.find((d) => d.place === '鼓楼街道惠民社区老年活动中心');
  assert.ok(entry?.appealId, 'the entry links its appeal');
  const appeal = await e2e.api<{ number: string; channel: string }>('GET', `/api/appeals/${entry.appealId}`, { user: 'leader' });
  assert.equal(appeal.body.channel, 'field_visit');
  assert.ok(converted.includes(appeal.body.number));

  // This month's compliance: the leader who wrote is compliant.
  const compliance = leader.getByTestId('registry-compliance');
  await compliance.locator('.ant-table-row').filter({ hasText: '朱宏伟' }).getByText('达标', { exact: true }).waitFor();
  await e2e.shot(leader, '98-registry-diaries');

  const centre = await e2e.pageAs('leader');
  await openTab(centre, '民情日记');
  await centre.getByTestId('registry-compliance').locator('.ant-table-row').filter({ hasText: '朱宏伟' }).waitFor();
  await e2e.shot(centre, '98-registry-diary-compliance');
});
