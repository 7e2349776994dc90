import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { hashToken } from '../src/modules/auth/tokens';
import { setSessionIdleMinutes } from '../src/modules/auth/session-idle';

/**
 * Cookie sessions need a CSRF token for unsafe methods (bearer requests do not); foreign origins are refused; a
 * session ends when idle; an administrator signs a user out everywhere; a password change ends the other sessions.
 */
describe('auth: CSRF for cookie sessions, idle timeout, revocation', () => {
  let s: TestServer;
  before(async () => { s = await startTestServer(); });
  after(() => s.close());

  async function cookieLogin(username: string, password = DEMO_PASSWORD) {
    const res = await fetch(`${s.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    assert.equal(res.status, 200);
    const body = await res.json() as { token: string; csrfToken: string; user: { id: string } };
    return { ...body, setCookies: res.headers.getSetCookie() };
  }
  const cookie = (token: string) => ({ cookie: `minsheng_session=${token}` });
  const sessionHours = async (token: string) => (await s.api('GET', '/api/admin/settings', { token })).body.sessionHours as number;

  it('login answers a CSRF token, sets it in a readable cookie, and /me answers the same token', async () => {
    const { token, csrfToken, setCookies } = await cookieLogin('agent');
    assert.match(csrfToken, /^[A-Za-z0-9_-]{40,}$/);
    const csrf = setCookies.find((c) => c.startsWith('minsheng_csrf=')) ?? '';
    assert.ok(csrf.startsWith(`minsheng_csrf=${csrfToken};`), csrf);
    assert.doesNotMatch(csrf, /HttpOnly/i, 'the console must be able to read it');
    assert.match(csrf, /SameSite=Lax/i);
    const me = await s.api('GET', '/api/auth/me', { headers: cookie(token) });
    assert.equal(me.body.csrfToken, csrfToken);
    assert.equal(me.headers.get('cache-control'), 'no-store');
    assert.notEqual((await cookieLogin('agent')).csrfToken, csrfToken, 'bound to the session');
  });

  it('a cookie-only unsafe request needs the right X-CSRF-Token; without or with a wrong one it is 403 and nothing changes', async () => {
    const { token, csrfToken } = await cookieLogin('admin');
    const before = await sessionHours(token);
    const other = (await cookieLogin('admin')).csrfToken;
    for (const headers of [cookie(token), { ...cookie(token), 'x-csrf-token': 'wrong' }, { ...cookie(token), 'x-csrf-token': other }, { ...cookie(token), 'x-csrf-token': '' }]) {
      const res = await s.api('PUT', '/api/admin/settings', { headers, body: { sessionHours: before + 1 } });
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(res.body.error.code, 'CSRF_FAILED');
      assert.ok(res.body.error.message);
    }
    assert.equal(await sessionHours(token), before, 'nothing changed');
    const ok = await s.api('PUT', '/api/admin/settings', { headers: { ...cookie(token), 'x-csrf-token': csrfToken }, body: { sessionHours: before + 1 } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(await sessionHours(token), before + 1);
    await s.api('PUT', '/api/admin/settings', { headers: { ...cookie(token), 'x-csrf-token': csrfToken }, body: { sessionHours: before } });
  });

  it('a cookie request from a foreign origin is refused even with the token; this origin and no origin pass', async () => {
    const { token, csrfToken } = await cookieLogin('admin');
    const before = await sessionHours(token);
    const host = new URL(s.baseUrl).host;
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: `http://${host}.evil.example` }];
    for (const extra of foreign) {
      const res = await s.api('PUT', '/api/admin/settings', { headers: { ...cookie(token), 'x-csrf-token': csrfToken, ...extra }, body: { sessionHours: before + 1 } });
      assert.equal(res.status, 403, JSON.stringify(extra));
      assert.equal(res.body.error.code, 'CSRF_FAILED');
    }
    assert.equal(await sessionHours(token), before);
    const same = await s.api('PUT', '/api/admin/settings', { headers: { ...cookie(token), 'x-csrf-token': csrfToken, origin: s.baseUrl, 'sec-fetch-site': 'same-origin' }, body: { sessionHours: before } });
    assert.equal(same.status, 200, JSON.stringify(same.body));
    const login = await s.api('POST', '/api/auth/login', { headers: { origin: 'https://evil.example' }, body: { username: 'agent', password: DEMO_PASSWORD } });
    assert.deepEqual([login.status, login.body.error.code], [403, 'CSRF_FAILED'], 'no login CSRF either');
  });

  it('bearer requests need no CSRF token and are not judged by origin', async () => {
    const token = await s.login('admin');
    const before = await sessionHours(token);
    const res = await s.api('PUT', '/api/admin/settings', { token, headers: { origin: 'https://other.example', 'sec-fetch-site': 'cross-site' }, body: { sessionHours: before } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // The bearer wins over a cookie, so a stale cookie alongside it does not bring the CSRF rule in.
    const both = await s.api('PUT', '/api/admin/settings', { token, headers: cookie(token), body: { sessionHours: before } });
    assert.equal(both.status, 200);
  });

  it('logout by cookie needs the CSRF token too; with it the session ends and both cookies are cleared', async () => {
    const { token, csrfToken } = await cookieLogin('agent2');
    const forged = await s.api('POST', '/api/auth/logout', { headers: cookie(token) });
    assert.deepEqual([forged.status, forged.body.error.code], [403, 'CSRF_FAILED']);
    assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 200, 'still signed in');
    const res = await fetch(`${s.baseUrl}/api/auth/logout`, { method: 'POST', headers: { ...cookie(token), 'x-csrf-token': csrfToken } });
    assert.equal(res.status, 200);
    const cleared = res.headers.getSetCookie();
    for (const name of ['minsheng_session', 'minsheng_csrf']) assert.ok(cleared.some((c) => c.startsWith(`${name}=;`)), `${name} cleared: ${cleared.join(' | ')}`);
    assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 401);
  });

  it('an idle session ends after sessionIdleMinutes; use keeps it alive, touched at most once a minute', async () => {
    await setSessionIdleMinutes(s.deps, '370812', 120); // the harness relaxes it for clock-moving tests
    const token = await s.login('callback');
    const lastSeen = async () => (await queryRows<{ t: Date }>(s.deps.database.db, sql`SELECT last_seen_at AS t FROM sessions WHERE token_hash = ${hashToken(token)}`))[0]?.t;
    const saved = s.clock.now;
    try {
      const start = new Date(await lastSeen() as Date).getTime();
      s.clock.now = new Date(saved.getTime() + 30_000);
      s.deps.sessions.clear();
      assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 200);
      assert.equal(new Date(await lastSeen() as Date).getTime(), start, 'not touched within a minute');
      s.clock.now = new Date(saved.getTime() + 119 * 60_000);
      s.deps.sessions.clear();
      assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 200, 'used within the idle timeout');
      assert.equal(new Date(await lastSeen() as Date).getTime(), s.clock.now.getTime(), 'touched');
      s.clock.now = new Date(saved.getTime() + 238 * 60_000);
      assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 200, 'kept alive by use');
      s.clock.now = new Date(saved.getTime() + (238 + 121) * 60_000);
      const idle = await s.api('GET', '/api/auth/me', { token });
      assert.deepEqual([idle.status, idle.body.error.code], [401, 'UNAUTHENTICATED'], 'idle for more than two hours');
    } finally {
      s.clock.now = saved;
    }
  });

  it('an administrator signs a user out everywhere; doing it to oneself keeps the session in use; it is audited', async () => {
    const admin = await s.login('admin');
    const [a, b] = [await s.login('supervisor'), await s.login('supervisor')];
    const id = (await s.api('GET', '/api/auth/me', { token: a })).body.user.id as string;
    const forbidden = await s.api('DELETE', `/api/admin/users/${id}/sessions`, { token: a });
    assert.deepEqual([forbidden.status, forbidden.body.error.code], [403, 'FORBIDDEN']);
    const res = await s.api('DELETE', `/api/admin/users/${id}/sessions`, { token: admin });
    assert.deepEqual([res.status, res.body], [200, { ok: true, sessionsEnded: 2 }]);
    for (const t of [a, b]) assert.equal((await s.api('GET', '/api/auth/me', { token: t })).status, 401);
    const [audit] = await queryRows<{ actor_user_id: string; detail: { sessionsEnded: number } }>(s.deps.database.db,
      sql`SELECT actor_user_id, detail FROM audit_log WHERE action = 'revoke_sessions' AND target_id = ${id}`);
    assert.equal(audit?.detail.sessionsEnded, 2);
    const adminId = (await s.api('GET', '/api/auth/me', { token: admin })).body.user.id as string;
    const elsewhere = await s.login('admin');
    const own = await s.api('DELETE', `/api/admin/users/${adminId}/sessions`, { token: admin });
    assert.equal(own.status, 200);
    assert.ok(own.body.sessionsEnded >= 1);
    assert.equal((await s.api('GET', '/api/auth/me', { token: admin })).status, 200, 'the session in use stays');
    assert.equal((await s.api('GET', '/api/auth/me', { token: elsewhere })).status, 401);
    const missing = await s.api('DELETE', '/api/admin/users/00000000-0000-4000-8000-000000000000/sessions', { token: admin });
    assert.equal(missing.status, 404);
  });

  it('another process drops a revoked session once its cache entry is gone (cold cache sees the database)', async () => {
    const admin = await s.login('admin');
    const token = await s.login('leader');
    const id = (await s.api('GET', '/api/auth/me', { token })).body.user.id as string;
    // Delete behind this process's back, as another process would.
    await s.deps.database.db.execute(sql`DELETE FROM sessions WHERE user_id = ${id}`);
    s.deps.sessions.clear();
    assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 401);
    assert.equal((await s.api('GET', '/api/auth/me', { token: admin })).status, 200);
  });
});
