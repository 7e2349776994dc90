import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { refused } from './portal-helpers';

/** Issue 8 gaps: the staff list for roster editors; editing and cancelling reception schedules and sessions. */
describe('registry: staff list, editing and cancelling schedules and sessions', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const users = ['agent', 'dispatcher', 'supervisor', 'callback', 'leader', 'admin', 'zhujian.handler', 'zhujian.leader', 'gulou.leader'];
  const at = (iso: string) => new Date(iso).toISOString();
  const dir = async (leaderName: string) => ((await s.api('GET', '/api/portal/directory')).body.schedules as { leaderName: string; startsAt: string; place: string }[])
    .filter((x) => x.leaderName === leaderName);
  const audit = async (action: string, targetId: string) => queryRows<{ detail: Record<string, unknown>; actor_user_id: string }>(s.deps.database.db,
    sql`SELECT detail, actor_user_id FROM audit_log WHERE jurisdiction_id = '370812' AND action = ${action} AND target_id = ${targetId}`);

  before(async () => {
    s = await startTestServer();
    for (const u of users) tokens[u] = await s.login(u);
    for (const r of await queryRows<{ id: string; username: string }>(s.deps.database.db, sql`SELECT id, username FROM users WHERE jurisdiction_id = '370812'`)) ids[r.username] = r.id;
  });
  after(() => s.close());

  it('staff list: the roster and reception editors read names, units and roles only; others are refused; bad input is 400', async () => {
    for (const u of ['admin', 'supervisor', 'dispatcher', 'leader']) {
      const res = await s.api('GET', '/api/registry/staff', { token: tokens[u] });
      assert.equal(res.status, 200, `${u} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    for (const u of ['agent', 'callback', 'zhujian.handler', 'zhujian.leader', 'gulou.leader']) refused(await s.api('GET', '/api/registry/staff', { token: tokens[u] }), 403, 'FORBIDDEN', u);
    refused(await s.api('GET', '/api/registry/staff'), 401, 'UNAUTHENTICATED');
    const all = (await s.api('GET', '/api/registry/staff', { token: tokens.supervisor })).body;
    // Every active account of the jurisdiction: the centre's and the units' (scoped to the root unit's subtree).
    const [count] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(DISTINCT u.id)::int AS n FROM users u JOIN user_roles r ON r.jurisdiction_id = u.jurisdiction_id AND r.user_id = u.id WHERE u.jurisdiction_id = '370812' AND u.active`);
    assert.equal(all.items.length, count?.n);
    assert.equal(all.truncated, false);
    const zhou = all.items.find((x: { id: string }) => x.id === ids['zhujian.handler']);
    assert.deepEqual(Object.keys(zhou).sort(), ['displayName', 'id', 'leader', 'roles']);
    assert.deepEqual(zhou.roles.map((r: { role: string; unitName: string }) => [r.role, r.unitName]), [['handler', '区住建局']]);
    assert.ok(!JSON.stringify(all).match(/1[3-9][0-9]{9}/), 'no phone numbers');
    // Search by name; leaders only; a limit that cuts says so.
    const found = (await s.api('GET', `/api/registry/staff?q=${encodeURIComponent('文斌')}`, { token: tokens.dispatcher })).body.items;
    assert.deepEqual(found.map((x: { displayName: string }) => x.displayName), ['周文斌']);
    const leaders = (await s.api('GET', '/api/registry/staff?leaders=true', { token: tokens.admin })).body.items as { leader: boolean; id: string }[];
    assert.ok(leaders.length >= 3 && leaders.every((x) => x.leader) && leaders.some((x) => x.id === ids.leader), JSON.stringify(leaders));
    const cut = (await s.api('GET', '/api/registry/staff?limit=2', { token: tokens.admin })).body;
    assert.equal(cut.items.length, 2);
    assert.equal(cut.truncated, true);
    refused(await s.api('GET', `/api/registry/staff?q=${'长'.repeat(41)}`, { token: tokens.admin }), 400, 'VALIDATION_FAILED');
    refused(await s.api('GET', '/api/registry/staff?limit=0', { token: tokens.admin }), 400, 'VALIDATION_FAILED');
    refused(await s.api('GET', '/api/registry/staff?limit=abc', { token: tokens.admin }), 400, 'VALIDATION_FAILED');
    refused(await s.api('GET', '/api/registry/staff?phone=1', { token: tokens.admin }), 400, 'VALIDATION_FAILED');
  });

  it('the grassroots network numbers are settings the admin edits (partly, keeping the rest), validated by the server', async () => {
    const before = (await s.api('GET', '/api/admin/settings', { token: tokens.admin })).body.registry;
    assert.deepEqual([before.stationMinStaff, before.roomMinStaff, before.officersMinStreet, before.officersMinDepartment, before.officersMinCommunity], [5, 3, 3, 1, 3]);
    assert.equal(before.stationRequirements.length, 5, 'five haves');
    for (const bad of [{ stationMinStaff: -1 }, { roomMinStaff: 2.5 }, { officersMinStreet: 101 }, { stationRequirements: ['有场所'.repeat(10)] }, { roomRequirements: Array(11).fill('有人') }, { stationMinStaff: '5' }]) {
      refused(await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body: { registry: bad } }), 400, 'VALIDATION_FAILED', JSON.stringify(bad));
    }
    refused(await s.api('PUT', '/api/admin/settings', { token: tokens.supervisor, body: { registry: { officersMinStreet: 4 } } }), 403, 'FORBIDDEN');
    const put = await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body: { registry: { officersMinStreet: 4 } } });
    assert.equal(put.status, 200, JSON.stringify(put.body).slice(0, 300));
    assert.deepEqual([put.body.registry.officersMinStreet, put.body.registry.stationMinStaff, put.body.registry.stationRequirements], [4, 5, before.stationRequirements]);
    await s.api('PUT', '/api/admin/settings', { token: tokens.admin, body: { registry: { officersMinStreet: 3 } } });
  });

  it('editing a schedule re-publishes only its coming dates; a stale version is refused; cancelling withdraws them with a reason', async () => {
    const body = { kind: 'leader_reception', leaderName: '孙国平', leaderTitle: '副区长', recurrence: { freq: 'weekly', weekday: 1 }, startTime: '08:00', endTime: '11:00', place: '区来访接待中心' };
    const rule = (await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body })).body;
    assert.equal(rule.version, 1);
    // Today (Monday 23 Nov, 09:00) is under way: it stays as it was whatever the edit.
    const before = await dir('孙国平');
    assert.equal(before[0]!.startsAt, at('2026-11-23T08:00:00+08:00'));
    const url = `/api/registry/reception-rules/${rule.id}`;
    refused(await s.api('PATCH', url, { token: tokens.agent, body: { place: '二楼' } }), 403, 'FORBIDDEN');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { endTime: '07:00' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { startTime: '12:00' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { recurrence: { freq: 'monthly', nth: 0, weekday: 2 } } }), 422, 'INVALID_RECURRENCE');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { leaderUserId: ids.agent } }), 422, 'NOT_A_LEADER');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { unitId: '00000000-0000-4000-8000-000000000000' } }), 422, 'UNKNOWN_UNIT');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: {} }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { version: 1 } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PATCH', '/api/registry/reception-rules/00000000-0000-4000-8000-000000000000', { token: tokens.admin, body: { place: 'x' } }), 404, 'NOT_FOUND');
    assert.deepEqual((await dir('孙国平')).map((x) => x.place), before.map((x) => x.place), 'refused edits changed nothing');
    const edited = await s.api('PATCH', url, { token: tokens.supervisor, body: { recurrence: { freq: 'weekly', weekday: 4 }, place: '区来访接待中心二楼', version: 1 } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.equal(edited.body.version, 2);
    const after = await dir('孙国平');
    assert.equal(after[0]!.startsAt, at('2026-11-23T08:00:00+08:00'), 'the date under way is kept');
    assert.equal(after[0]!.place, '区来访接待中心');
    assert.deepEqual(after.slice(1).map((x) => new Date(x.startsAt).getUTCDay()), [4, 4, 4, 4], 'Thursdays from now on');
    assert.ok(after.slice(1).every((x) => x.place === '区来访接待中心二楼'), JSON.stringify(after));
    // Someone else's edit in between: the stale version is refused and nothing changes.
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { place: '旧版本', version: 1 } }), 409, 'EDIT_CONFLICT');
    assert.equal((await dir('孙国平')).filter((x) => x.place === '旧版本').length, 0);
    // Re-expanding (the hourly job) adds nothing more.
    const { expandReceptionRules } = await import('../src/modules/registry/use-cases/expand-reception-rules');
    assert.equal(await expandReceptionRules(s.deps, '370812'), 0);
    const cancelUrl = `${url}/cancel`;
    refused(await s.api('POST', cancelUrl, { token: tokens.admin, body: { reason: '   ' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', cancelUrl, { token: tokens.admin, body: {} }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', cancelUrl, { token: tokens['zhujian.leader'], body: { reason: '调整' } }), 403, 'FORBIDDEN');
    refused(await s.api('POST', cancelUrl, { token: tokens.admin, body: { reason: '调整', version: 1 } }), 409, 'EDIT_CONFLICT');
    const cancelled = await s.api('POST', cancelUrl, { token: tokens.admin, body: { reason: '领导分工调整', version: 2 } });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.active, false);
    assert.equal(cancelled.body.cancelReason, '领导分工调整');
    assert.deepEqual((await dir('孙国平')).map((x) => x.startsAt), [at('2026-11-23T08:00:00+08:00')], 'only the date under way is left');
    const [row] = await audit('cancel_reception_rule', rule.id);
    assert.deepEqual([row!.detail.reason, row!.actor_user_id], ['领导分工调整', ids.admin]);
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { active: true } }), 409, 'CANCELLED');
    refused(await s.api('PATCH', url, { token: tokens.admin, body: { place: '三楼' } }), 409, 'CANCELLED');
    refused(await s.api('POST', cancelUrl, { token: tokens.admin, body: { reason: '再取消' } }), 409, 'CANCELLED');
  });

  it('the old stop/restart still works through the same PATCH', async () => {
    const rule = (await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body: { kind: 'hotline', leaderName: '马立新', recurrence: { freq: 'weekly', weekday: 5 }, startTime: '15:00', endTime: '16:00' } })).body;
    const url = `/api/registry/reception-rules/${rule.id}`;
    assert.equal((await s.api('PATCH', url, { token: tokens.admin, body: { active: false } })).body.active, false);
    assert.equal((await dir('马立新')).length, 0);
    const on = await s.api('PATCH', url, { token: tokens.admin, body: { active: true, version: 2 } });
    assert.equal(on.body.active, true);
    assert.equal((await dir('马立新')).length, 4);
  });

  it('a session is edited by the centre or its leader; cancelling it takes its day off the portal, audited; no matters after', async () => {
    const rule = (await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body: { kind: 'leader_reception', leaderUserId: ids.leader, leaderName: '王建国', recurrence: { freq: 'weekly', weekday: 3 }, startTime: '09:00', endTime: '11:00', place: '接待中心' } })).body;
    const wednesdays = (await dir('王建国')).filter((x) => new Date(x.startsAt).getUTCDay() === 3 && x.place === '接待中心');
    assert.equal(wednesdays.length, 4);
    const session = (await s.api('POST', '/api/registry/sessions', { token: tokens.dispatcher, body: { kind: 'leader_reception', leaderUserId: ids.leader, heldAt: at('2026-12-02T09:00:00+08:00'), ruleId: rule.id, place: '接待中心' } })).body;
    assert.equal(session.version, 1);
    const url = `/api/registry/sessions/${session.id}`;
    refused(await s.api('PATCH', url, { token: tokens['zhujian.handler'], body: { place: '二楼' } }), 404, 'NOT_FOUND');
    refused(await s.api('PATCH', url, { token: tokens.dispatcher, body: { leaderUserId: ids.agent } }), 422, 'NOT_A_LEADER');
    refused(await s.api('PATCH', url, { token: tokens.dispatcher, body: { heldAt: 'tomorrow' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PATCH', url, { token: tokens.dispatcher, body: { unitId: '00000000-0000-4000-8000-000000000000' } }), 422, 'UNKNOWN_UNIT');
    // A unit's leader edits their own session, but may not hand it to someone else (the centre's call).
    const own = (await s.api('POST', '/api/registry/sessions', { token: tokens['gulou.leader'], body: { kind: 'leader_reception', leaderUserId: ids['gulou.leader'], heldAt: at('2026-11-23T14:00:00+08:00') } })).body;
    assert.equal((await s.api('PATCH', `/api/registry/sessions/${own.id}`, { token: tokens['gulou.leader'], body: { summary: '街道牵头协调' } })).body.summary, '街道牵头协调');
    refused(await s.api('PATCH', `/api/registry/sessions/${own.id}`, { token: tokens['gulou.leader'], body: { leaderUserId: ids.leader } }), 403, 'FORBIDDEN');
    refused(await s.api('POST', `/api/registry/sessions/${own.id}/cancel`, { token: tokens['zhujian.leader'], body: { reason: '不是我的' } }), 404, 'NOT_FOUND');
    const edited = await s.api('PATCH', url, { token: tokens.leader, body: { summary: '请住建局一周内答复', place: '接待中心一楼', version: 1 } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual([edited.body.summary, edited.body.place, edited.body.version], ['请住建局一周内答复', '接待中心一楼', 2]);
    refused(await s.api('PATCH', url, { token: tokens.dispatcher, body: { place: 'x', version: 1 } }), 409, 'EDIT_CONFLICT');
    refused(await s.api('POST', `${url}/cancel`, { token: tokens.dispatcher, body: { reason: '' } }), 400, 'VALIDATION_FAILED');
    const cancelled = await s.api('POST', `${url}/cancel`, { token: tokens.dispatcher, body: { reason: '领导临时参加防汛会议', version: 2 } });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.cancelReason, '领导临时参加防汛会议');
    assert.ok(cancelled.body.cancelledAt, 'cancelledAt is set');
    const shown = (await dir('王建国')).filter((x) => x.place === '接待中心').map((x) => x.startsAt);
    assert.ok(!shown.includes(at('2026-12-02T09:00:00+08:00')), '2 December is off the portal');
    assert.equal(shown.length, 3);
    const [row] = await audit('cancel_reception_session', session.id);
    assert.deepEqual([row!.detail.reason, row!.detail.withdrawn], ['领导临时参加防汛会议', true]);
    refused(await s.api('PATCH', url, { token: tokens.dispatcher, body: { place: 'x' } }), 409, 'CANCELLED');
    refused(await s.api('POST', `${url}/matters`, { token: tokens.dispatcher, body: { content: '噪音' } }), 409, 'CANCELLED');
    // Editing the rule afterwards keeps the cancelled day withdrawn.
    await s.api('PATCH', `/api/registry/reception-rules/${rule.id}`, { token: tokens.admin, body: { place: '接待中心' + '（东楼）' } });
    const again = (await dir('王建国')).filter((x) => x.place === '接待中心（东楼）').map((x) => x.startsAt);
    assert.equal(again.length, 3);
    assert.ok(!again.includes(at('2026-12-02T09:00:00+08:00')), 'still withdrawn after the edit');
    // The session stays in the registry, marked.
    const listed = (await s.api('GET', '/api/registry/sessions', { token: tokens.supervisor })).body.items.find((x: { id: string }) => x.id === session.id);
    assert.equal(listed.cancelReason, '领导临时参加防汛会议');
  });
});
