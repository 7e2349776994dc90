import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { refused } from './portal-helpers';
import { sweepProxyDeadlines } from '../src/modules/proxy-services/use-cases/sweep-proxy-deadlines';
import { renderMessage } from '../src/modules/notifications/render-message';
import { Worker } from '../src/jobs/worker';

/**
 * 代办件 deadlines: at 75 % of the promised working days the handling unit is warned once, past the deadline it is
 * told once and the request is marked; two sweeps (or two workers) at once notify once. The clock starts Monday
 * 2026-11-23 09:00.
 */
const JID = '370812';
const local = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

describe('proxy request deadline sweep', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let late = { id: '', number: '', queryCode: '' };
  let onTime = { id: '', number: '' };

  const sent = async (number: string) => queryRows<{ template: string; recipient_unit_id: string; audience: string; channel: string; params: Record<string, string> }>(s.deps.database.db,
    sql`SELECT template, recipient_unit_id, audience, channel, params FROM notifications WHERE jurisdiction_id = ${JID} AND params->>'number' = ${number} ORDER BY created_at`);

  /** Sign in again after the clock moved (sessions expire while idle). */
  const relogin = async () => { for (const u of ['weiyuan.handler', 'gulou.handler', 'xinyi.handler']) tokens[u] = await s.login(u); };

  before(async () => {
    s = await startTestServer();
    await relogin();
    const items = (await s.api('GET', '/api/proxy/items', { token: tokens['weiyuan.handler'] })).body.items as { id: string; code: string }[];
    const q102 = items.find((i) => i.code === 'Q-102')!; // 3 working days
    const reg = async (name: string) => {
      const res = await s.api('POST', '/api/proxy/requests', { token: tokens['weiyuan.handler'], body: { itemId: q102.id, applicantName: name, applicantPhone: '13705372222' } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string; number: string; queryCode: string; dueAt: string };
    };
    late = await reg('孔繁荣');
    onTime = await reg('颜世英');
    assert.equal(late.number.length > 0 && (await reg('占位')).dueAt, new Date('2026-11-26T17:30:00+08:00').toISOString());
  });
  after(() => s.close());

  it('nothing is told while a request is on track', async () => {
    s.clock.now = local('2026-11-24', '09:00');
    assert.deepEqual(await sweepProxyDeadlines(s.deps, JID), { warned: 0, overdue: 0 });
    assert.deepEqual(await sent(late.number), []);
  });

  it('near the deadline the handling unit is warned once, even by two sweeps at once', async () => {
    await relogin();
    assert.equal((await s.api('POST', `/api/proxy/requests/${onTime.id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'start' } })).status, 200);
    const done = await s.api('POST', `/api/proxy/requests/${onTime.id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'complete', note: '优待证已送达。' } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    s.clock.now = local('2026-11-26', '10:00');
    const runs = await Promise.all([sweepProxyDeadlines(s.deps, JID), sweepProxyDeadlines(s.deps, JID)]);
    assert.ok(runs.reduce((n, r) => n + r.warned, 0) >= 1, JSON.stringify(runs));
    assert.deepEqual((await sent(late.number)).map((n) => [n.template, n.audience, n.channel, n.recipient_unit_id]), [['proxy_due_soon', 'unit', 'email', s.unit('station-370812001002')]]);
    await sweepProxyDeadlines(s.deps, JID);
    assert.equal((await sent(late.number)).length, 1, 'warned once');
    await relogin();
    const soon = await s.api('GET', '/api/proxy/requests?state=due_soon', { token: tokens['weiyuan.handler'] });
    assert.ok(soon.body.items.some((r: { id: string }) => r.id === late.id), 'listed as due soon');
  });

  it('past the deadline the request is marked and its unit told once, by racing sweeps and by two workers', async () => {
    s.clock.now = local('2026-11-27', '09:30');
    const runs = await Promise.all([sweepProxyDeadlines(s.deps, JID), sweepProxyDeadlines(s.deps, JID)]);
    const overdueOfLate = (await sent(late.number)).filter((n) => n.template === 'proxy_overdue');
    assert.equal(overdueOfLate.length, 1, JSON.stringify(runs));
    assert.equal(overdueOfLate[0]!.params.title, '老年人优待证办理');
    // Two workers ticking in the same minute run one deadline_sweep (appeals and proxy requests alike).
    s.clock.now = local('2026-11-27', '09:31');
    await Promise.all([new Worker(s.deps, 60_000).tick(), new Worker(s.deps, 60_000).tick()]);
    await new Worker(s.deps, 60_000).tick();
    assert.equal((await sent(late.number)).filter((n) => n.template === 'proxy_overdue').length, 1);
    const [row] = await queryRows<{ overdue_notified_at: Date | null; due_warned_at: Date | null; version: number }>(s.deps.database.db,
      sql`SELECT overdue_notified_at, due_warned_at, version FROM proxy_requests WHERE jurisdiction_id = ${JID} AND id = ${late.id}`);
    assert.ok(row?.overdue_notified_at && row.due_warned_at, JSON.stringify(row));
    assert.equal(row!.version, 1, 'a mark is not a step: a 代办员 acting on what they read is not refused');
    // The completed request and the paused demo request (补正材料) were never told anything.
    assert.deepEqual(await sent(onTime.number), []);
    const [paused] = await queryRows<{ number: string }>(s.deps.database.db, sql`SELECT number FROM proxy_requests WHERE jurisdiction_id = ${JID} AND status = 'awaiting_materials'`);
    assert.deepEqual(await sent(paused!.number), []);
  });

  it('the console filters overdue requests; the citizen sees 已超期 without staff names', async () => {
    await relogin();
    const overdue = await s.api('GET', '/api/proxy/requests?state=overdue', { token: tokens['gulou.handler'] });
    assert.equal(overdue.status, 200);
    const mine = overdue.body.items.find((r: { id: string }) => r.id === late.id);
    assert.ok(mine && mine.overdue && mine.overdueNotifiedAt, JSON.stringify(mine));
    assert.ok(overdue.body.items.every((r: { overdue: boolean }) => r.overdue), 'only overdue ones');
    assert.ok(!overdue.body.items.some((r: { id: string }) => r.id === onTime.id), 'the one done on time is not overdue');
    const open = (await s.api('GET', '/api/proxy/requests?state=open', { token: tokens['weiyuan.handler'] })).body.items as { closedAt: string | null }[];
    assert.ok(open.length > 0 && open.every((r) => r.closedAt === null), 'open ones only');
    assert.equal((await s.api('GET', '/api/proxy/requests?state=overdue', { token: tokens['xinyi.handler'] })).body.items.some((r: { id: string }) => r.id === late.id), false, 'another street does not see it');
    refused(await s.api('GET', '/api/proxy/requests?state=late', { token: tokens['weiyuan.handler'] }), 400, 'VALIDATION_FAILED');
    refused(await s.api('GET', '/api/proxy/requests?state=overdue&x=1', { token: tokens['weiyuan.handler'] }), 400, 'VALIDATION_FAILED');
    const tracked = await s.api('POST', '/api/portal/proxy-track', { body: { number: late.number, queryCode: late.queryCode } });
    assert.equal(tracked.status, 200);
    assert.equal(tracked.body.overdue, true);
    const text = JSON.stringify(tracked.body);
    for (const name of ['何春霞', '杨晓燕']) assert.ok(!text.includes(name), `no staff name (${name})`);
  });

  it('the unit message names the number, the item and the due date', () => {
    const msg = renderMessage('proxy_overdue', { number: 'DB202611230001', title: '老年人优待证办理', dueAt: new Date('2026-11-26T17:30:00+08:00').toISOString() },
      (d) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10));
    assert.match(msg.subject, /代办超期.*DB202611230001/);
    assert.match(msg.text, /老年人优待证办理.*2026-11-26/);
    assert.match(renderMessage('proxy_due_soon', { number: 'DB1', title: 'x' }, () => '').text, /即将届满/);
  });
});
