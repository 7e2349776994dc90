// 安全响应头: the console and the portal run under their strict Content Security Policy without a single violation
// (login, the dashboard's echarts, an appeal, the user admin, the portal), the pages carry the hardening headers, and
// the new screens work: 修改密码 from the user menu, 解除锁定 / 强制下线 in the user admin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright-core';
import type { E2E } from './harness';
import { intakeBody, startE2E, toast } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

const violations: string[] = [];

/** Record every CSP violation the page reports, as an event and as a console message, across navigations. */
async function watchCsp(page: Page): Promise<void> {
  await page.exposeBinding('__reportCsp', (_source, text: string) => { violations.push(text); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
}

function assertHardened(res: Response | null, what: string): void {
  assert.ok(res, `${what}: a response`);
  const h = res.headers();
  assert.match(h['content-security-policy'] ?? '', /^default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'/, what);
  assert.match(h['content-security-policy'] ?? '', /frame-ancestors 'none'/, what);
  assert.equal(h['x-frame-options'], 'DENY', what);
  assert.equal(h['x-content-type-options'], 'nosniff', what);
  assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin', what);
  assert.equal(h['cross-origin-opener-policy'], 'same-origin', what);
  assert.match(h['permissions-policy'] ?? '', /geolocation=\(\)/, what);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(500);
}

test('console pages run under the strict CSP with no violation, and carry the security headers', async () => {
  const appeal = (await e2e.api<{ id: string }>('POST', '/api/appeals', { user: 'agent', body: intakeBody() })).body;
  const page = await e2e.newPage();
  await watchCsp(page);
  assertHardened(await page.goto('/login'), 'login page');
  await e2e.login(page, 'leader');
  const script = await page.evaluate(() => Array.from(document.scripts).map((s) => ({ src: s.src, inline: !s.src && s.textContent!.trim().length > 0 })));
  assert.ok(script.length > 0 && script.every((s) => !s.inline), `no inline script: ${JSON.stringify(script)}`);
  for (const path of ['/dashboard', '/dashboard?tab=analysis', `/appeals/${appeal.id}`, '/appeals']) {
    assertHardened(await page.goto(path), path);
    await settle(page);
  }
  await page.goto('/dashboard?tab=analysis');
  await page.waitForFunction(() => document.querySelectorAll('canvas').length > 0);
  await settle(page);
  await e2e.shot(page, 'security-dashboard-under-csp');
  const asset = await page.request.get(await page.evaluate(() => (document.querySelector('script[src]') as HTMLScriptElement).src));
  assert.equal(asset.headers()['x-content-type-options'], 'nosniff');
  assert.deepEqual(violations, [], 'no CSP violation in the console');
  await page.context().close();
});

test('the portal runs under the same policy without violations', async () => {
  const page = await e2e.newPage({ phone: true });
  await watchCsp(page);
  for (const path of ['/portal', '/portal/write', '/portal/track', '/portal/stats']) {
    assertHardened(await page.goto(path), path);
    await settle(page);
  }
  await e2e.shot(page, 'security-portal-under-csp');
  assert.deepEqual(violations, [], 'no CSP violation on the portal');
  await page.context().close();
});

test('a user changes their own password from the user menu; the policy is explained and enforced', async () => {
  const centre = (await e2e.api<{ items: { id: string; key: string }[] }>('GET', '/api/units', { user: 'admin' })).body.items.find((u) => u.key === 'centre')!.id;
  await e2e.api('POST', '/api/admin/users', { user: 'admin', body: { username: 'e2e.pw', displayName: '改密测试', password: 'Lantern-42-river', roles: [{ role: 'agent', unitId: centre }] } });
  const page = await e2e.newPage();
  await watchCsp(page);
  await e2e.login(page, 'e2e.pw', 'Lantern-42-river');
  await page.getByText('改密测试').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('当前密码').fill('Lantern-42-river');
  await dialog.getByLabel('新密码', { exact: true }).fill('woaini1314');
  await dialog.getByLabel('再次输入新密码').fill('woaini1314');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.locator('.ant-form-item-explain-error').filter({ hasText: /常见密码/ }).waitFor();
  await e2e.shot(page, 'security-change-password-refused');
  await dialog.getByLabel('新密码', { exact: true }).fill('Harbour-77-lantern');
  await dialog.getByLabel('再次输入新密码').fill('Harbour-77-lantern');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await toast(page, /密码已修改/);
  const relogin = await e2e.api('POST', '/api/auth/login', { body: { username: 'e2e.pw', password: 'Harbour-77-lantern' } });
  assert.equal(relogin.status, 200);
  assert.deepEqual(violations, []);
  await page.context().close();
});

test('the user admin unlocks a locked account and signs a user out everywhere', async () => {
  for (let i = 0; i < 5; i++) await e2e.api('POST', '/api/auth/login', { body: { username: 'callback', password: `wrong-${i}` }, headers: { 'x-forwarded-for': '10.9.0.1' } }).catch(() => undefined);
  const locked = await fetch(`${e2e.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.0.2' }, body: JSON.stringify({ username: 'callback', password: 'x' }) });
  assert.equal(locked.status, 429);
  const page = await e2e.pageAs('admin');
  await page.goto('/admin/users');
  const row = page.locator('tr').filter({ hasText: 'callback' }).first();
  await row.getByRole('button', { name: '解除锁定' }).click();
  await e2e.shot(page, 'security-users-unlock-confirm');
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|确\s*认/ }).click();
  await toast(page, '已解除锁定');
  const row2 = page.locator('tr').filter({ hasText: 'agent2' }).first();
  await row2.getByRole('button', { name: '强制下线' }).click();
  await page.locator('.ant-popconfirm').last().getByRole('button', { name: /确\s*定|确\s*认/ }).click();
  await toast(page, /已结束 \d+ 个登录会话/);
  await e2e.shot(page, 'security-users-admin');
  await page.goto('/admin/settings');
  const section = page.getByText('登录安全', { exact: true });
  await section.scrollIntoViewIfNeeded();
  assert.equal(await page.getByLabel('同一账号连续输错次数上限').inputValue(), '5');
  await e2e.shot(page, 'security-settings-admin');
  await page.context().close();
});
