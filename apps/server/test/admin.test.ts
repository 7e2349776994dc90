import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/** Reference data for every staff member, configuration for administrators only, and the health check. */
describe('reference data and administration over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const STAFF = ['agent', 'dispatcher', 'supervisor', 'leader', 'callback', 'zhujian.handler', 'zhujian.leader', 'weiyuan.handler'];
  before(async () => {
    s = await startTestServer();
    for (const u of [...STAFF, 'admin']) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  const admin = (method: string, path: string, body?: unknown, token = tokens.admin) => s.api(method, path, { token, body });
  async function configCounts() {
    const tables = ['users', 'user_roles', 'units', 'categories', 'calendar_overrides', 'audit_log'];
    const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql.raw(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`));
    return Object.fromEntries(tables.map((t) => [t, Number(row![t])]));
  }
  /** Registers, accepts and dispatches a new appeal to 住建局 now; returns its sign-for deadline. */
  async function signForDeadline() {
    const created = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    assert.equal(created.status, 201);
    assert.equal((await s.api('POST', `/api/appeals/${created.body.id}/transitions`, { token: tokens.agent, body: { action: 'accept' } })).status, 200);
    const res = await s.api('POST', `/api/appeals/${created.body.id}/transitions`, { token: tokens.dispatcher, body: { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.deadlines.find((d: { clock: string }) => d.clock === 'sign_for')?.dueAt as string;
  }

  it('GET /api/health answers {status: ok, db, version} without a session', async () => {
    const res = await s.api('GET', '/api/health');
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.db, process.env.MINSHENG_TEST_DB === 'postgres' ? 'postgres' : 'pglite');
    assert.equal(typeof res.body.version, 'string');
    assert.ok(res.body.version.length > 0, 'a version');
  });

  it('units, categories, areas and the calendar are readable by any staff member, and by nobody else', async () => {
    for (const user of STAFF) {
      for (const path of ['/api/units', '/api/categories', '/api/areas?q=鼓楼', '/api/calendar?year=2026']) {
        assert.equal((await s.api('GET', path, { token: tokens[user] })).status, 200, `${user} ${path}`);
      }
    }
    for (const path of ['/api/units', '/api/categories', '/api/areas', '/api/calendar']) {
      const res = await s.api('GET', path);
      assert.equal(res.status, 401, path);
      assert.equal(res.body.error.code, 'UNAUTHENTICATED');
    }
  });

  it('GET /api/units and /api/categories list the demo tree', async () => {
    const units = (await s.api('GET', '/api/units', { token: tokens['weiyuan.handler'] })).body.items;
    const byKey = new Map(units.map((u: { key: string }) => [u.key, u]));
    for (const key of ['centre', 'dept-zhujian', 'dept-chengguan', 'street-370812001', 'station-370812001002']) assert.equal((byKey.get(key) as { id: string })?.id, s.unit(key), key);
    const station = byKey.get('station-370812001002') as { parentId: string; depth: number; areaCodes: string[] };
    assert.equal(station.parentId, s.unit('street-370812001'));
    assert.equal(station.depth, 3);
    assert.deepEqual((byKey.get('street-370812001') as { areaCodes: string[] }).areaCodes, ['370812001']);
    const categories = (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items;
    assert.ok(categories.length > 5, `${categories.length} categories`);
    for (const c of categories) assert.ok(c.id && c.key && c.name && [1, 2, 3].includes(c.level), JSON.stringify(c));
  });

  it('GET /api/areas searches by name (?q=) and by parent (?parent=)', async () => {
    const found = await s.api('GET', '/api/areas?q=鼓楼', { token: tokens.agent });
    assert.equal(found.status, 200);
    assert.ok(found.body.items.some((a: { code: string; name: string }) => a.code === '370812001' && a.name === '鼓楼街道'), JSON.stringify(found.body));
    for (const a of found.body.items) assert.ok(a.name.includes('鼓楼'), a.name);
    const children = await s.api('GET', '/api/areas?parent=370812', { token: tokens.agent });
    assert.equal(children.body.items.length, 10);
    for (const a of children.body.items) assert.equal(a.parentCode, '370812');
    assert.ok(children.body.items.some((a: { code: string }) => a.code === '370812102'), 'includes 新驿镇');
    const both = await s.api('GET', `/api/areas?parent=370812001&q=${encodeURIComponent('韦园')}`, { token: tokens.agent });
    assert.deepEqual(both.body.items.map((a: { code: string }) => a.code), ['370812001002']);
    for (const q of ['%', '_', '\\']) assert.deepEqual((await s.api('GET', `/api/areas?q=${encodeURIComponent(q)}`, { token: tokens.agent })).body.items, [], `wildcard ${q}`);
  });

  it('GET /api/calendar?year=2026 lists holidays and make-up workdays, including 2026-10-10', async () => {
    const res = await s.api('GET', '/api/calendar?year=2026', { token: tokens['zhujian.handler'] });
    assert.equal(res.status, 200);
    const day = (date: string) => res.body.specialDays.find((d: { date: string }) => d.date === date);
    assert.deepEqual({ ...day('2026-10-10'), name: undefined }, { date: '2026-10-10', working: true, reason: 'makeup_workday', name: undefined });
    assert.equal(day('2026-10-01')?.working, false);
    assert.equal(day('2026-11-23'), undefined, 'an ordinary Monday is not special');
    assert.deepEqual(res.body.overrides, []);
  });

  it('configuration is for administrators only: everyone else gets 403 FORBIDDEN and nothing changes', async () => {
    const before = await configCounts();
    const writes: [string, string, unknown][] = [
      ['POST', '/api/admin/units', { key: 'x-unit', name: '某单位', kind: 'department', parentId: s.unit('centre') }],
      ['POST', '/api/admin/users', { username: 'x.user', displayName: '某人', password: 'password-123', roles: [{ role: 'admin', unitId: s.unit('centre') }] }],
      ['POST', '/api/admin/categories', { key: 'x-cat', name: '某分类' }],
      ['PUT', '/api/admin/calendar/2026-12-01', { kind: 'holiday', name: '假' }],
      ['DELETE', '/api/admin/calendar/2026-12-01', undefined],
      ['GET', '/api/admin/users', undefined],
    ];
    for (const user of STAFF) {
      for (const [method, path, body] of writes) {
        const res = await admin(method, path, body, tokens[user]);
        assert.equal(res.status, 403, `${user} ${method} ${path}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, 'FORBIDDEN');
      }
    }
    for (const [method, path, body] of writes) assert.equal((await s.api(method, path, { body })).status, 401, `anonymous ${method} ${path}`);
    assert.deepEqual(await configCounts(), before);
  });

  it('an admin creates a user who can log in; a duplicate username is 409 USERNAME_TAKEN', async () => {
    const body = { username: 'longqiao.agent', displayName: '新话务员', password: 'a-long-password-1', roles: [{ role: 'agent', unitId: s.unit('centre') }] };
    const created = await admin('POST', '/api/admin/users', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.username, 'longqiao.agent');
    assert.ok(!JSON.stringify(created.body).includes('a-long-password-1'), 'no password in the answer');
    const token = await s.login('longqiao.agent', 'a-long-password-1');
    const me = await s.api('GET', '/api/auth/me', { token });
    assert.deepEqual(me.body.user.roles.map((r: { role: string; unitId: string }) => [r.role, r.unitId]), [['agent', s.unit('centre')]]);
    assert.equal((await s.api('POST', '/api/appeals', { token, body: intakeBody() })).status, 201, 'the new agent can register');
    const before = await configCounts();
    for (const dup of [body, { ...body, displayName: '另一个人', password: 'other-password' }, { ...body, username: 'agent' }]) {
      const res = await admin('POST', '/api/admin/users', dup);
      assert.equal(res.status, 409, JSON.stringify(dup));
      assert.equal(res.body.error.code, 'USERNAME_TAKEN');
    }
    assert.equal((await admin('POST', '/api/admin/users', { ...body, username: 'short.pw', password: 'short' })).status, 422, 'WEAK_PASSWORD');
    assert.equal((await admin('POST', '/api/admin/users', { ...body, username: 'Upper.Case' })).status, 400);
    assert.equal((await admin('POST', '/api/admin/users', { ...body, username: 'no.roles', roles: [] })).status, 400);
    assert.deepEqual(await configCounts(), before);
    const list = await admin('GET', '/api/admin/users');
    assert.ok(list.body.items.some((u: { username: string }) => u.username === 'longqiao.agent'), 'listed');
    assert.ok(!/passwordHash|argon2/i.test(JSON.stringify(list.body)), 'no password hashes listed');
  });

  it('an admin creates a unit under a street office; a user there sees what is dispatched to it', async () => {
    const created = await admin('POST', '/api/admin/units', { key: 'station-test-wendong', name: '文东社区工作站', kind: 'community_station', parentId: s.unit('street-370812001'), areaCodes: ['370812001003'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.depth, 3);
    assert.deepEqual(created.body.areaCodes, ['370812001003']);
    const units = (await s.api('GET', '/api/units', { token: tokens.agent })).body.items;
    assert.ok(units.some((u: { id: string }) => u.id === created.body.id), 'listed');
    const user = await admin('POST', '/api/admin/users', { username: 'wendong.handler', displayName: '文东承办人', password: 'a-long-password-1', roles: [{ role: 'handler', unitId: created.body.id }] });
    assert.equal(user.status, 201);
    const appeal = (await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() })).body;
    await s.api('POST', `/api/appeals/${appeal.id}/transitions`, { token: tokens.agent, body: { action: 'accept' } });
    const sent = await s.api('POST', `/api/appeals/${appeal.id}/transitions`, { token: tokens.dispatcher, body: { action: 'dispatch', leadUnitId: created.body.id } });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const token = await s.login('wendong.handler', 'a-long-password-1');
    assert.equal((await s.api('GET', `/api/appeals/${appeal.id}`, { token })).status, 200);
    assert.equal((await s.api('GET', `/api/appeals/${appeal.id}`, { token: tokens['weiyuan.handler'] })).status, 404, 'a sibling station does not see it');
  });

  it('an admin creates categories (up to three levels) usable at intake', async () => {
    const top = await admin('POST', '/api/admin/categories', { key: 'test-top', name: '测试一级', defaultKind: 'help', defaultUnitId: s.unit('dept-zhujian'), keywords: ['测试'] });
    assert.equal(top.status, 201, JSON.stringify(top.body));
    assert.equal(top.body.level, 1);
    const mid = await admin('POST', '/api/admin/categories', { key: 'test-mid', name: '测试二级', parentId: top.body.id });
    const leaf = await admin('POST', '/api/admin/categories', { key: 'test-leaf', name: '测试三级', parentId: mid.body.id, defaultKind: 'consultation' });
    assert.deepEqual([mid.status, mid.body.level, leaf.status, leaf.body.level], [201, 2, 201, 3]);
    const tooDeep = await admin('POST', '/api/admin/categories', { key: 'test-deep', name: '测试四级', parentId: leaf.body.id });
    assert.equal(tooDeep.status, 400);
    assert.equal(tooDeep.body.error.code, 'VALIDATION_FAILED');
    const listed = (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items.map((c: { id: string }) => c.id);
    assert.ok([top.body.id, mid.body.id, leaf.body.id].every((id) => listed.includes(id)), 'listed');
    const { kind: _kind, ...noKind } = intakeBody();
    const appeal = await s.api('POST', '/api/appeals', { token: tokens.agent, body: { ...noKind, categoryId: leaf.body.id } });
    assert.equal(appeal.status, 201, JSON.stringify(appeal.body));
    assert.equal(appeal.body.kind, 'consultation', 'the category\'s default kind');
  });

  it('a duplicate unit or category key is 409 DUPLICATE_CODE', async () => {
    const unit = await admin('POST', '/api/admin/units', { key: 'dept-zhujian', name: '重复', kind: 'department', parentId: s.unit('centre') });
    assert.equal(unit.status, 409, JSON.stringify(unit.body));
    assert.equal(unit.body.error.code, 'DUPLICATE_CODE');
    const key = (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items[0].key;
    const category = await admin('POST', '/api/admin/categories', { key, name: '重复' });
    assert.equal(category.status, 409, JSON.stringify(category.body));
    assert.equal(category.body.error.code, 'DUPLICATE_CODE');
  });

  it('a calendar override (Monday 2026-11-23 as a holiday) moves the sign-for deadline of appeals dispatched afterwards', async () => {
    const normal = await signForDeadline();
    assert.equal(normal, '2026-11-23T03:00:00.000Z'); // Monday 09:00 + 2 working hours
    const put = await admin('PUT', '/api/admin/calendar/2026-11-23', { kind: 'holiday', name: '临时休假' });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual(put.body, { date: '2026-11-23', kind: 'holiday', name: '临时休假' });
    const cal = await s.api('GET', '/api/calendar?year=2026', { token: tokens.agent });
    assert.deepEqual(cal.body.overrides, [{ date: '2026-11-23', kind: 'holiday', name: '临时休假' }]);
    assert.equal(cal.body.specialDays.find((d: { date: string }) => d.date === '2026-11-23')?.working, false);
    const holiday = await signForDeadline();
    assert.equal(holiday, '2026-11-24T02:30:00.000Z'); // Tuesday 08:30 + 2 working hours
    const removed = await admin('DELETE', '/api/admin/calendar/2026-11-23');
    assert.deepEqual([removed.status, removed.body], [200, { ok: true }]);
    assert.equal(await signForDeadline(), normal, 'removing the override restores the official calendar');
    const again = await admin('DELETE', '/api/admin/calendar/2026-11-23');
    assert.equal(again.status, 404);
    assert.equal(again.body.error.code, 'NOT_FOUND');
    for (const date of ['2026-02-30', '2026-13-01', 'tomorrow']) assert.equal((await admin('PUT', `/api/admin/calendar/${date}`, { kind: 'holiday' })).status, 400, date);
    assert.equal((await admin('PUT', '/api/admin/calendar/2026-11-28', { kind: 'day-off' })).status, 400);
  });
});
