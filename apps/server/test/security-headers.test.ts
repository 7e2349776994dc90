import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { buildApp } from '../src/http/app';
import type { App } from '../src/http/app';
import { CONSOLE_CSP } from '../src/http/security-headers';

/** Send raw bytes and read the status line: fetch would refuse to build some of these requests. */
function rawStatus(baseUrl: string, request: string): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let data = '';
    socket.on('data', (chunk) => { data += chunk.toString('latin1'); });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
  });
}

/**
 * Security headers: a strict CSP on the console and the portal, a closed one on the API, none on Swagger UI; the
 * usual hardening headers everywhere, HSTS only in production; authenticated answers are not cached. Over-large
 * bodies, headers and URLs get a clean 4xx and change nothing.
 */
describe('security headers and request limits', () => {
  let s: TestServer;
  let web: App;
  let webRoot: string;
  let token: string;
  before(async () => {
    s = await startTestServer();
    token = await s.login('agent');
    webRoot = mkdtempSync(join(tmpdir(), 'minsheng-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    web = await buildApp(s.deps, { webRoot });
    // A route with its own policy, like attachments and report print pages.
    web.get('/api/test/own-csp', async (_req, reply) => reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'self'").send({ ok: true }));
  });
  after(async () => { await web.close(); await s.close(); rmSync(webRoot, { recursive: true, force: true }); });

  const common = (h: Record<string, unknown>) => {
    assert.equal(h['x-content-type-options'], 'nosniff');
    assert.equal(h['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(h['cross-origin-opener-policy'], 'same-origin');
    assert.match(String(h['permissions-policy']), /camera=\(\), microphone=\(\), geolocation=\(\)/);
    assert.equal(h['strict-transport-security'], undefined, 'no HSTS outside production');
  };

  it('the console and portal pages and their assets carry the strict CSP and X-Frame-Options', async () => {
    for (const url of ['/', '/appeals/123', '/portal/track', '/assets/app.js']) {
      const res = await web.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      common(res.headers);
      assert.equal(res.headers['content-security-policy'], CONSOLE_CSP, url);
      assert.equal(res.headers['x-frame-options'], 'DENY');
    }
    assert.match(CONSOLE_CSP, /script-src 'self';/);
    assert.doesNotMatch(CONSOLE_CSP.split('style-src')[0]!, /unsafe/, 'no unsafe script source');
  });

  it('API answers: a closed CSP, nosniff, no-store when signed in; errors too', async () => {
    const me = await s.api('GET', '/api/auth/me', { token });
    const h = Object.fromEntries(me.headers);
    common(h);
    assert.equal(h['content-security-policy'], "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    assert.equal(h['cache-control'], 'no-store');
    assert.equal((await s.api('GET', '/api/appeals', { token })).headers.get('cache-control'), 'no-store');
    const anonymous = await s.api('GET', '/api/appeals');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await s.api('GET', '/open311/v2/services.json')).headers.get('x-frame-options'), 'DENY');
  });

  it("a route's own CSP wins (and its frame-ancestors is not contradicted); Swagger UI has no CSP and still loads", async () => {
    const own = await web.inject({ method: 'GET', url: '/api/test/own-csp' });
    assert.equal(own.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'self'");
    assert.equal(own.headers['x-frame-options'], undefined);
    const docs = await s.api('GET', '/api/docs/static/index.html');
    assert.equal(docs.status, 200);
    assert.equal(docs.headers.get('content-security-policy'), null);
    assert.equal(docs.headers.get('x-content-type-options'), 'nosniff');
    assert.equal((await s.api('GET', '/api/docs/json')).status, 200);
  });

  it('HSTS only in production', async () => {
    const prod = await buildApp({ ...s.deps, config: { ...s.deps.config, production: true } }, { webRoot });
    try {
      const res = await prod.inject({ method: 'GET', url: '/' });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
    } finally {
      await prod.close();
    }
  });

  it('a body over 1 MiB is 413 PAYLOAD_TOO_LARGE and registers nothing', async () => {
    const count = async () => Number((await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM appeals`))[0]!.n);
    const before = await count();
    const res = await s.api('POST', '/api/appeals', { token, body: intakeBody({ content: '噪'.repeat(400_000) }) });
    assert.deepEqual([res.status, res.body.error.code], [413, 'PAYLOAD_TOO_LARGE']);
    assert.equal(await count(), before);
    const login = await s.api('POST', '/api/auth/login', { rawBody: JSON.stringify({ username: 'agent', password: 'x'.repeat(2 * 1024 * 1024) }) });
    assert.deepEqual([login.status, login.body.error.code], [413, 'PAYLOAD_TOO_LARGE']);
  });

  it('oversized headers and URLs get a clean 4xx, not a hang or a 500', async () => {
    const host = new URL(s.baseUrl).host;
    const header = await rawStatus(s.baseUrl, `GET /api/health HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`);
    assert.equal(header, 431);
    const url = await rawStatus(s.baseUrl, `GET /api/appeals?q=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    assert.ok(url >= 400 && url < 500, `status ${url}`);
    const cookie = await rawStatus(s.baseUrl, `GET /api/auth/me HTTP/1.1\r\nHost: ${host}\r\nCookie: minsheng_session=${'b'.repeat(40_000)}\r\nConnection: close\r\n\r\n`);
    assert.equal(cookie, 431);
    const param = await s.api('GET', `/api/appeals/${'x'.repeat(5_000)}`, { token });
    assert.ok(param.status >= 400 && param.status < 500, `long path parameter: ${param.status}`);
    assert.equal((await s.api('GET', '/api/health')).status, 200, 'the server is fine');
  });
});
