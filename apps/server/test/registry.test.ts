import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { refused, walkToCallback } from './portal-helpers';

/** 群众工作台账 over HTTP (issue 8, modules 1, 2, 5): roster (AB岗, swaps, on duty, 首问), receptions, diaries. */
describe('mass-work registry over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const users = ['agent', 'agent2', 'dispatcher', 'supervisor', 'callback', 'leader', 'admin', 'zhujian.handler', 'zhujian.leader', 'zhujian.handler', 'gulou.leader', 'xinyi.leader'];

  before(async () => {
    s = await startTestServer();
    for (const u of users) tokens[u] = await s.login(u);
    for (const r of await queryRows<{ id: string; username: string }>(s.deps.database.db, sql`SELECT id, username FROM users WHERE jurisdiction_id = '370812'`)) ids[r.username] = r.id;
  });
  after(() => s.close());

  const at = (iso: string) => new Date(iso).toISOString();

  it('roster: AB岗 enforced, editors only, on duty now for intake', async () => {
    const base = { post: '话务二席', startsAt: at('2026-12-01T08:00:00+08:00'), endsAt: at('2026-12-01T16:00:00+08:00'), aUserId: ids.agent, bUserId: ids.agent2 };
    refused(await s.api('POST', '/api/registry/shifts', { token: tokens.agent, body: base }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/registry/shifts', { token: tokens.admin, body: { ...base, bUserId: undefined } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/registry/shifts', { token: tokens.admin, body: { ...base, bUserId: ids.agent } }), 422, 'BACKUP_REQUIRED');
    refused(await s.api('POST', '/api/registry/shifts', { token: tokens.admin, body: { ...base, endsAt: base.startsAt } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/registry/shifts', { token: tokens.admin, body: { ...base, aUserId: '00000000-0000-4000-8000-000000000000' } }), 422, 'UNKNOWN_USER');
    const created = await s.api('POST', '/api/registry/shifts', { token: tokens.supervisor, body: base });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.a.name, '孙晓静');
    assert.equal(created.body.b.name, '韩冬梅');
    // The same person on an overlapping post (as A or as B) is a conflict.
    refused(await s.api('POST', '/api/registry/shifts', { token: tokens.admin, body: { ...base, post: '值班长', aUserId: ids.dispatcher, bUserId: ids.agent2, startsAt: at('2026-12-01T12:00:00+08:00'), endsAt: at('2026-12-01T20:00:00+08:00') } }), 409, 'ROSTER_OVERLAP');
    // The demo roster covers today: someone is on duty now, with a named backup; every role may ask.
    const duty = await s.api('GET', '/api/registry/on-duty', { token: tokens['zhujian.handler'] });
    assert.equal(duty.status, 200);
    assert.ok(duty.body.items.length >= 2);
    assert.ok(duty.body.items.every((x: { a: { name: string }; b: { name: string } }) => x.a.name && x.b.name && x.a.name !== x.b.name));
    const roster = await s.api('GET', '/api/registry/shifts', { token: tokens.agent });
    assert.equal(roster.status, 200);
    assert.deepEqual(roster.body.problems, []);
    refused(await s.api('GET', '/api/registry/shifts', { token: tokens['zhujian.handler'] }), 403, 'FORBIDDEN');
  });

  it('swaps: the slot holder asks, an editor approves once, the roster changes', async () => {
    const shift = (await s.api('POST', '/api/registry/shifts', { token: tokens.admin, body: { post: '话务三席', startsAt: at('2026-12-05T08:00:00+08:00'), endsAt: at('2026-12-05T12:00:00+08:00'), aUserId: ids.agent, bUserId: ids.agent2 } })).body;
    refused(await s.api('POST', `/api/registry/shifts/${shift.id}/swaps`, { token: tokens.agent2, body: { slot: 'a', toUserId: ids.dispatcher } }), 403, 'FORBIDDEN');
    refused(await s.api('POST', `/api/registry/shifts/${shift.id}/swaps`, { token: tokens.agent, body: { slot: 'a', toUserId: ids.agent2 } }), 422, 'BACKUP_REQUIRED');
    refused(await s.api('POST', `/api/registry/shifts/${shift.id}/swaps`, { token: tokens.agent, body: { slot: 'c', toUserId: ids.dispatcher } }), 400, 'VALIDATION_FAILED');
    const swap = await s.api('POST', `/api/registry/shifts/${shift.id}/swaps`, { token: tokens.agent, body: { slot: 'a', toUserId: ids.dispatcher, reason: '家中有事' } });
    assert.equal(swap.status, 201, JSON.stringify(swap.body));
    assert.equal(swap.body.status, 'pending');
    refused(await s.api('POST', `/api/registry/swaps/${swap.body.id}/decision`, { token: tokens.agent, body: { decision: 'approve' } }), 403, 'FORBIDDEN');
    const ok = await s.api('POST', `/api/registry/swaps/${swap.body.id}/decision`, { token: tokens.supervisor, body: { decision: 'approve' } });
    assert.equal(ok.body.status, 'approved');
    refused(await s.api('POST', `/api/registry/swaps/${swap.body.id}/decision`, { token: tokens.admin, body: { decision: 'reject' } }), 409, 'SWAP_DECIDED');
    const roster = await s.api('GET', `/api/registry/shifts?from=${encodeURIComponent(at('2026-12-05T00:00:00+08:00'))}&to=${encodeURIComponent(at('2026-12-06T00:00:00+08:00'))}`, { token: tokens.agent });
    assert.equal(roster.body.items.find((x: { id: string }) => x.id === shift.id).a.name, '刘振华');
  });

  it('swaps: approving after the shift was edited never breaks AB岗 nor moves someone else off the slot', async () => {
    const shift = (await s.api('POST', '/api/registry/shifts', { token: tokens.admin, body: { post: '话务四席', startsAt: at('2026-12-06T08:00:00+08:00'), endsAt: at('2026-12-06T12:00:00+08:00'), aUserId: ids.agent, bUserId: ids.agent2 } })).body;
    // A asks to hand the slot to the dispatcher; meanwhile the editor makes the dispatcher the B person.
    const toB = (await s.api('POST', `/api/registry/shifts/${shift.id}/swaps`, { token: tokens.agent, body: { slot: 'a', toUserId: ids.dispatcher } })).body;
    assert.equal((await s.api('PATCH', `/api/registry/shifts/${shift.id}`, { token: tokens.admin, body: { bUserId: ids.dispatcher } })).status, 200);
    refused(await s.api('POST', `/api/registry/swaps/${toB.id}/decision`, { token: tokens.supervisor, body: { decision: 'approve' } }), 422, 'BACKUP_REQUIRED');
    // A asks again; the editor then puts someone else on A: approving would move that person off, so it is refused.
    const stale = (await s.api('POST', `/api/registry/shifts/${shift.id}/swaps`, { token: tokens.agent, body: { slot: 'a', toUserId: ids.callback } })).body;
    assert.equal((await s.api('PATCH', `/api/registry/shifts/${shift.id}`, { token: tokens.admin, body: { aUserId: ids.agent2 } })).status, 200);
    refused(await s.api('POST', `/api/registry/swaps/${stale.id}/decision`, { token: tokens.supervisor, body: { decision: 'approve' } }), 409, 'ILLEGAL_TRANSITION');
    // Both can still be rejected, and the shift is as the editor left it.
    assert.equal((await s.api('POST', `/api/registry/swaps/${toB.id}/decision`, { token: tokens.supervisor, body: { decision: 'reject' } })).body.status, 'rejected');
    const roster = await s.api('GET', `/api/registry/shifts?from=${encodeURIComponent(at('2026-12-06T00:00:00+08:00'))}&to=${encodeURIComponent(at('2026-12-07T00:00:00+08:00'))}`, { token: tokens.agent });
    const now = roster.body.items.find((x: { id: string }) => x.id === shift.id);
    assert.deepEqual([now.a.userId, now.b.userId], [ids.agent2, ids.dispatcher]);
  });

  it('first inquiry: the intake agent stays accountable until dispatch, read from the registration event', async () => {
    const reg = await s.api('POST', '/api/appeals', { token: tokens.agent, body: { channel: 'phone_12345', kind: 'help', title: '路灯不亮', content: '建设路东段路灯连续一周不亮，夜间出行不便。' } });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const first = await s.api('GET', `/api/registry/first-inquiry/${reg.body.id}`, { token: tokens.dispatcher });
    assert.equal(first.status, 200);
    assert.equal(first.body.receiver.name, '孙晓静');
    assert.equal(first.body.accountable, true);
    const mine = await s.api('GET', '/api/registry/first-inquiries', { token: tokens.agent });
    assert.ok(mine.body.items.some((x: { appealId: string }) => x.appealId === reg.body.id));
    refused(await s.api('GET', `/api/registry/first-inquiry/${reg.body.id}`, { token: tokens['zhujian.handler'] }), 404, 'NOT_FOUND');
    refused(await s.api('GET', '/api/registry/first-inquiry/not-an-id', { token: tokens.agent }), 400, 'VALIDATION_FAILED');
  });

  it('recurring receptions feed the portal directory; coverage of working days', async () => {
    const body = { kind: 'leader_reception', leaderName: '钱志远', leaderTitle: '副区长', recurrence: { freq: 'weekly', weekday: 3 }, startTime: '09:00', endTime: '11:00', place: '区群众来访接待中心' };
    refused(await s.api('POST', '/api/registry/reception-rules', { token: tokens.agent, body }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body: { ...body, recurrence: { freq: 'monthly', nth: 0, weekday: 2 } } }), 422, 'INVALID_RECURRENCE');
    refused(await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body: { ...body, recurrence: { freq: 'yearly' } } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body: { ...body, endTime: '08:00' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body: { ...body, leaderUserId: ids.agent } }), 422, 'NOT_A_LEADER');
    const rule = await s.api('POST', '/api/registry/reception-rules', { token: tokens.admin, body });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    assert.equal(rule.body.scheduled, 4, 'four Wednesdays in the 28-day horizon');
    const dir = async () => ((await s.api('GET', '/api/portal/directory')).body.schedules as { leaderName: string; startsAt: string }[]).filter((x) => x.leaderName === '钱志远');
    const shown = await dir();
    assert.equal(shown.length, 4);
    assert.equal(shown[0]!.startsAt, at('2026-11-25T09:00:00+08:00'));
    // Expanding again (the hourly job) adds nothing.
    const { expandReceptionRules } = await import('../src/modules/registry/use-cases/expand-reception-rules');
    assert.equal(await expandReceptionRules(s.deps, '370812'), 0);
    const off = await s.api('PATCH', `/api/registry/reception-rules/${rule.body.id}`, { token: tokens.admin, body: { active: false } });
    assert.equal(off.body.active, false);
    assert.equal((await dir()).length, 0);
    // The demo's every-working-day rule covers the rest of November (from today, 23 Nov, on).
    const cov = await s.api('GET', '/api/registry/reception-coverage?month=2026-12', { token: tokens.leader });
    assert.equal(cov.status, 200);
    assert.equal(cov.body.workingDays, 23);
    assert.ok(cov.body.uncoveredDays.length > 0, 'December is only expanded 28 days ahead');
    assert.ok(cov.body.uncoveredDays.every((d: string) => d >= '2026-12-21'));
    refused(await s.api('GET', '/api/registry/reception-coverage?month=2026-13', { token: tokens.leader }), 400, 'VALIDATION_FAILED');
  });

  it('a reception matter becomes an appeal; its reply and closure are reported on the session; minutes', async () => {
    const session = await s.api('POST', '/api/registry/sessions', { token: tokens.dispatcher, body: { kind: 'leader_reception', leaderUserId: ids.leader, heldAt: at('2026-11-23T09:30:00+08:00'), place: '接待中心' } });
    assert.equal(session.status, 201, JSON.stringify(session.body));
    refused(await s.api('POST', '/api/registry/sessions', { token: tokens.dispatcher, body: { kind: 'leader_reception', leaderUserId: ids.agent, heldAt: at('2026-11-23T09:30:00+08:00') } }), 422, 'NOT_A_LEADER');
    refused(await s.api('POST', '/api/registry/sessions', { token: tokens['zhujian.handler'], body: { kind: 'leader_reception', leaderUserId: ids.leader, heldAt: at('2026-11-23T09:30:00+08:00') } }), 403, 'FORBIDDEN');
    const matterUrl = `/api/registry/sessions/${session.body.id}/matters`;
    refused(await s.api('POST', matterUrl, { token: tokens.dispatcher, body: { content: '  ' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', matterUrl, { token: tokens.dispatcher, body: { content: '噪音', visitorPhone: '123' } }), 422, 'INVALID_PHONE');
    refused(await s.api('POST', matterUrl, { token: tokens.dispatcher, body: { content: '噪音', assignedUnitId: '00000000-0000-4000-8000-000000000000' } }), 422, 'UNKNOWN_UNIT');
    const added = await s.api('POST', matterUrl, { token: tokens.dispatcher, body: { content: '小区门口夜间施工噪音扰民，希望督促文明施工。', visitorName: '王建华', visitorCount: 2, kind: 'complaint', assignedUnitId: s.unit('dept-zhujian') } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const matter = added.body.matters[0];
    assert.equal(matter.visitorName, '王**');
    assert.equal(matter.assignedUnitName, added.body.matters[0].assignedUnitName);
    assert.equal(matter.dueAt, at('2026-12-14T17:30:00+08:00'), '15 working days from the session');
    const appeal = await s.api('GET', `/api/appeals/${matter.appealId}`, { token: tokens.dispatcher });
    assert.equal(appeal.body.channel, 'leader_reception');
    // The appeal runs its ordinary course; the leader sees the reply, then the closure.
    await walkToCallback(s, tokens, matter.appealId);
    const replied = await s.api('GET', `/api/registry/sessions/${session.body.id}`, { token: tokens.leader });
    assert.match(replied.body.matters[0].result.text, /施工单位已停止夜间作业/);
    assert.equal(replied.body.matters[0].closedAt, null);
    const cb = await s.api('POST', `/api/appeals/${matter.appealId}/transitions`, { token: tokens.callback, body: { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true } });
    assert.equal(cb.status, 200, JSON.stringify(cb.body));
    assert.equal((await s.api('POST', `/api/appeals/${matter.appealId}/transitions`, { token: tokens.callback, body: { action: 'close' } })).status, 200);
    const closed = await s.api('GET', `/api/registry/sessions/${session.body.id}`, { token: tokens.leader });
    assert.equal(closed.body.matters[0].status, 'closed', JSON.stringify(closed.body.matters[0]));
    assert.ok(closed.body.matters[0].closedAt);
    assert.equal(closed.body.closedMatters, 1);
    const minutes = await s.api('GET', `/api/registry/sessions/${session.body.id}/minutes`, { token: tokens.leader });
    assert.match(minutes.body.text, /^领导接访纪要/);
    assert.match(minutes.body.text, new RegExp(`转为诉求 ${matter.number}`));
    assert.doesNotMatch(minutes.body.text, /王建华/, 'the visitor is masked in the minutes');
    // Outside the centre, a department's handler does not see the session at all.
    refused(await s.api('GET', `/api/registry/sessions/${session.body.id}`, { token: tokens['zhujian.handler'] }), 404, 'NOT_FOUND');
  });

  it('包案: a named leader owns a case and records progress', async () => {
    refused(await s.api('POST', '/api/registry/cases', { token: tokens.admin, body: { leaderUserId: ids.agent, title: '历史遗留问题' } }), 422, 'NOT_A_LEADER');
    const c = await s.api('POST', '/api/registry/cases', { token: tokens.admin, body: { leaderUserId: ids['zhujian.leader'], title: '某小区房产证办理遗留问题' } });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    refused(await s.api('POST', `/api/registry/cases/${c.body.id}/progress`, { token: tokens['gulou.leader'], body: { note: 'x' } }), 404, 'NOT_FOUND');
    const p = await s.api('POST', `/api/registry/cases/${c.body.id}/progress`, { token: tokens['zhujian.leader'], body: { note: '已召开协调会', resolved: true } });
    assert.equal(p.body.status, 'resolved');
    assert.equal(p.body.progress[0].note, '已召开协调会');
    const mine = await s.api('GET', '/api/registry/cases', { token: tokens['zhujian.leader'] });
    assert.ok(mine.body.items.every((x: { leaderUserId: string }) => x.leaderUserId === ids['zhujian.leader']));
  });

  it('民情日记: leaders write, scope by unit, monthly compliance on known data, a need becomes an appeal once', async () => {
    const entry = { visitDate: '2026-11-20', place: '新驿镇某村', peopleMet: '村支书', needsHeard: '村道破损，雨天积水。', plan: '协调交通局维修' };
    refused(await s.api('POST', '/api/registry/diaries', { token: tokens.agent, body: entry }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/registry/diaries', { token: tokens['xinyi.leader'], body: { ...entry, visitDate: '2026-11-31' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/registry/diaries', { token: tokens['xinyi.leader'], body: { ...entry, visitDate: '2026-11-30' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/registry/diaries', { token: tokens['xinyi.leader'], body: { ...entry, needsHeard: '' } }), 400, 'VALIDATION_FAILED');
    const written = await s.api('POST', '/api/registry/diaries', { token: tokens['xinyi.leader'], body: entry });
    assert.equal(written.status, 201, JSON.stringify(written.body));
    // Another street's leader does not see it; the centre's leader does.
    assert.ok(!(await s.api('GET', '/api/registry/diaries?month=2026-11', { token: tokens['gulou.leader'] })).body.items.some((x: { id: string }) => x.id === written.body.id));
    assert.ok((await s.api('GET', '/api/registry/diaries?month=2026-11', { token: tokens.leader })).body.items.some((x: { id: string }) => x.id === written.body.id));
    // Known data: demo entries this month by 王建国 (leader) and 朱宏伟 (gulou.leader), now 许德胜 (xinyi.leader);
    // 吴国庆's demo entry is last month. Six leaders in all.
    const report = await s.api('GET', '/api/registry/diary-compliance?month=2026-11', { token: tokens.supervisor });
    assert.equal(report.status, 200);
    assert.equal(report.body.visitDate, '2026-11-28');
    assert.equal(report.body.rows.length, 6);
    assert.equal(report.body.compliantLeaders, 3);
    assert.equal(report.body.rate, 3 / 6);
    const xinyi = report.body.rows.find((r: { userId: string }) => r.userId === ids['xinyi.leader']);
    assert.deepEqual({ entries: xinyi.entries, compliant: xinyi.compliant }, { entries: 1, compliant: true });
    assert.equal(report.body.rows.find((r: { userId: string }) => r.userId === ids['zhujian.leader']).compliant, false);
    // A unit leader sees their own subtree only; a handler is refused.
    const own = await s.api('GET', '/api/registry/diary-compliance?month=2026-11', { token: tokens['gulou.leader'] });
    assert.deepEqual(own.body.rows.map((r: { userId: string }) => r.userId), [ids['gulou.leader']]);
    refused(await s.api('GET', '/api/registry/diary-compliance', { token: tokens['zhujian.handler'] }), 403, 'FORBIDDEN');
    // To an appeal: the author only, once.
    refused(await s.api('POST', `/api/registry/diaries/${written.body.id}/to-appeal`, { token: tokens.leader, body: {} }), 403, 'FORBIDDEN');
    const conv = await s.api('POST', `/api/registry/diaries/${written.body.id}/to-appeal`, { token: tokens['xinyi.leader'], body: { kind: 'help' } });
    assert.equal(conv.status, 201, JSON.stringify(conv.body));
    assert.ok(conv.body.appealId);
    assert.match(conv.body.number, /^YZ/);
    refused(await s.api('POST', `/api/registry/diaries/${written.body.id}/to-appeal`, { token: tokens['xinyi.leader'], body: {} }), 409, 'ALREADY_CONVERTED');
    const [audit] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'registry_to_appeal' AND actor_user_id = ${ids['xinyi.leader']}`);
    assert.equal(audit!.n, 1);
    // Two clicks at once: one appeal; the other click is refused and leaves nothing behind (no appeal, no audit line).
    const twice = await s.api('POST', '/api/registry/diaries', { token: tokens['xinyi.leader'], body: { ...entry, needsHeard: '路口红绿灯时长太短，老人过马路来不及。' } });
    assert.equal(twice.status, 201, JSON.stringify(twice.body));
    const appealsBefore = (await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM appeals`))[0]!.n;
    const clicks = await Promise.all([1, 2].map(() => s.api('POST', `/api/registry/diaries/${twice.body.id}/to-appeal`, { token: tokens['xinyi.leader'], body: {} })));
    assert.deepEqual(clicks.map((c) => c.status).sort(), [201, 409], JSON.stringify(clicks.map((c) => c.body)));
    assert.equal((await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM appeals`))[0]!.n, appealsBefore + 1);
    const [audits] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'registry_to_appeal' AND target_id = ${twice.body.id}`);
    assert.equal(audits!.n, 1);
  });
});
