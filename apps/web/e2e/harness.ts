// Browser-test harness: the test server (scripts/browser-server.ts — the real HTTP app serving the built console, with a
// movable clock), Debian's chromium driven by playwright-core, log-in helpers and screenshots into e2e/artifacts/.
// scripts/browser-tests.mjs starts one server for all files and passes MINSHENG_E2E_URL/MINSHENG_E2E_CONTROL; a file run
// alone (`npx tsx --test apps/web/e2e/login.e2e.ts`) starts its own.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
export const CHROMIUM = process.env.MINSHENG_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'minsheng-demo-2026';
/** The console's layout target (CONVENTIONS.md: works at 1366×768). */
export const VIEWPORT = { width: 1366, height: 768 };
/** A common phone's CSS viewport (the portal is phone first). */
export const PHONE = { width: 390, height: 844 };

/** Flags without which chromium tries to reach the network (refused here) or needs a GPU/sandbox. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface ApiResult<T> { status: number; body: T }

export interface E2E {
  url: string;
  browser: Browser;
  /** A fresh signed-out browser session (own cookies and sessionStorage) at the server's current time; `phone` for the portal. */
  newPage: (options?: { phone?: boolean }) => Promise<Page>;
  /** Sign in through the login page and wait for the landing page. */
  login: (page: Page, username: string, password?: string) => Promise<void>;
  /** A fresh page already signed in as this user. */
  pageAs: (username: string) => Promise<Page>;
  /** Call the API directly (test set-up); throws on a non-2xx answer unless `expect` names the status. */
  api: <T = unknown>(method: string, path: string, options?: { user?: string; body?: unknown; headers?: Record<string, string> }) => Promise<ApiResult<T>>;
  /** Move the server's clock (and the clocks of open pages) forward. */
  advanceClock: (ms: number) => Promise<Date>;
  /** Run the deadline sweep now, as the worker does every minute in production (yellow marks, urges, notices). */
  sweep: () => Promise<void>;
  serverNow: () => Promise<Date>;
  /** The answer to a portal human check token (the test reads the picture the way a person would). */
  solveHumanCheck: (token: string) => Promise<string>;
  /** Draft board posts now, as the portal upkeep job does every 10 minutes. */
  draftBoardPosts: () => Promise<number>;
  /** Full-page screenshot to e2e/artifacts/<name>.png. */
  shot: (page: Page, name: string) => Promise<string>;
  close: () => Promise<void>;
}

/** Chromium must come from Debian (never downloaded by a test tool); say how to get it when it is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}. The browser tests drive Debian's chromium; install it with\n`
      + '  apt-get update && apt-get install -y chromium fonts-noto-cjk\n(or set MINSHENG_CHROMIUM to a chromium binary).');
  }
}

interface ServerInfo { url: string; control: string; child: ChildProcess | null }

/** Start scripts/browser-server.ts and wait for its ready line (it waits for the database, the seed and the port). */
export async function startServer(): Promise<ServerInfo> {
  if (process.env.MINSHENG_E2E_URL && process.env.MINSHENG_E2E_CONTROL) {
    return { url: process.env.MINSHENG_E2E_URL, control: process.env.MINSHENG_E2E_CONTROL, child: null };
  }
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/browser-server.ts')], {
    cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  return new Promise<ServerInfo>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error('browser-server did not start within 180 s')); }, 180_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`browser-server exited with ${code} before it was ready`)); });
    lines.on('line', (line) => {
      if (!line.startsWith('{"ready"')) { console.log(`[server] ${line}`); return; }
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; control: string };
      resolve({ url: info.url, control: info.control, child });
    });
  });
}

/** Wait until GET /api/health answers ok (the server may still be opening its database). */
export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch { /* not listening yet */ }
    if (Date.now() > until) throw new Error(`${url}/api/health did not answer ok within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function startE2E(): Promise<E2E> {
  requireChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer();
  await waitForHealth(server.url);
  // playwright gives every launch a fresh temporary --user-data-dir of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  const tokens = new Map<string, string>();

  const serverNow = async () => {
    const res = await fetch(`${server.control}/clock`);
    return new Date(((await res.json()) as { now: string }).now);
  };

  async function raw<T>(method: string, path: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(server.url + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async function tokenFor(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const res = await raw<{ token: string }>('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    tokens.set(username, res.body.token);
    return res.body.token;
  }

  const e2e: E2E = {
    url: server.url,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: server.url,
        ...(options.phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : { viewport: VIEWPORT }),
      });
      // Every toast the page shows is remembered, so a failing test can say what it missed (they vanish after seconds).
      await context.addInitScript(() => {
        const w = window as unknown as { __toasts: string[] };
        w.__toasts = [];
        new MutationObserver((records) => {
          for (const r of records) for (const n of Array.from(r.addedNodes)) {
            if (n instanceof HTMLElement && n.matches('.ant-message-notice, .ant-message-notice-wrapper')) w.__toasts.push(n.innerText.trim());
          }
        }).observe(document, { childList: true, subtree: true });
      });
      // The browser's clock follows the server's, so "time left" on screen matches the server's lights.
      await context.clock.install({ time: await serverNow() });
      contexts.push(context);
      const page = await context.newPage();
      // Generous: a loaded 2-core CI machine can take seconds to answer; a real failure still ends the test.
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
      return page;
    },
    async login(page, username, password = DEMO_PASSWORD) {
      await page.goto('/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
    async pageAs(username) {
      const page = await e2e.newPage();
      await e2e.login(page, username);
      return page;
    },
    async api<T>(method: string, path: string, options: { user?: string; body?: unknown; headers?: Record<string, string> } = {}) {
      let res = await raw<T>(method, path, options.user ? await tokenFor(options.user) : undefined, options.body, options.headers);
      if (res.status === 401 && options.user) { // the session ended (the clock moved past it): sign in again once
        tokens.delete(options.user);
        res = await raw<T>(method, path, await tokenFor(options.user), options.body, options.headers);
      }
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    },
    async advanceClock(ms) {
      const res = await fetch(`${server.control}/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
      const now = new Date(((await res.json()) as { now: string }).now);
      for (const c of contexts) await c.clock.setSystemTime(now).catch(() => undefined);
      return now;
    },
    async sweep() {
      const res = await fetch(`${server.control}/sweep`, { method: 'POST' });
      if (!res.ok) throw new Error(`sweep failed: ${res.status} ${await res.text()}`);
    },
    serverNow,
    async solveHumanCheck(token) {
      const res = await fetch(`${server.control}/human-check/solve`, { method: 'POST', body: JSON.stringify({ token }) });
      const { answer } = (await res.json()) as { answer: string | null };
      if (!answer) throw new Error('the human check could not be solved');
      return answer;
    },
    async draftBoardPosts() {
      const res = await fetch(`${server.control}/board-drafts`, { method: 'POST' });
      if (!res.ok) throw new Error(`board drafts failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { drafted: number }).drafted;
    },
    async shot(page, name) {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.mouse.move(1, (page.viewportSize()?.height ?? VIEWPORT.height) - 1); // no hover tooltip over the content
      await page.evaluate(() => window.scrollTo(0, 0)); // sticky headers belong at the top of a full-page picture
      await page.waitForTimeout(400); // antd's open/close motions (modals, messages) settle
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      return path;
    },
    async close() {
      await browser.close().catch(() => undefined);
      if (server.child) {
        server.child.kill('SIGTERM');
        await new Promise((r) => server.child!.once('exit', r));
      }
    },
  };
  return e2e;
}

/** An intake body for API set-up; override any field. */
export function intakeBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'phone_12345', kind: 'complaint', urgency: 'normal', title: '小区门口夜间施工噪音扰民',
    content: '鼓楼街道某小区东门外道路施工每天夜里十一点后仍在作业，噪音很大，影响休息，希望有关部门督促文明施工。',
    citizen: { name: '王建国', phone: '13905371234', address: '兖州区建设东路18号3单元201' }, areaCode: '370812001',
    ...overrides,
  };
}

/** antd puts a space between two Chinese characters on a button ("派 单"): match a label with or without it. */
export function buttonName(text: string): RegExp {
  return new RegExp(`^\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
}

/** Click a button by its (Chinese) label inside a scope. */
export async function clickButton(scope: Page | Locator, text: string): Promise<void> {
  await scope.getByRole('button', { name: buttonName(text) }).first().click();
}

/**
 * Click a form's 提交 and make sure it was sent: a click that reaches no handler (the footer moving under the
 * pointer as a field loses focus, seen under CI load) is clicked once more, but only when no request left — a
 * request that failed is never repeated, and a form that sends nothing twice (invalid input) is an error that says so.
 */
export async function submitForm(page: Page, scope: Page | Locator, label = '提交'): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const sent = page.waitForRequest((r) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'), { timeout: 6_000 }).then(() => true, () => false);
    await clickButton(scope, label);
    if (await sent) return;
  }
  const errors = await page.locator('.ant-form-item-explain-error').allInnerTexts().catch(() => []);
  throw new Error(`clicking ${label} twice sent no request; form errors: ${JSON.stringify(errors)}`);
}

/** Wait for an antd message (toast) with this text and return its full text. */
export async function toast(page: Page, text: string | RegExp): Promise<string> {
  const notice = page.locator('.ant-message-notice').filter({ hasText: text }).first();
  try {
    await notice.waitFor();
  } catch (e) {
    // Say what the page showed instead (another toast, an error, a form still open), so a failure explains itself.
    const seen: string[] = await page.locator('.ant-message-notice, .ant-form-item-explain-error, .ant-modal-title').allInnerTexts().catch(() => []);
    const earlier: string[] = await page.evaluate(() => (window as unknown as { __toasts?: string[] }).__toasts ?? []).catch(() => []);
    seen.push(...earlier.map((t) => `(earlier toast) ${t}`));
    await page.screenshot({ path: join(ARTIFACTS, `failed-toast-${Date.now()}.png`), fullPage: true }).catch(() => undefined);
    throw new Error(`no toast matching ${String(text)}; the page showed: ${JSON.stringify(seen)}`, { cause: e });
  }
  return notice.innerText();
}

/** Wait until the dispatch assistant beside an appeal has its answer, so the action buttons below it stop moving. */
export async function assistSettled(scope: Page | Locator): Promise<void> {
  await scope.locator('[data-testid="dispatch-assist"][data-state="ready"]').waitFor();
}

/** The open antd modal (the action forms). */
export function modal(page: Page): Locator {
  return page.locator('.ant-modal-content').last();
}

/** Open an appeal in a work queue's side panel by clicking its title in the table. */
export async function openInQueue(page: Page, title: string): Promise<Locator> {
  await page.locator('.ant-table-row').filter({ hasText: title }).first().getByText(title).first().click();
  const panel = page.getByTestId('appeal-panel');
  await panel.getByText(title).first().waitFor();
  return panel;
}

/** The side-navigation entries the signed-in user sees. */
export async function menuItems(page: Page): Promise<string[]> {
  await page.locator('.ant-layout-sider .ant-menu-item').first().waitFor();
  return (await page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts()).map((s) => s.trim());
}

/** CRC-32 of PNG chunks (node 20's zlib has no crc32). */
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real PNG of one colour with a darker diagonal band, so a screenshot shows the photo was rendered. */
export function samplePng(width = 160, height = 120, rgb: [number, number, number] = [56, 132, 200]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = Math.abs(x - y * (width / height)) < 12 ? 0.55 : 1;
      row[1 + x * 3] = Math.round(rgb[0] * band); row[2 + x * 3] = Math.round(rgb[1] * band); row[3 + x * 3] = Math.round(rgb[2] * band);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
