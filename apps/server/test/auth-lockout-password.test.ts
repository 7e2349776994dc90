import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { purgeLoginAttempts, queryRows } from '@minsheng/db';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { startTestServer } from './harness';
import type { ApiResponse, TestServer } from './harness';
import { passwordProblem } from '../src/modules/admin/password-policy';

/**
 * Failed logins lock the username (and, with a higher count, the client IP) for a while, the same for a made-up
 * username; an administrator can unlock; new passwords follow the policy; a user changes their own password.
 * Each test signs in from its own X-Forwarded-For address so IP counters do not leak between tests.
 */
describe('auth: login lockout and password policy', () => {
  let s: TestServer;
  let admin: string;
  before(async () => { s = await startTestServer(); admin = await s.login('admin'); });
  after(() => s.close());

  const attempt = (username: string, password: string, ip: string) => s.api('POST', '/api/auth/login', { headers: { 'x-forwarded-for': ip }, body: { username, password } });
  const codes = (rs: ApiResponse[]) => rs.map((r) => `${r.status} ${r.body?.error?.code ?? 'ok'}`);
  const later = (minutes: number) => { s.clock.now = new Date(s.clock.now.getTime() + minutes * 60_000); };
  const lockAudits = () => queryRows<{ target_type: string; target_id: string; detail: Record<string, unknown> }>(s.deps.database.db,
    sql`SELECT target_type, target_id, detail FROM audit_log WHERE action = 'login_locked' ORDER BY at, id`);
  async function userId(username: string) {
    return ((await s.api('GET', '/api/admin/users', { token: admin })).body.items as { id: string; username: string }[]).find((u) => u.username === username)!.id;
  }

  it('five wrong passwords lock the username for 15 minutes (429 + Retry-After); a made-up username behaves the same', async () => {
    const real: ApiResponse[] = [];
    const fake: ApiResponse[] = [];
    for (let i = 0; i < 6; i++) real.push(await attempt('agent2', `wrong-${i}`, '10.0.0.1'));
    for (let i = 0; i < 6; i++) fake.push(await attempt('no.such.person', `wrong-${i}`, '10.0.0.2'));
    const expected = [...Array(4).fill('401 INVALID_CREDENTIALS'), '429 LOGIN_LOCKED', '429 LOGIN_LOCKED'];
    assert.deepEqual(codes(real), expected);
    assert.deepEqual(codes(fake), expected, 'an unknown username locks the same way');
    assert.deepEqual(real[5]!.body, fake[5]!.body, 'identical answers');
    assert.equal(real[5]!.headers.get('retry-after'), '900');
    assert.equal(real[5]!.body.error.message, '登录失败次数过多，请稍后再试');
    const right = await attempt('agent2', DEMO_PASSWORD, '10.0.0.3');
    assert.deepEqual(codes([right]), ['429 LOGIN_LOCKED'], 'even the right password waits, from any address');
    const audits = await lockAudits();
    assert.deepEqual(audits.map((a) => a.target_type), ['user', 'login_username']);
    assert.equal(audits[0]!.target_id, await userId('agent2'));
    const text = JSON.stringify(audits);
    for (const secret of ['wrong-4', 'no.such.person', '10.0.0.']) assert.ok(!text.includes(secret), `no ${secret} in the audit log`);
    const rows = JSON.stringify(await queryRows(s.deps.database.db, sql`SELECT * FROM login_attempts`));
    assert.ok(!rows.includes('agent2') && !rows.includes('10.0.0.'), 'the table holds hashes only');
    later(16);
    assert.equal((await attempt('agent2', DEMO_PASSWORD, '10.0.0.3')).status, 200, 'the lock ends');
  });

  it('a successful login resets the username count; failures spread beyond the window do not add up', async () => {
    for (let i = 0; i < 4; i++) assert.equal((await attempt('dispatcher', 'nope', '10.0.1.1')).status, 401);
    assert.equal((await attempt('dispatcher', DEMO_PASSWORD, '10.0.1.1')).status, 200);
    for (let i = 0; i < 4; i++) assert.equal((await attempt('dispatcher', 'nope', '10.0.1.1')).status, 401);
    later(16);
    for (let i = 0; i < 4; i++) assert.equal((await attempt('dispatcher', 'nope', '10.0.1.1')).status, 401);
    assert.equal((await attempt('dispatcher', DEMO_PASSWORD, '10.0.1.1')).status, 200, 'never locked');
  });

  it('twenty failures from one IP lock that IP for every username; other IPs are unaffected', async () => {
    const results: ApiResponse[] = [];
    for (let i = 0; i < 20; i++) results.push(await attempt(`spray.user${i}`, 'Summer2026!', '10.0.2.1'));
    assert.deepEqual(codes(results).slice(-2), ['401 INVALID_CREDENTIALS', '429 LOGIN_LOCKED']);
    assert.deepEqual(codes([await attempt('leader', DEMO_PASSWORD, '10.0.2.1')]), ['429 LOGIN_LOCKED']);
    assert.equal((await attempt('leader', DEMO_PASSWORD, '10.0.2.2')).status, 200);
    assert.ok((await lockAudits()).some((a) => a.target_type === 'login_ip'), 'the IP lock is audited');
    later(16);
  });

  it('an administrator unlocks an account (and only an administrator); the thresholds are settings', async () => {
    const id = await userId('callback');
    for (let i = 0; i < 5; i++) await attempt('callback', 'nope', '10.0.3.1');
    assert.equal((await attempt('callback', DEMO_PASSWORD, '10.0.3.1')).status, 429);
    const agent = await s.login('agent');
    assert.equal((await s.api('POST', `/api/admin/users/${id}/unlock`, { token: agent })).status, 403);
    const res = await s.api('POST', `/api/admin/users/${id}/unlock`, { token: admin });
    assert.deepEqual([res.status, res.body], [200, { ok: true, wasLocked: true }]);
    assert.equal((await attempt('callback', DEMO_PASSWORD, '10.0.3.1')).status, 200);
    const [audit] = await queryRows<{ actor_user_id: string }>(s.deps.database.db, sql`SELECT actor_user_id FROM audit_log WHERE action = 'unlock_user' AND target_id = ${id}`);
    assert.ok(audit?.actor_user_id, 'audited with the administrator');

    const bad = await s.api('PUT', '/api/admin/settings', { token: admin, body: { security: { loginMaxFailures: 0 } } });
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'VALIDATION_FAILED']);
    const set = await s.api('PUT', '/api/admin/settings', { token: admin, body: { security: { loginMaxFailures: 3, loginLockMinutes: 5 } } });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.security.ipMaxFailures, 20, 'other keys of the group keep their values');
    s.deps.runtimes.invalidate('370812');
    const three = [await attempt('zhujian.leader', 'x1', '10.0.3.2'), await attempt('zhujian.leader', 'x2', '10.0.3.2'), await attempt('zhujian.leader', 'x3', '10.0.3.2')];
    assert.deepEqual(codes(three), ['401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '429 LOGIN_LOCKED']);
    assert.equal(three[2]!.headers.get('retry-after'), '300');
    await s.api('PUT', '/api/admin/settings', { token: admin, body: { security: { loginMaxFailures: 5, loginLockMinutes: 15 } } });
  });

  it('the password policy: length (a setting), three character classes or 16 characters, not the username, not common', () => {
    const p = (pw: string, username = 'zhang.san', minLength = 10) => passwordProblem(pw, { username, minLength });
    assert.equal(p('qwer1234'), 'common');
    assert.equal(p('a123456'), 'common');
    assert.equal(p('woaini1314'), 'common');
    assert.equal(p('Admin@123'), 'common');
    assert.equal(p('Abc-12345'), 'length');
    assert.equal(p('abcdefghij12'), 'classes');
    assert.equal(p('Zhang.San-2026'), 'username');
    assert.equal(p('Lantern-42-river'), null);
    assert.equal(p('correct horse battery'), null, 'a 16+ character passphrase needs no classes');
    assert.equal(p('Lantern-42', 'zhang.san', 12), 'length');
    assert.equal(p(DEMO_PASSWORD, 'agent'), null, 'the demo password passes');
  });

  it('new accounts and resets follow the policy (422 WEAK_PASSWORD with the rule; nothing created)', async () => {
    const centre = s.unit('centre');
    const create = (password: string) => s.api('POST', '/api/admin/users', { token: admin, body: { username: 'wang.wu', displayName: '王五', password, roles: [{ role: 'agent', unitId: centre }] } });
    for (const [pw, rule] of [['qwer1234', 'common'], ['Ab1-xyz', 'length'], ['onlylowercase1', 'classes'], ['Wang.Wu-2026x', 'username']] as const) {
      const res = await create(pw);
      assert.deepEqual([res.status, res.body.error.code, res.body.error.details?.rule], [422, 'WEAK_PASSWORD', rule], pw);
    }
    assert.equal((await s.api('POST', '/api/auth/login', { body: { username: 'wang.wu', password: 'qwer1234' } })).status, 401, 'nothing created');
    const ok = await create('Lantern-42-river');
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const reset = await s.api('POST', `/api/admin/users/${ok.body.id}/password`, { token: admin, body: { password: 'a123456' } });
    assert.deepEqual([reset.status, reset.body.error.code], [422, 'WEAK_PASSWORD']);
    assert.equal((await s.api('POST', '/api/auth/login', { body: { username: 'wang.wu', password: 'Lantern-42-river' } })).status, 200, 'the old password stands');
  });

  it('a user changes their own password: current one required, policy applied, other sessions end, this one stays', async () => {
    const token = await s.login('xinyi.handler');
    const other = await s.login('xinyi.handler');
    const change = (body: unknown, t = token) => s.api('POST', '/api/auth/password', { token: t, body });
    assert.equal((await s.api('POST', '/api/auth/password', { body: { currentPassword: 'x', newPassword: 'y' } })).status, 401);
    const wrong = await change({ currentPassword: 'not-it', newPassword: 'Lantern-42-river' });
    assert.deepEqual([wrong.status, wrong.body.error.code], [422, 'CURRENT_PASSWORD_WRONG']);
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'woaini1314' });
    assert.deepEqual([weak.status, weak.body.error.code, weak.body.error.details.field], [422, 'WEAK_PASSWORD', 'newPassword']);
    const same = await change({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    assert.deepEqual([same.status, same.body.error.code], [422, 'WEAK_PASSWORD']);
    assert.equal((await change({ currentPassword: DEMO_PASSWORD, newPassword: 'Lantern-42-river', extra: 1 })).status, 400);
    assert.equal((await s.api('GET', '/api/auth/me', { token: other })).status, 200, 'refusals change nothing');
    const ok = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'Lantern-42-river' });
    assert.deepEqual([ok.status, ok.body], [200, { ok: true, sessionsEnded: 1 }]);
    assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 200, 'this session stays');
    assert.equal((await s.api('GET', '/api/auth/me', { token: other })).status, 401, 'the other one ended');
    assert.equal((await s.api('POST', '/api/auth/login', { body: { username: 'xinyi.handler', password: DEMO_PASSWORD } })).status, 401);
    assert.ok(await s.login('xinyi.handler', 'Lantern-42-river'));
    const audits = await queryRows(s.deps.database.db, sql`SELECT detail FROM audit_log WHERE action = 'change_password'`);
    assert.equal(audits.length, 1);
    assert.ok(!JSON.stringify(audits).includes('Lantern'), 'never the password');
  });

  it('counters whose window and lock are long over are purged (the portal upkeep job does it)', async () => {
    const count = async () => Number((await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM login_attempts`))[0]!.n);
    assert.ok(await count() > 0);
    await purgeLoginAttempts(s.deps.database.db, new Date(s.clock.now.getTime() - 86_400_000));
    assert.ok(await count() > 0, 'recent ones stay');
    await purgeLoginAttempts(s.deps.database.db, new Date(s.clock.now.getTime() + 2 * 86_400_000));
    assert.equal(await count(), 0);
  });
});
