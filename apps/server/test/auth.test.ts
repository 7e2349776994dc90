import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/**
 * Sessions over HTTP: login sets an httpOnly SameSite cookie and returns a bearer token; either one authenticates;
 * logout ends the session; wrong passwords and unknown users are indistinguishable.
 */
describe('auth over HTTP', () => {
  let s: TestServer;
  before(async () => { s = await startTestServer(); });
  after(() => s.close());

  const cookie = (token: string) => ({ cookie: `minsheng_session=${token}` });
  async function rawLogin(body: unknown, headers: Record<string, string> = {}) {
    return fetch(`${s.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  }

  it('login returns {token, user} and an httpOnly SameSite session cookie holding the token', async () => {
    const res = await rawLogin({ username: 'agent', password: DEMO_PASSWORD });
    assert.equal(res.status, 200);
    const body: any = await res.json();
    assert.match(body.token, /^370812\.[A-Za-z0-9_-]{20,}$/);
    assert.equal(body.user.username, 'agent');
    assert.equal(body.user.jurisdictionId, '370812');
    assert.deepEqual(body.user.roles.map((r: { role: string; unitId: string }) => [r.role, r.unitId]), [['agent', s.unit('centre')]]);
    assert.ok(!/password|hash/i.test(JSON.stringify(body)), 'no password material in the response');
    const set = res.headers.getSetCookie().find((c) => c.startsWith('minsheng_session='));
    assert.ok(set, 'a session cookie is set');
    assert.ok(set.startsWith(`minsheng_session=${body.token};`), set);
    assert.match(set, /;\s*HttpOnly/i);
    assert.match(set, /;\s*SameSite=(Lax|Strict)/i);
    assert.match(set, /;\s*Path=\//i);
  });

  it('Authorization: Bearer authenticates GET /api/auth/me', async () => {
    const token = await s.login('zhujian.handler');
    const res = await s.api('GET', '/api/auth/me', { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.user.username, 'zhujian.handler');
    assert.deepEqual(res.body.user.roles.map((r: { role: string; unitId: string }) => [r.role, r.unitId]), [['handler', s.unit('dept-zhujian')]]);
    assert.ok(res.body.user.sessionExpiresAt, 'the session expiry is shown');
  });

  it('the session cookie alone authenticates, on /me and on the API', async () => {
    const token = await s.login('dispatcher');
    const me = await s.api('GET', '/api/auth/me', { headers: cookie(token) });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.user.username, 'dispatcher');
    const list = await s.api('GET', '/api/appeals', { headers: cookie(token) });
    assert.equal(list.status, 200);
  });

  it('the bearer token wins over a stale cookie', async () => {
    const token = await s.login('supervisor');
    const res = await s.api('GET', '/api/auth/me', { token, headers: cookie('370812.not-a-session') });
    assert.equal(res.status, 200);
    assert.equal(res.body.user.username, 'supervisor');
  });

  it('no session, or a made-up one, is 401 UNAUTHENTICATED', async () => {
    const attempts: { path: string; headers?: Record<string, string> }[] = [
      { path: '/api/auth/me' }, { path: '/api/appeals' }, { path: '/api/units' }, { path: '/api/citizens/history?phone=13905371234' },
      { path: '/api/auth/me', headers: { authorization: 'Bearer nonsense' } },
      { path: '/api/auth/me', headers: { authorization: 'Bearer 370812.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } },
      { path: '/api/auth/me', headers: { authorization: `Bearer 370812.${'x'.repeat(500)}` } },
      { path: '/api/auth/me', headers: { authorization: 'Basic YWdlbnQ6bWluc2hlbmctZGVtbw==' } },
      { path: '/api/auth/me', headers: { authorization: 'Bearer ' } },
      { path: '/api/auth/me', headers: cookie('garbage') },
      { path: '/api/auth/me', headers: cookie('999999.abc') },
    ];
    for (const a of attempts) {
      const res = await s.api('GET', a.path, a.headers ? { headers: a.headers } : {});
      assert.equal(res.status, 401, `${a.path} ${JSON.stringify(a.headers)}`);
      assert.equal(res.body.error.code, 'UNAUTHENTICATED');
      assert.ok(res.body.error.message, 'a message');
    }
    const post = await s.api('POST', '/api/appeals', { body: intakeBody() });
    assert.equal(post.status, 401);
    assert.equal(post.body.error.code, 'UNAUTHENTICATED');
  });

  it('an unauthenticated request with an invalid body is 401, not a validation answer', async () => {
    const res = await s.api('POST', '/api/appeals', { body: { title: 'x' } });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'UNAUTHENTICATED');
  });

  it('a wrong password and an unknown user give the same INVALID_CREDENTIALS 401 and no cookie', async () => {
    const wrong = await rawLogin({ username: 'agent', password: 'not-the-password' });
    const unknown = await rawLogin({ username: 'no.such.user', password: 'not-the-password' });
    const wrongCase = await rawLogin({ username: 'AGENT', password: DEMO_PASSWORD });
    for (const res of [wrong, unknown, wrongCase]) {
      assert.equal(res.status, 401);
      assert.equal(res.headers.getSetCookie().length, 0);
    }
    const [a, b, c]: any[] = [await wrong.json(), await unknown.json(), await wrongCase.json()];
    assert.equal(a.error.code, 'INVALID_CREDENTIALS');
    assert.deepEqual(a, b);
    assert.deepEqual(a, c);
  });

  it('messages follow Accept-Language (zh-CN default, English on request)', async () => {
    const zh = await rawLogin({ username: 'agent', password: 'nope' });
    assert.equal(((await zh.json()) as any).error.message, '用户名或密码错误');
    const en = await rawLogin({ username: 'agent', password: 'nope' }, { 'accept-language': 'en-US,en;q=0.9' });
    assert.equal(((await en.json()) as any).error.message, 'Wrong username or password');
  });

  it('login input is validated: missing, empty, mistyped or unknown fields are 400 VALIDATION_FAILED', async () => {
    const bodies: unknown[] = [
      {}, { username: 'agent' }, { password: DEMO_PASSWORD }, { username: '', password: DEMO_PASSWORD }, { username: 'agent', password: '' },
      { username: 42, password: DEMO_PASSWORD }, { username: 'agent', password: ['minsheng-demo'] }, { username: { $ne: null }, password: DEMO_PASSWORD },
      { username: 'agent', password: DEMO_PASSWORD, admin: true }, { username: 'agent', password: 'x'.repeat(201) },
      { username: 'agent', password: DEMO_PASSWORD, jurisdiction: '../etc' }, [], 'agent', null,
    ];
    for (const body of bodies) {
      const res = await s.api('POST', '/api/auth/login', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED', JSON.stringify(body));
    }
  });

  it('logout ends the session: the token no longer works, by bearer or by cookie, and the cookie is cleared', async () => {
    const token = await s.login('callback');
    assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 200);
    const res = await fetch(`${s.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true });
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith('minsheng_session='));
    assert.ok(cleared && /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cleared), cleared);
    for (const opts of [{ token }, { headers: cookie(token) }]) {
      const me = await s.api('GET', '/api/auth/me', opts);
      assert.equal(me.status, 401);
      assert.equal(me.body.error.code, 'UNAUTHENTICATED');
    }
  });

  it('logout by cookie alone ends that session and leaves the user\'s other sessions alive', async () => {
    const first = await s.login('agent2');
    const second = await s.login('agent2');
    assert.notEqual(first, second);
    const csrfToken = (await s.api('GET', '/api/auth/me', { token: first })).body.csrfToken;
    const out = await s.api('POST', '/api/auth/logout', { headers: { ...cookie(first), 'x-csrf-token': csrfToken } });
    assert.equal(out.status, 200);
    assert.equal((await s.api('GET', '/api/auth/me', { token: first })).status, 401);
    assert.equal((await s.api('GET', '/api/auth/me', { token: second })).status, 200);
  });

  it('logging out without a session, or twice, is harmless', async () => {
    assert.equal((await s.api('POST', '/api/auth/logout')).status, 200);
    const token = await s.login('leader');
    assert.equal((await s.api('POST', '/api/auth/logout', { token })).status, 200);
    assert.equal((await s.api('POST', '/api/auth/logout', { token })).status, 200);
    assert.equal((await s.api('POST', '/api/auth/logout', { token: 'garbage' })).status, 200);
  });

  it('a session expires at sessionExpiresAt on the simulated clock', async () => {
    const token = await s.login('huanjing.handler');
    const me = await s.api('GET', '/api/auth/me', { token });
    const expiresAt = new Date(me.body.user.sessionExpiresAt);
    assert.ok(expiresAt.getTime() > s.clock.now.getTime(), 'expires in the future');
    const saved = s.clock.now;
    try {
      s.clock.now = new Date(expiresAt.getTime() + 60_000);
      const late = await s.api('GET', '/api/auth/me', { token });
      assert.equal(late.status, 401);
      assert.equal(late.body.error.code, 'UNAUTHENTICATED');
    } finally {
      s.clock.now = saved;
    }
  });
});
