import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { newId, queryRows, schema } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { ApiResponse, TestServer } from './harness';

/** Editing, deactivating and reactivating units, users and categories over real HTTP (PATCH /api/admin/*). */
describe('administrators edit and deactivate units, users and categories', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const cat: Record<string, string> = {};
  const STAFF = ['agent', 'dispatcher', 'supervisor', 'leader', 'zhujian.leader', 'weiyuan.handler'];
  const OTHER = '370811'; // a second jurisdiction whose ids must look unknown
  const other = { unit: newId(), user: newId(), category: newId() };

  before(async () => {
    s = await startTestServer();
    for (const u of [...STAFF, 'admin', 'zhujian.handler', 'gulou.handler']) tokens[u] = await s.login(u);
    for (const c of (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items) cat[c.key] = c.id;
    const db = s.deps.database.db;
    await db.insert(schema.jurisdictions).values({ id: OTHER, name: '任城区', numberPrefix: 'RC' });
    await db.insert(schema.units).values({ jurisdictionId: OTHER, id: other.unit, key: 'centre', path: [other.unit], name: '任城区12345热线中心', shortName: '任城热线', kind: 'hotline_centre' });
    await db.insert(schema.users).values({ jurisdictionId: OTHER, id: other.user, username: 'rc.admin', displayName: '外区管理员', passwordHash: 'x' });
    await db.insert(schema.categories).values({ jurisdictionId: OTHER, id: other.category, key: 'rc-cat', level: 1, name: '外区分类' });
  });
  after(() => s.close());

  const as = (user: string) => (method: string, path: string, body?: unknown) => s.api(method, path, { token: tokens[user], body });
  const admin = (method: string, path: string, body?: unknown) => as('admin')(method, path, body);
  const COUNTED = ['units', 'unit_areas', 'users', 'user_roles', 'sessions', 'categories', 'audit_log'];
  async function counts() {
    const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql.raw(`SELECT ${COUNTED.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`));
    return Object.fromEntries(COUNTED.map((t) => [t, Number(row![t])]));
  }
  /** Reference rows as stored, so "nothing written" also covers updates, not only inserts. */
  async function snapshot() {
    const db = s.deps.database.db;
    const [units, areas, users, roles, categories] = await Promise.all([
      db.select().from(schema.units), db.select().from(schema.unitAreas), db.select().from(schema.users), db.select().from(schema.userRoles), db.select().from(schema.categories),
    ]);
    const sort = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    return { units: sort(units), areas: sort(areas), users: sort(users), roles: sort(roles), categories: sort(categories), counts: await counts() };
  }
  async function nothingWritten(fn: () => Promise<void>) {
    const before = await snapshot();
    await fn();
    assert.deepEqual(await snapshot(), before, 'no row written or changed');
  }
  function refused(res: ApiResponse, status: number, code: string, label = '') {
    assert.equal(res.status, status, `${label} ${JSON.stringify(res.body).slice(0, 400)}`);
    assert.equal(res.body?.error?.code, code, label);
    assert.ok(typeof res.body.error.message === 'string' && res.body.error.message.length > 0, label);
  }
  async function unitByKey(key: string) {
    return (await s.api('GET', '/api/units', { token: tokens.agent })).body.items.find((u: { key: string }) => u.key === key);
  }
  /** A new department (or `extra.kind`) under a demo unit key or a unit id. */
  async function createUnit(key: string, parent: string, extra: Record<string, unknown> = {}) {
    const parentId = /^[0-9a-f-]{36}$/.test(parent) ? parent : s.unit(parent);
    const res = await admin('POST', '/api/admin/units', { key, name: `${key} 名称`, kind: 'department', parentId, ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function createUser(username: string, roles: { role: string; unitId: string }[], password = 'a-long-password-1') {
    const res = await admin('POST', '/api/admin/users', { username, displayName: `${username} 姓名`, password, roles });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  async function audits(targetId: string) {
    return queryRows<{ action: string; actor_user_id: string; detail: Record<string, any> }>(s.deps.database.db,
      sql`SELECT action, actor_user_id, detail FROM audit_log WHERE target_id = ${targetId} ORDER BY at, id`);
  }
  async function registered(overrides: Record<string, unknown> = {}) {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody(overrides) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }
  const act = (user: string, id: string, body: Record<string, unknown>) => s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });

  it('only administrators edit: everyone else gets 403 FORBIDDEN, anonymous 401, and nothing changes', () => nothingWritten(async () => {
    const adminId = (await admin('GET', '/api/admin/users')).body.items.find((u: { username: string }) => u.username === 'admin').id;
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/admin/units/${s.unit('dept-zhujian')}`, { name: '改名', active: false }],
      ['PATCH', `/api/admin/users/${adminId}`, { active: false }],
      ['POST', `/api/admin/users/${adminId}/password`, { password: 'taken-over-123' }],
      ['PATCH', `/api/admin/categories/${cat.construction}`, { name: '改名', active: false }],
    ];
    for (const user of STAFF) {
      for (const [method, path, body] of writes) refused(await as(user)(method, path, body), 403, 'FORBIDDEN', `${user} ${method} ${path}`);
    }
    for (const [method, path, body] of writes) refused(await s.api(method, path, { body }), 401, 'UNAUTHENTICATED', `anonymous ${method} ${path}`);
  }));

  it('a unit is renamed, its short name, phone, address, reception hours and served areas change; audited with before and after', async () => {
    const id = s.unit('street-370812102');
    const was = await unitByKey('street-370812102');
    const res = await admin('PATCH', `/api/admin/units/${id}`, {
      name: '新驿镇便民服务中心', shortName: '新驿便民', phone: '0537-3412345', address: '新驿镇政府路1号', receptionHours: '工作日 8:30-17:30', areaCodes: ['370812003001', '370812102'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.name, res.body.shortName, res.body.phone, res.body.address, res.body.receptionHours, res.body.areaCodes, res.body.active],
      ['新驿镇便民服务中心', '新驿便民', '0537-3412345', '新驿镇政府路1号', '工作日 8:30-17:30', ['370812003001', '370812102'], true]);
    const listed = await unitByKey('street-370812102');
    assert.deepEqual([listed.name, listed.phone, listed.areaCodes], ['新驿镇便民服务中心', '0537-3412345', ['370812003001', '370812102']], 'the next read sees it');
    const [audit] = (await audits(id)).filter((a) => a.action === 'update_unit');
    assert.ok(audit, 'audited');
    assert.deepEqual([audit.detail.before.name, audit.detail.after.name], [was.name, '新驿镇便民服务中心']);
    assert.deepEqual([audit.detail.before.shortName, audit.detail.after.shortName], [was.shortName, '新驿便民']);
    assert.deepEqual(audit.detail.before.areaCodes, ['370812102']);
    // The new served area reaches routing at once: an appeal in 府东社区 goes to the office serving that community.
    const appeal = await registered({ areaCode: '370812003001', categoryId: cat['environment.air.open-burning'] });
    const proposal = await s.api('GET', `/api/appeals/${appeal}/routing-proposal`, { token: tokens.dispatcher });
    assert.deepEqual([proposal.body.source, proposal.body.leadUnitId], ['street_office', id], JSON.stringify(proposal.body));
    const same = await admin('PATCH', `/api/admin/units/${id}`, { name: '新驿镇便民服务中心' });
    assert.equal(same.status, 200);
    assert.equal((await audits(id)).length, 1, 'a no-op edit writes no audit row');
    const unknownArea = await admin('PATCH', `/api/admin/units/${id}`, { areaCodes: ['370812999'] });
    refused(unknownArea, 422, 'UNKNOWN_AREA');
  });

  it('a unit moves under another parent with its whole subtree; never under itself or its own sub-units (TREE_CYCLE)', async () => {
    const station = s.unit('station-370812001002');
    const team = await createUnit('team-weiyuan-grid', s.unit('station-370812001002'), { kind: 'community_station' });
    // The street's handler has listed before the move: their resolved session (and its list scope) is cached.
    const gulouList = async () => {
      const res = await s.api('GET', '/api/appeals?status=dispatched&limit=100', { token: tokens['gulou.handler'] });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return (res.body.items as { id: string }[]).map((a) => a.id);
    };
    await gulouList();
    const moved = await admin('PATCH', `/api/admin/units/${station}`, { parentId: s.unit('street-370812003') });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.parentId, s.unit('street-370812003'));
    const [row] = await queryRows<{ path: string[] }>(s.deps.database.db, sql`SELECT path FROM units WHERE id = ${team}`);
    assert.deepEqual(row!.path, [s.unit('centre'), s.unit('street-370812003'), station, team], 'the descendant\'s path follows');
    assert.equal((await unitByKey('team-weiyuan-grid')).depth, 4);
    // Scoping follows the tree: 鼓楼街道 no longer sees what its former station handles.
    const appeal = await registered();
    assert.equal((await act('agent', appeal, { action: 'accept' })).status, 200);
    assert.equal((await act('dispatcher', appeal, { action: 'dispatch', leadUnitId: station })).status, 200);
    assert.equal((await s.api('GET', `/api/appeals/${appeal}`, { token: tokens['weiyuan.handler'] })).status, 200);
    assert.equal((await s.api('GET', `/api/appeals/${appeal}`, { token: tokens['gulou.handler'] })).status, 404, 'the former parent street');
    assert.ok(!(await gulouList()).includes(appeal), 'nor in its lists, at once');

    await nothingWritten(async () => {
      for (const [unit, parent, label] of [
        [station, station, 'under itself'], [station, team, 'under its own child'], [s.unit('street-370812003'), team, 'under a grandchild'],
        [s.unit('centre'), s.unit('dept-zhujian'), 'the root under a department'],
      ] as const) {
        const res = await admin('PATCH', `/api/admin/units/${unit}`, { parentId: parent, name: '不应保存' });
        refused(res, 422, 'TREE_CYCLE', label);
        assert.equal(res.body.error.details.field, 'parentId');
      }
      refused(await admin('PATCH', `/api/admin/units/${station}`, { parentId: randomUUID() }), 422, 'UNKNOWN_UNIT', 'unknown parent');
      refused(await admin('PATCH', `/api/admin/units/${station}`, { parentId: other.unit }), 422, 'UNKNOWN_UNIT', 'a parent of another jurisdiction');
    });
    const back = await admin('PATCH', `/api/admin/units/${station}`, { parentId: s.unit('street-370812001') });
    assert.equal(back.status, 200);
    assert.equal((await s.api('GET', `/api/appeals/${appeal}`, { token: tokens['gulou.handler'] })).status, 200, 'visible again after moving back');
    assert.ok((await gulouList()).includes(appeal), 'and in its lists');
  });

  it('a unit with open appeals, active users or active sub-units is not deactivated (409 IN_USE with the counts)', async () => {
    const unit = await createUnit('dept-test-inuse', 'centre');
    const child = await createUnit('dept-test-inuse-child', unit);
    const handler = await createUser('inuse.handler', [{ role: 'handler', unitId: unit }]);
    const appeal = await registered();
    assert.equal((await act('agent', appeal, { action: 'accept' })).status, 200);
    assert.equal((await act('dispatcher', appeal, { action: 'dispatch', leadUnitId: unit })).status, 200);

    await nothingWritten(async () => {
      const res = await admin('PATCH', `/api/admin/units/${unit}`, { active: false, name: '不应保存' });
      refused(res, 409, 'IN_USE');
      assert.deepEqual(res.body.error.details, { openAppeals: 1, activeUsers: 1, activeSubUnits: 1 });
      assert.match(res.body.error.detail, /1 open appeals, 1 active users, 1 active sub-units/);
    });
    // Clear each reason in turn: the return is approved, the handler and the sub-unit are deactivated.
    const handlerToken = await s.login('inuse.handler', 'a-long-password-1');
    assert.equal((await s.api('POST', `/api/appeals/${appeal}/transitions`, { token: handlerToken, body: { action: 'request_return', reason: '不属于本单位职责' } })).status, 200);
    assert.equal((await act('dispatcher', appeal, { action: 'approve_return' })).status, 200);
    assert.equal((await admin('PATCH', `/api/admin/users/${handler}`, { active: false })).status, 200);
    assert.deepEqual((await admin('PATCH', `/api/admin/units/${unit}`, { active: false })).body.error.details, { openAppeals: 0, activeUsers: 0, activeSubUnits: 1 });
    assert.equal((await admin('PATCH', `/api/admin/units/${child}`, { active: false })).status, 200);
    const done = await admin('PATCH', `/api/admin/units/${unit}`, { active: false });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.active, false);
    // History stays: the unit is still listed (inactive) and the appeal it once held still shows it in its timeline.
    assert.equal((await unitByKey('dept-test-inuse')).active, false);
    const events = await s.api('GET', `/api/appeals/${appeal}/events`, { token: tokens.dispatcher });
    assert.equal(events.status, 200);
    assert.ok(JSON.stringify(events.body).includes(unit), 'the timeline still names the unit');
  });

  it('an inactive unit is not a dispatch target or a routing proposal; reactivated, it is again; it never sits under an inactive parent', async () => {
    const unit = await createUnit('dept-test-routing', 'centre');
    const category = await admin('POST', '/api/admin/categories', { key: 'test-routing-default', name: '测试默认单位', defaultUnitId: unit });
    assert.equal(category.status, 201);
    const appeal = await registered({ categoryId: category.body.id, areaCode: '370812102' });
    assert.equal((await act('agent', appeal, { action: 'accept' })).status, 200);
    const proposal = async () => (await s.api('GET', `/api/appeals/${appeal}/routing-proposal`, { token: tokens.dispatcher })).body;
    assert.deepEqual([(await proposal()).source, (await proposal()).leadUnitId], ['category_default', unit]);

    assert.equal((await admin('PATCH', `/api/admin/units/${unit}`, { active: false })).status, 200);
    const fallback = await proposal();
    assert.notEqual(fallback.leadUnitId, unit, 'an inactive unit is never proposed');
    assert.equal(fallback.source, 'street_office');
    const dispatch = await act('dispatcher', appeal, { action: 'dispatch', leadUnitId: unit });
    refused(dispatch, 422, 'UNKNOWN_UNIT', 'dispatch to an inactive unit');
    refused(await admin('POST', '/api/admin/users', { username: 'to.inactive', displayName: '某人', password: 'a-long-password-1', roles: [{ role: 'handler', unitId: unit }] }), 422, 'UNKNOWN_UNIT', 'no new roles in an inactive unit');

    // An active unit never sits under an inactive one: neither by moving nor by reactivating.
    const child = await createUnit('dept-test-routing-child', 'centre');
    await nothingWritten(async () => {
      const moved = await admin('PATCH', `/api/admin/units/${child}`, { parentId: unit });
      refused(moved, 422, 'PARENT_INACTIVE');
      assert.equal(moved.body.error.details.field, 'parentId');
    });
    assert.equal((await admin('PATCH', `/api/admin/units/${child}`, { active: false })).status, 200);
    assert.equal((await admin('PATCH', `/api/admin/units/${child}`, { parentId: unit })).status, 200, 'an inactive unit may move under an inactive one');
    refused(await admin('PATCH', `/api/admin/units/${child}`, { active: true }), 422, 'PARENT_INACTIVE');

    const back = await admin('PATCH', `/api/admin/units/${unit}`, { active: true });
    assert.equal(back.status, 200);
    assert.equal(back.body.active, true);
    assert.equal((await admin('PATCH', `/api/admin/units/${child}`, { active: true })).status, 200, 'now the child may come back');
    assert.deepEqual([(await proposal()).source, (await proposal()).leadUnitId], ['category_default', unit]);
    assert.equal((await act('dispatcher', appeal, { action: 'dispatch', leadUnitId: unit })).status, 200);
  });

  it('a user\'s name and roles change and take effect on their very next request', async () => {
    const id = await createUser('edit.roles', [{ role: 'agent', unitId: s.unit('centre') }]);
    const token = await s.login('edit.roles', 'a-long-password-1');
    assert.equal((await s.api('GET', '/api/auth/me', { token })).status, 200, 'the session is cached now');
    const res = await admin('PATCH', `/api/admin/users/${id}`, {
      displayName: '改名后', roles: [{ role: 'handler', unitId: s.unit('dept-zhujian') }, { role: 'handler', unitId: s.unit('dept-zhujian') }, { role: 'unit_leader', unitId: s.unit('dept-zhujian') }],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.displayName, '改名后');
    assert.deepEqual(res.body.roles.map((r: { role: string }) => r.role).sort(), ['handler', 'unit_leader'], 'duplicates collapse');
    assert.ok(!/password/i.test(JSON.stringify(res.body)));
    const me = (await s.api('GET', '/api/auth/me', { token })).body.user;
    assert.equal(me.displayName, '改名后');
    assert.deepEqual(me.roles.map((r: { role: string; unitId: string }) => [r.role, r.unitId]).sort(), [['handler', s.unit('dept-zhujian')], ['unit_leader', s.unit('dept-zhujian')]]);
    assert.equal((await s.api('POST', '/api/appeals', { token, body: intakeBody() })).status, 403, 'no longer an agent');
    const [audit] = (await audits(id)).filter((a) => a.action === 'update_user');
    assert.deepEqual([audit!.detail.before.displayName, audit!.detail.after.displayName], ['edit.roles 姓名', '改名后']);
    assert.equal(audit!.detail.before.roles.length, 1);

    await nothingWritten(async () => {
      refused(await admin('PATCH', `/api/admin/users/${id}`, { roles: [{ role: 'handler', unitId: randomUUID() }] }), 422, 'UNKNOWN_UNIT');
      refused(await admin('PATCH', `/api/admin/users/${id}`, { roles: [{ role: 'handler', unitId: other.unit }] }), 422, 'UNKNOWN_UNIT', 'another jurisdiction\'s unit');
      refused(await admin('PATCH', `/api/admin/users/${id}`, { roles: [] }), 400, 'VALIDATION_FAILED');
      refused(await admin('PATCH', `/api/admin/users/${id}`, { roles: [{ role: 'king', unitId: s.unit('centre') }] }), 400, 'VALIDATION_FAILED');
      refused(await admin('PATCH', `/api/admin/users/${id}`, { displayName: '   ' }), 400, 'VALIDATION_FAILED');
      refused(await admin('PATCH', `/api/admin/users/${id}`, { username: 'renamed' }), 400, 'VALIDATION_FAILED', 'the username is not editable');
    });
  });

  it('a deactivated user\'s token is rejected at once and they cannot sign in; reactivated, they sign in again', async () => {
    const id = await createUser('edit.deactivate', [{ role: 'agent', unitId: s.unit('centre') }]);
    const token = await s.login('edit.deactivate', 'a-long-password-1');
    const second = await s.login('edit.deactivate', 'a-long-password-1');
    assert.equal((await s.api('GET', '/api/appeals', { token })).status, 200, 'cached and valid');
    const res = await admin('PATCH', `/api/admin/users/${id}`, { active: false });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.active, false);
    for (const t of [token, second]) refused(await s.api('GET', '/api/appeals', { token: t }), 401, 'UNAUTHENTICATED', 'the very next request');
    const [row] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${id}`);
    assert.equal(row!.n, 0, 'the sessions are gone');
    refused(await s.api('POST', '/api/auth/login', { body: { username: 'edit.deactivate', password: 'a-long-password-1' } }), 401, 'INVALID_CREDENTIALS');
    const listed = (await admin('GET', '/api/admin/users')).body.items.find((u: { id: string }) => u.id === id);
    assert.equal(listed.active, false, 'still listed, as inactive');
    assert.equal((await admin('PATCH', `/api/admin/users/${id}`, { active: true })).status, 200);
    assert.equal((await s.api('GET', '/api/appeals', { token })).status, 401, 'an ended session stays ended');
    assert.equal((await s.api('GET', '/api/auth/me', { token: await s.login('edit.deactivate', 'a-long-password-1') })).status, 200);
  });

  it('an administrator cannot deactivate themselves or remove their own admin role (SELF_LOCKOUT), but may rename themselves', async () => {
    const me = (await s.api('GET', '/api/auth/me', { token: tokens.admin })).body.user;
    await nothingWritten(async () => {
      const off = await admin('PATCH', `/api/admin/users/${me.id}`, { active: false });
      refused(off, 422, 'SELF_LOCKOUT');
      assert.equal(off.body.error.details.field, 'active');
      const demoted = await admin('PATCH', `/api/admin/users/${me.id}`, { roles: [{ role: 'dispatcher', unitId: s.unit('centre') }] });
      refused(demoted, 422, 'SELF_LOCKOUT');
      assert.equal(demoted.body.error.details.field, 'roles');
      refused(await admin('PATCH', `/api/admin/users/${me.id}`, { roles: [{ role: 'admin', unitId: s.unit('dept-zhujian') }] }), 422, 'SELF_LOCKOUT', 'an admin of a department is not an administrator');
    });
    const renamed = await admin('PATCH', `/api/admin/users/${me.id}`, { displayName: '李明远（管理员）', roles: [{ role: 'admin', unitId: s.unit('centre') }, { role: 'dispatcher', unitId: s.unit('centre') }] });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal((await admin('GET', '/api/admin/users')).status, 200, 'still an administrator');
    // Another administrator may deactivate this one.
    const second = await createUser('second.admin', [{ role: 'admin', unitId: s.unit('centre') }]);
    const secondToken = await s.login('second.admin', 'a-long-password-1');
    refused(await s.api('PATCH', `/api/admin/users/${second}`, { token: secondToken, body: { active: false } }), 422, 'SELF_LOCKOUT');
    assert.equal((await admin('PATCH', `/api/admin/users/${second}`, { active: false })).status, 200);
    refused(await s.api('GET', '/api/admin/users', { token: secondToken }), 401, 'UNAUTHENTICATED');
  });

  it('an administrator resets a password (same policy as a new account); the user\'s sessions end, the old password stops working', async () => {
    const id = await createUser('edit.password', [{ role: 'agent', unitId: s.unit('centre') }], 'old-password-1');
    const token = await s.login('edit.password', 'old-password-1');
    await nothingWritten(async () => {
      refused(await admin('POST', `/api/admin/users/${id}/password`, { password: 'short' }), 422, 'WEAK_PASSWORD', 'too short');
      refused(await admin('POST', `/api/admin/users/${id}/password`, { password: '' }), 400, 'VALIDATION_FAILED', 'empty');
      refused(await admin('POST', `/api/admin/users/${id}/password`, {}), 400, 'VALIDATION_FAILED', 'missing');
      refused(await admin('POST', `/api/admin/users/${id}/password`, { password: 'new-password-1', mustChange: true }), 400, 'VALIDATION_FAILED', 'unknown field');
      refused(await admin('POST', `/api/admin/users/${randomUUID()}/password`, { password: 'new-password-1' }), 404, 'NOT_FOUND');
      refused(await admin('POST', `/api/admin/users/${other.user}/password`, { password: 'new-password-1' }), 404, 'NOT_FOUND', 'another jurisdiction\'s user');
    });
    const res = await admin('POST', `/api/admin/users/${id}/password`, { password: 'new-password-1' });
    assert.deepEqual([res.status, res.body], [200, { ok: true, sessionsEnded: 1 }]);
    refused(await s.api('GET', '/api/auth/me', { token }), 401, 'UNAUTHENTICATED', 'the old session');
    refused(await s.api('POST', '/api/auth/login', { body: { username: 'edit.password', password: 'old-password-1' } }), 401, 'INVALID_CREDENTIALS');
    assert.ok(await s.login('edit.password', 'new-password-1'));
    const [audit] = (await audits(id)).filter((a) => a.action === 'reset_password');
    assert.ok(audit, 'audited');
    assert.ok(!JSON.stringify(audit).includes('new-password-1'), 'never the password');
    // Resetting one's own password keeps one's own session.
    const me = (await s.api('GET', '/api/auth/me', { token: tokens.admin })).body.user;
    const own = await admin('POST', `/api/admin/users/${me.id}/password`, { password: 'minsheng-demo-2026' });
    assert.deepEqual([own.status, own.body.sessionsEnded], [200, 0]);
    assert.equal((await admin('GET', '/api/admin/users')).status, 200);
  });

  it('a category is renamed, gets new defaults, Open311 code and keywords; null clears; a taken Open311 code is 409', async () => {
    const id = cat['environment.air.open-burning']!;
    const inactive = await createUnit('dept-test-inactive-default', 'centre');
    assert.equal((await admin('PATCH', `/api/admin/units/${inactive}`, { active: false })).status, 200);
    const res = await admin('PATCH', `/api/admin/categories/${id}`, {
      name: '露天焚烧秸秆垃圾', defaultKind: 'report', defaultUnitId: s.unit('dept-huanjing'), open311Code: 'burn-01', keywords: [' 焚烧 ', '秸秆', '焚烧'],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.name, res.body.defaultKind, res.body.defaultUnitId, res.body.open311Code, res.body.keywords], ['露天焚烧秸秆垃圾', 'report', s.unit('dept-huanjing'), 'burn-01', ['焚烧', '秸秆']]);
    const { kind: _kind, ...noKind } = intakeBody();
    const appeal = await s.api('POST', '/api/appeals', { token: tokens.agent, body: { ...noKind, categoryId: id } });
    assert.equal(appeal.body.kind, 'report', 'the new default kind applies to the next intake');
    const cleared = await admin('PATCH', `/api/admin/categories/${id}`, { defaultKind: null, defaultUnitId: null, open311Code: null });
    assert.deepEqual([cleared.body.defaultKind, cleared.body.defaultUnitId, cleared.body.open311Code], [null, null, null]);
    assert.equal((await admin('PATCH', `/api/admin/categories/${id}`, { open311Code: 'burn-01' })).status, 200);
    await nothingWritten(async () => {
      const dup = await admin('PATCH', `/api/admin/categories/${cat.construction}`, { open311Code: 'burn-01', name: '不应保存' });
      refused(dup, 409, 'DUPLICATE_CODE');
      refused(await admin('PATCH', `/api/admin/categories/${id}`, { defaultUnitId: randomUUID() }), 422, 'UNKNOWN_UNIT');
      refused(await admin('PATCH', `/api/admin/categories/${id}`, { defaultUnitId: other.unit }), 422, 'UNKNOWN_UNIT', 'another jurisdiction\'s unit');
      refused(await admin('PATCH', `/api/admin/categories/${id}`, { defaultUnitId: inactive }), 422, 'UNKNOWN_UNIT', 'an inactive unit');
      refused(await admin('PATCH', `/api/admin/categories/${id}`, { open311Code: 'has space' }), 400, 'VALIDATION_FAILED');
      refused(await admin('PATCH', `/api/admin/categories/${id}`, { keywords: 'a,b' }), 400, 'VALIDATION_FAILED');
      refused(await admin('PATCH', `/api/admin/categories/${id}`, { key: 'renamed' }), 400, 'VALIDATION_FAILED', 'the key is not editable');
    });
    assert.ok((await audits(id)).filter((a) => a.action === 'update_category').length >= 3, 'every change audited');
  });

  it('a category moves with its sub-categories (levels follow, at most three); never under itself (TREE_CYCLE)', async () => {
    const top = (await admin('POST', '/api/admin/categories', { key: 'move-top', name: '移动一级' })).body.id;
    const mid = (await admin('POST', '/api/admin/categories', { key: 'move-mid', name: '移动二级', parentId: top })).body.id;
    const leaf = (await admin('POST', '/api/admin/categories', { key: 'move-leaf', name: '移动三级', parentId: mid })).body.id;
    await nothingWritten(async () => {
      for (const [id, parent, label] of [[top, top, 'itself'], [top, mid, 'its child'], [top, leaf, 'its grandchild'], [mid, leaf, 'its child']] as const) {
        refused(await admin('PATCH', `/api/admin/categories/${id}`, { parentId: parent }), 422, 'TREE_CYCLE', label);
      }
      const tooDeep = await admin('PATCH', `/api/admin/categories/${mid}`, { parentId: cat['construction.property'] });
      refused(tooDeep, 400, 'VALIDATION_FAILED', 'level 2 + its leaf under a level-2 category would make four levels');
      refused(await admin('PATCH', `/api/admin/categories/${mid}`, { parentId: randomUUID() }), 422, 'UNKNOWN_CATEGORY');
      refused(await admin('PATCH', `/api/admin/categories/${mid}`, { parentId: other.category }), 422, 'UNKNOWN_CATEGORY', 'another jurisdiction\'s category');
    });
    const moved = await admin('PATCH', `/api/admin/categories/${mid}`, { parentId: cat.construction });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual([moved.body.parentId, moved.body.level], [cat.construction, 2]);
    const toTop = await admin('PATCH', `/api/admin/categories/${mid}`, { parentId: null });
    assert.deepEqual([toTop.body.parentId, toTop.body.level], [null, 1]);
    const items = (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items;
    assert.equal(items.find((c: { id: string }) => c.id === leaf).level, 2, 'the leaf moved up with it');
  });

  it('an inactive category (and its branch) is refused at intake but kept in history; reactivated, it is offered again', async () => {
    const top = (await admin('POST', '/api/admin/categories', { key: 'off-top', name: '停用一级' })).body.id;
    const leaf = (await admin('POST', '/api/admin/categories', { key: 'off-leaf', name: '停用二级', parentId: top })).body.id;
    const earlier = await registered({ categoryId: leaf });
    const off = await admin('PATCH', `/api/admin/categories/${top}`, { active: false });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(off.body.active, false);
    await nothingWritten(async () => {
      for (const id of [top, leaf]) refused(await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ categoryId: id }) }), 422, 'UNKNOWN_CATEGORY', 'the very next intake');
    });
    const items = (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items;
    assert.deepEqual(items.filter((c: { id: string }) => c.id === top || c.id === leaf).map((c: { active: boolean }) => c.active), [false, false], 'listed, inactive');
    const old = await s.api('GET', `/api/appeals/${earlier}`, { token: tokens.agent });
    assert.equal(old.body.categoryId, leaf, 'an earlier appeal keeps its category');
    const [audit] = (await audits(top)).filter((a) => a.action === 'update_category');
    assert.deepEqual(audit!.detail.deactivatedSubCategories, [leaf]);

    refused(await admin('PATCH', `/api/admin/categories/${leaf}`, { active: true }), 422, 'PARENT_INACTIVE', 'not under an inactive parent');
    const loose = (await admin('POST', '/api/admin/categories', { key: 'off-loose', name: '待移动' })).body.id;
    refused(await admin('PATCH', `/api/admin/categories/${loose}`, { parentId: top }), 422, 'PARENT_INACTIVE', 'no active category moves under an inactive one');
    assert.equal((await admin('PATCH', `/api/admin/categories/${top}`, { active: true })).status, 200);
    refused(await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ categoryId: leaf }) }), 422, 'UNKNOWN_CATEGORY', 'the sub-category stays inactive until reactivated itself');
    assert.equal((await admin('PATCH', `/api/admin/categories/${leaf}`, { active: true })).status, 200);
    assert.equal((await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ categoryId: leaf }) })).status, 201);
  });

  it('bad input is 400 with a stable code, unknown or foreign ids are 404, and nothing is written', () => nothingWritten(async () => {
    const adminId = (await admin('GET', '/api/admin/users')).body.items.find((u: { username: string }) => u.username === 'agent').id;
    const paths = { unit: `/api/admin/units/${s.unit('dept-zhujian')}`, user: `/api/admin/users/${adminId}`, category: `/api/admin/categories/${cat.construction}` };
    const bad: [string, unknown, string][] = [
      [paths.unit, {}, 'empty'], [paths.unit, { name: '' }, 'empty name'], [paths.unit, { name: 42 }, 'wrong type'], [paths.unit, { active: 'false' }, 'string boolean'],
      [paths.unit, { kind: 'ministry' }, 'unknown kind'], [paths.unit, { parentId: 'centre' }, 'not a uuid'], [paths.unit, { parentId: null }, 'no null parent'],
      [paths.unit, { key: 'renamed' }, 'key not editable'], [paths.unit, { areaCodes: ['abc'] }, 'bad area code'], [paths.unit, { phone: 'x'.repeat(51) }, 'too long'],
      [paths.unit, [], 'array body'], [paths.unit, null, 'null body'],
      [paths.user, {}, 'empty'], [paths.user, { active: 0 }, 'number boolean'], [paths.user, { password: 'new-password-1' }, 'password goes to its own endpoint'],
      [paths.category, {}, 'empty'], [paths.category, { level: 2 }, 'level is derived'], [paths.category, { defaultKind: 'gossip' }, 'unknown kind'],
      [paths.category, { keywords: ['x'.repeat(21)] }, 'long keyword'], [paths.category, { name: '   ' }, 'blank name'],
    ];
    for (const [path, body, label] of bad) refused(await admin('PATCH', path, body), 400, 'VALIDATION_FAILED', `${path} ${label}`);
    refused(await s.api('PATCH', paths.unit, { token: tokens.admin, rawBody: '{"name": ', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
    for (const kind of ['units', 'users', 'categories']) {
      refused(await admin('PATCH', `/api/admin/${kind}/not-a-uuid`, { active: true }), 400, 'VALIDATION_FAILED', `${kind} bad id`);
      refused(await admin('PATCH', `/api/admin/${kind}/${randomUUID()}`, { active: true }), 404, 'NOT_FOUND', `${kind} unknown id`);
    }
    refused(await admin('PATCH', `/api/admin/units/${other.unit}`, { name: '越权' }), 404, 'NOT_FOUND', 'another jurisdiction\'s unit');
    refused(await admin('PATCH', `/api/admin/users/${other.user}`, { active: false }), 404, 'NOT_FOUND', 'another jurisdiction\'s user');
    refused(await admin('PATCH', `/api/admin/categories/${other.category}`, { name: '越权' }), 404, 'NOT_FOUND', 'another jurisdiction\'s category');
  }));
  it('a new community is added under a street and an area renamed; codes are checked, audited, and usable at once', async () => {
    const added = await admin('POST', '/api/admin/areas', { parentCode: '370812001', code: '370812001901', name: '鼓楼街道新城社区居民委员会', shortName: '新城社区' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual(added.body, { code: '370812001901', name: '鼓楼街道新城社区居民委员会', shortName: '新城社区', level: 'community', parentCode: '370812001' });
    const found = await s.api('GET', '/api/areas?q=新城社区', { token: tokens.agent });
    assert.ok(found.body.items.some((a: { code: string }) => a.code === '370812001901'));
    // The runtime knows the new code at once: an appeal can be registered there.
    const appeal = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ areaCode: '370812001901' }) });
    assert.equal(appeal.status, 201, JSON.stringify(appeal.body));
    const renamed = await admin('PATCH', '/api/admin/areas/370812001901', { name: '鼓楼街道新城社区', shortName: '新城' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.shortName, '新城');
    const audit = await queryRows<{ action: string }>(s.deps.database.db, sql`SELECT action FROM audit_log WHERE target_type = 'area' ORDER BY at`);
    assert.deepEqual(audit.map((a) => a.action), ['add_area', 'rename_area']);
  });

  it('bad areas are refused with a code and nothing is written', () => nothingWritten(async () => {
    refused(await admin('POST', '/api/admin/areas', { parentCode: '370812001', code: '370812001901', name: '重复' }), 409, 'DUPLICATE_CODE', 'taken');
    refused(await admin('POST', '/api/admin/areas', { parentCode: '370812001', code: '370812002999', name: '错街道' }), 400, 'VALIDATION_FAILED', 'other street prefix');
    refused(await admin('POST', '/api/admin/areas', { parentCode: '370812', code: '370812999', name: '新街道' }), 400, 'VALIDATION_FAILED', 'under the county');
    refused(await admin('POST', '/api/admin/areas', { parentCode: '370812999', code: '370812999001', name: '无' }), 422, 'UNKNOWN_AREA', 'unknown street');
    refused(await admin('POST', '/api/admin/areas', { parentCode: '370812001', code: '370812001902', name: '  ' }), 400, 'VALIDATION_FAILED', 'blank');
    refused(await admin('PATCH', '/api/admin/areas/370800', { name: '济宁' }), 404, 'NOT_FOUND', 'the city is not ours to name');
    refused(await as('supervisor')('PATCH', '/api/admin/areas/370812001', { name: '鼓楼' }), 403, 'FORBIDDEN', 'not an admin');
  }));
});
