// The public portal on a phone, without an account: a citizen writes (with a photo and the arithmetic check), the
// centre handles the letter, the citizen follows it by number and query code and rates the answer; the letter is then
// redacted, approved by staff and shown on the public board. Text that looks like HTML stays text everywhere.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { E2E } from './harness';
import { clickButton, samplePng, startE2E, submitForm } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const PAYLOAD = '<img src=x onerror=alert(1)>';
const TITLE = `${PAYLOAD}建设东路路灯两周不亮`;
const CONTENT = '我叫张秀英，电话13905371234。鼓楼街道建设东路18号门口的三盏路灯已经坏了两个星期，晚上一片漆黑，老人孩子出门很不安全，请尽快修复。';

interface Appeal { id: string; number: string; status: string; version: number }

/** Watch for a script running: an alert would mean some text was rendered as HTML. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => { seen.push(d.message()); void d.dismiss(); });
  return seen;
}

async function act(user: string, id: string, body: Record<string, unknown>): Promise<Appeal> {
  return (await e2e.api<Appeal>('POST', `/api/appeals/${id}/transitions`, { user, body })).body;
}

test('a citizen writes on a phone with a photo, follows the letter, rates the answer, and it reaches the public board', async () => {
  const page = await e2e.newPage({ phone: true });
  const dialogs = watchDialogs(page);
  await page.goto('/portal');
  await page.locator('.portal-tile').first().waitFor();
  await e2e.shot(page, '80-portal-home');

  // 写信
  const check = page.waitForResponse((r) => r.url().includes('/api/portal/human-check'));
  await page.locator('.portal-tile').filter({ hasText: '我要写信' }).click();
  const token = ((await (await check).json()) as { token: string }).token;
  await page.locator('#areaCode').click();
  await page.locator('#areaCode').fill('鼓楼');
  await page.locator('.ant-select-item-option').filter({ hasText: '鼓楼街道' }).first().click();
  await page.locator('#title').fill(TITLE);
  await page.locator('#content').fill(CONTENT);
  await page.getByTestId('portal-files').setInputFiles([{ name: '路灯.png', mimeType: 'image/png', buffer: samplePng(200, 150, [40, 40, 60]) }]);
  await page.getByText('路灯.png').waitFor();
  await page.locator('#name').fill('张秀英');
  await page.locator('#phone').fill('13905371234');
  await page.locator('#consentPublish').click();
  await page.locator('input[aria-label="请计算图中算式的结果"]').fill(await e2e.solveHumanCheck(token));
  await e2e.shot(page, '81-portal-write-filled');
  await submitForm(page, page);
  const submitted = page.getByTestId('portal-submitted');
  await submitted.waitFor();
  const number = (await page.getByTestId('portal-number').innerText()).trim();
  const queryCode = (await page.getByTestId('portal-query-code').innerText()).trim();
  assert.match(number, /^YZ/);
  await e2e.shot(page, '82-portal-submitted');

  // The centre handles it like any appeal; the photo came with it.
  const found = await e2e.api<{ items: Appeal[] }>('GET', `/api/appeals?text=${encodeURIComponent(number)}`, { user: 'dispatcher' });
  const appeal = found.body.items.find((a) => a.number === number);
  assert.ok(appeal, 'the letter is an ordinary appeal for the centre');
  const files = await e2e.api<{ items: { source: string; contentType: string }[] }>('GET', `/api/appeals/${appeal.id}/attachments`, { user: 'dispatcher' });
  assert.deepEqual(files.body.items.map((f) => [f.source, f.contentType]), [['citizen', 'image/png']]);
  const units = await e2e.api<{ id: string; key: string }[] | { items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'dispatcher' });
  const unitList = Array.isArray(units.body) ? units.body : units.body.items;
  const chengguan = unitList.find((u) => u.key === 'dept-chengguan')!.id;
  await act('dispatcher', appeal.id, { action: 'accept' });
  await act('dispatcher', appeal.id, { action: 'dispatch', leadUnitId: chengguan });
  await act('chengguan.handler', appeal.id, { action: 'sign' });
  await act('chengguan.handler', appeal.id, { action: 'record_contact' });
  await act('chengguan.handler', appeal.id, { action: 'reply', reply: { text: '经查，建设东路18号附近三盏路灯因线路老化损坏，已于当日更换线路并恢复照明。', result: 'solved' } });
  await act('chengguan.leader', appeal.id, { action: 'approve_reply' });

  // 办理查询 → 评价
  await page.locator('.portal-nav a').filter({ hasText: '办理查询' }).click();
  await page.locator('#number').fill(number);
  await page.locator('#queryCode').fill(queryCode);
  await clickButton(page, '查询');
  const view = page.getByTestId('portal-track');
  await view.waitFor();
  await view.getByText(TITLE).waitFor(); // shown literally: the payload is text, not an image tag
  await page.getByText(/更换线路并恢复照明/).waitFor();
  const rate = page.getByTestId('portal-rate');
  await rate.getByText('满意', { exact: true }).click();
  await rate.getByText('已解决', { exact: true }).click();
  await e2e.shot(page, '83-portal-track-rate');
  await clickButton(rate, '提交评价');
  await page.getByText('您已评价：满意').waitFor();
  await e2e.shot(page, '84-portal-track-rated');
  const after = await e2e.api<Appeal>('GET', `/api/appeals/${appeal.id}`, { user: 'dispatcher' });
  assert.equal(after.body.status, 'closed', 'a satisfied rating closes the appeal');

  // 留言板: drafted with personal data removed, approved by staff, then public.
  assert.ok(await e2e.draftBoardPosts() >= 1);
  const drafts = await e2e.api<{ items: { appealId: string; version: number; title: string; content: string; reply: string }[] }>('GET', '/api/board-posts?status=pending', { user: 'supervisor' });
  const draft = drafts.body.items.find((d) => d.appealId === appeal.id);
  assert.ok(draft, 'a consenting, closed appeal is drafted for the board');
  assert.ok(!draft.content.includes('13905371234') && !draft.content.includes('张秀英'), 'the draft hides the phone and the name');
  await e2e.api('PATCH', `/api/board-posts/${appeal.id}`, { user: 'supervisor', body: { version: draft.version, title: draft.title, content: draft.content, reply: draft.reply, decision: 'approve' } });
  await page.locator('.portal-nav a').filter({ hasText: '留言选登' }).click();
  const post = page.getByTestId('board-post').filter({ hasText: '建设东路路灯两周不亮' });
  await post.waitFor();
  assert.ok(!(await post.innerText()).includes('13905371234'));
  await e2e.shot(page, '85-portal-board');
  assert.deepEqual(dialogs, [], 'no text ran as script');
});

test('a wrong query code and a wrong number look the same to the citizen', async () => {
  const page = await e2e.newPage({ phone: true });
  await page.goto('/portal/track');
  for (const [number, code] of [['YZ20261123999999', '000000'], ['YZ20261123000001', 'ZZZZZZ']]) {
    await page.locator('#number').fill(number!);
    await page.locator('#queryCode').fill(code!);
    await page.locator('#queryCode').press('Enter'); // Enter submits, as on a phone keyboard
    await page.locator('.ant-message-notice').filter({ hasText: '未找到' }).last().waitFor();
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached', timeout: 10_000 });
  }
  await e2e.shot(page, '86-portal-track-not-found');
});

test('the monthly figures, the guides and the directory read on a phone', async () => {
  const page = await e2e.newPage({ phone: true });
  await page.goto('/portal/stats');
  await page.getByText('每月通报').first().waitFor();
  await e2e.shot(page, '87-portal-stats');
  await page.goto('/portal/knowledge');
  await page.getByTestId('portal-knowledge').waitFor();
  await e2e.shot(page, '88-portal-knowledge');
  await page.goto('/portal/directory');
  await page.getByTestId('portal-directory').getByText('兖州区综合行政执法局').waitFor();
  await e2e.shot(page, '89-portal-directory');
  // A tablet held upright: one centred column, the navigation in one row.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto('/portal/write');
  await page.locator('#title').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'nothing wider than the screen');
  await e2e.shot(page, '89-portal-write-tablet');
});
