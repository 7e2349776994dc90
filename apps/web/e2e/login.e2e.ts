// 登录: the login page, a failed sign-in with the server's Chinese error, and each role landing on its own queue
// with only its menus.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { E2E } from './harness';
import { menuItems, startE2E } from './harness';

let e2e: E2E;
before(async () => { e2e = await startE2E(); });
after(async () => { await e2e?.close(); });

test('the login page loads with the demo accounts, in Chinese', async () => {
  const page = await e2e.newPage();
  await page.goto('/login');
  await page.getByText('工作人员登录').waitFor();
  await page.getByText('演示账号').first().waitFor();
  await e2e.shot(page, '00-login');
  await page.context().close();
});

test('a wrong password shows the Chinese error and stays on the login page', async () => {
  const page = await e2e.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill('agent');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: /用户名或密码/ });
  await alert.waitFor();
  assert.match(await alert.innerText(), /[\u4e00-\u9fff]/);
  assert.equal(new URL(page.url()).pathname, '/login');
  await e2e.shot(page, '01-login-failed');
  await page.context().close();
});

/** Each role's landing page and side navigation (apps/web/src/app/areas.tsx). */
const ROLES: { user: string; home: string; menu: string[]; shot?: string }[] = [
  { user: 'agent', home: '/intake', menu: ['受理', '查询', '群众工作', '民生代办'] },
  { user: 'dispatcher', home: '/dispatch', menu: ['受理', '派单', '查询', '数据看板', '群众工作', '民生代办'] },
  { user: 'zhujian.handler', home: '/handling', menu: ['承办', '查询', '民生代办'] },
  { user: 'zhujian.leader', home: '/review', menu: ['承办', '审核', '查询', '数据看板', '考核指标', '群众工作', '基层治理', '听证会', '民生代办'], shot: '42-review-empty' },
  { user: 'callback', home: '/callback', menu: ['回访', '查询', '群众工作'] },
  { user: 'supervisor', home: '/supervision', menu: ['督办', '查询', '数据看板', '考核指标', '分析报告', '留言板审核', '群众工作', '基层治理', '听证会', '民生代办'] },
  { user: 'leader', home: '/dashboard', menu: ['查询', '数据看板', '考核指标', '分析报告', '留言板审核', '群众工作', '基层治理', '听证会'] },
  { user: 'admin', home: '/admin', menu: ['查询', '数据看板', '考核指标', '分析报告', '留言板审核', '群众工作', '基层治理', '听证会', '民生代办', '系统管理'] },
];

test('each role lands on its own queue and sees only its menus', async () => {
  for (const role of ROLES) {
    const page = await e2e.pageAs(role.user);
    assert.equal(new URL(page.url()).pathname, role.home, `${role.user} lands on ${role.home}`);
    assert.deepEqual(await menuItems(page), role.menu, `${role.user}'s menu`);
    if (role.shot) await e2e.shot(page, role.shot);
    await page.context().close();
  }
});

test('a queue of another role is refused in the browser too', async () => {
  const page = await e2e.pageAs('callback');
  await page.goto('/dispatch');
  await page.getByText('403').first().waitFor();
  assert.equal(await page.locator('.ant-table').count(), 0, 'no dispatch table for a callback agent');
  await e2e.shot(page, '02-role-forbidden');
  await page.context().close();
});
