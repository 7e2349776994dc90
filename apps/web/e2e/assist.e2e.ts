// The assistant at intake and dispatch: an agent typing a call that repeats an open appeal sees it as a likely
// duplicate (with why) and relates the new one to it; the dispatcher sees the same duplicate beside the new appeal and
// merges it with one click into the prefilled merge form. The browser-test demo has no closed appeals to train on, so
// the category chips say why there are none (their behaviour with a model is covered by the console's unit tests).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { clickButton, modal, openInQueue, startE2E, toast, submitForm } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const EARLIER = { title: '护城河水面漂满塑料瓶无人清理', content: '兖州区鼓楼街道护城河东段水面漂满塑料瓶、泡沫箱和生活垃圾，岸边也堆着垃圾，天热味道很大，希望水务部门安排人员清理。' };
const REPEAT = { title: '护城河东段垃圾漂浮', content: '鼓楼街道护城河东段水面上漂着很多塑料瓶和泡沫箱，岸边堆着生活垃圾，味道很大，请水务部门尽快安排清理。' };

test('a repeated call is flagged at intake, related, and merged at dispatch from the suggestion', async () => {
  const earlier = await e2e.api<{ id: string; number: string }>('POST', '/api/appeals', { user: 'agent2', body: {
    channel: 'phone_12345', kind: 'complaint', urgency: 'normal', ...EARLIER, citizen: { name: '赵立新', phone: '13905370011' }, areaCode: '370812001',
  } });

  const agent = await e2e.pageAs('agent');
  await agent.locator('#phone').fill('13905370022');
  await agent.locator('#title').fill(REPEAT.title);
  await agent.locator('#content').fill(REPEAT.content);
  const assist = agent.getByTestId('intake-assist');
  const candidate = assist.getByTestId('duplicate-candidates');
  await candidate.getByText(earlier.body.number).waitFor();
  assert.match(await candidate.innerText(), /文本相似度 \d+%/);
  assert.match(await candidate.innerText(), /共同词语：.*护城河/);
  await agent.getByText(/有 1 件疑似重复诉求，保存前请核实/).waitFor();
  await agent.getByText(/尚未训练分类模型/).waitFor();
  await e2e.shot(agent, '14-intake-duplicate');
  await clickButton(candidate, '关联');
  await candidate.getByRole('button', { name: /已\s*关\s*联/ }).waitFor();
  await agent.locator('#content').press('Control+Enter');
  await agent.getByTestId('intake-result').waitFor();
  const number = (await agent.getByTestId('intake-number').innerText()).trim();

  const dispatcher = await e2e.pageAs('dispatcher');
  const panel = await openInQueue(dispatcher, REPEAT.title);
  const dispatchAssist = panel.getByTestId('dispatch-assist');
  await dispatchAssist.getByTestId('duplicate-candidates').getByText(earlier.body.number).waitFor();
  await e2e.shot(dispatcher, '22-dispatch-duplicate');
  await clickButton(dispatchAssist, '并入此件');
  const form = modal(dispatcher);
  await form.getByText(new RegExp(`${earlier.body.number} · 已登记`)).waitFor();
  await submitForm(dispatcher, form);
  await toast(dispatcher, '并单：操作成功');

  const merged = await e2e.api<{ items: { number: string; status: string; masterId?: string }[] }>('GET', `/api/appeals?text=${encodeURIComponent(number)}`, { user: 'dispatcher' });
  assert.equal(merged.body.items.find((a) => a.number === number)?.status, 'merged');
});

test('a consultation is answered from the knowledge base beside the intake form and closed on the spot', async () => {
  const agent = await e2e.pageAs('agent');
  await agent.locator('#phone').fill('13905370033');
  await agent.locator('#title').fill('社保卡丢了怎么补办');
  const kb = agent.getByTestId('knowledge-panel');
  await kb.getByText('社保卡（社会保障卡）丢失如何挂失和补办').waitFor();
  await agent.locator('#content').fill('来电人社保卡丢失，咨询如何挂失和补办，需要带什么材料。');
  await e2e.shot(agent, '15-intake-knowledge');
  await clickButton(kb, '用此答复');
  assert.match(await agent.locator('#answer').inputValue(), /挂失/);
  await agent.locator('#content').press('Alt+D');
  await agent.getByTestId('intake-result').getByText('已直接办结').first().waitFor();
});
