import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { startHttpSink } from './outbound-sinks';
import type { HttpSink } from './outbound-sinks';
import { Worker } from '../src/jobs/worker';
import { createOutbound } from '../src/modules/notifications/outbound';
import { verifyWebhookSignature } from '../src/modules/exchange/webhook-signature';

/**
 * Issue 3 §11, 上级转办: an upper platform transfers appeals through an API authenticated by its key, idempotent on
 * its own id, and hears of every public step through a signed webhook.
 */
const JID = '370812';

describe('upper-level platform exchange', () => {
  let s: TestServer;
  let receiver: HttpSink;
  let worker: Worker;
  const tokens: Record<string, string> = {};
  let platform: { id: string; apiKey: string; webhookSecret: string };

  const transfer = (externalId: string, overrides: Record<string, unknown> = {}) => ({
    externalId, title: '市平台转办：小区供暖温度不达标', content: '市12345平台转来：兖州区某小区居民反映室内温度长期低于18度，请核实处理并答复。',
    kind: 'complaint', areaCode: '370812003', citizen: { name: '张三', phone: '13905371234' },
    dueAt: new Date(s.clock.now.getTime() + 5 * 86_400_000).toISOString(), ...overrides,
  });
  const send = (body: unknown, key: string | null = platform.apiKey) =>
    s.api('POST', '/api/exchange/v1/appeals', { body, headers: key === null ? {} : { authorization: `Bearer ${key}` } });
  const countAppeals = async () => (await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM appeals WHERE jurisdiction_id = ${JID}`))[0]!.n;
  const byExternalId = (externalId: string) => queryRows<{ id: string; channel: string; external_source: string; external_due_at: Date | string; number: string }>(s.deps.database.db,
    sql`SELECT id, channel, external_source, external_due_at, number FROM appeals WHERE jurisdiction_id = ${JID} AND external_id = ${externalId}`);
  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
  }
  async function tick() {
    s.clock.now = new Date(s.clock.now.getTime() + 10_000);
    await worker.tick();
  }

  before(async () => {
    s = await startTestServer();
    receiver = await startHttpSink();
    worker = new Worker(s.deps, 60_000);
    s.deps.outbound = createOutbound(s.deps.config.notify, { log: () => undefined });
    for (const u of ['agent', 'dispatcher', 'admin']) tokens[u] = await s.login(u);
  });
  after(async () => { await s.close(); await receiver.close(); });

  it('an administrator registers a platform and sees its API key and signing secret once', async () => {
    const res = await s.api('POST', '/api/admin/upstream-platforms', { token: tokens.admin, body: { name: '济宁市12345平台', webhookUrl: `${receiver.url}/report` } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.apiKey, /^msx_370812_[A-Za-z0-9_-]{43}$/);
    assert.match(res.body.webhookSecret, /^[0-9a-f]{64}$/);
    platform = res.body;
    const list = await s.api('GET', '/api/admin/upstream-platforms', { token: tokens.admin });
    assert.deepEqual(list.body.items.map((p: any) => [p.id, p.name, p.active]), [[platform.id, '济宁市12345平台', true]]);
    assert.ok(!JSON.stringify(list.body).includes(platform.apiKey) && !JSON.stringify(list.body).includes(platform.webhookSecret));
    const [stored] = await queryRows<{ key_hash: string }>(s.deps.database.db, sql`SELECT key_hash FROM upstream_platforms WHERE jurisdiction_id = ${JID} AND id = ${platform.id}`);
    assert.notEqual(stored!.key_hash, platform.apiKey, 'only a hash of the key is stored');
    assert.equal((await s.api('POST', '/api/admin/upstream-platforms', { token: tokens.dispatcher, body: { name: 'x' } })).status, 403);
    assert.equal((await s.api('POST', '/api/admin/upstream-platforms', { token: tokens.admin, body: { name: 'x', webhookUrl: 'ftp://x' } })).status, 400);
  });

  it('no key, a wrong key, a staff session or a deactivated platform get 401 UNAUTHENTICATED and write nothing', async () => {
    const other = await s.api('POST', '/api/admin/upstream-platforms', { token: tokens.admin, body: { name: '旧平台' } });
    const off = await s.api('POST', `/api/admin/upstream-platforms/${other.body.id}/deactivate`, { token: tokens.admin });
    assert.equal(off.status, 200);
    assert.equal(off.body.active, false);
    const before = await countAppeals();
    for (const key of [null, 'msx_wrong', `msx_370812_${'A'.repeat(43)}`, tokens.admin, other.body.apiKey]) {
      const res = await send(transfer('DENIED-1'), key);
      assert.equal(res.status, 401, `key ${key}`);
      assert.equal(res.body.error.code, 'UNAUTHENTICATED');
    }
    assert.equal((await s.api('GET', '/api/exchange/v1/appeals/DENIED-1', { token: tokens.admin })).status, 401);
    assert.equal((await s.api('GET', '/api/appeals', { token: platform.apiKey })).status, 401, 'a platform key opens no staff route');
    assert.equal(await countAppeals(), before);
  });

  it('a bad body is refused with a stable code and writes nothing', async () => {
    const before = await countAppeals();
    const cases: [Record<string, unknown>, number, string][] = [
      [transfer('BAD-1', { dueAt: undefined }), 400, 'VALIDATION_FAILED'],
      [transfer('BAD-2', { dueAt: 'next week' }), 400, 'VALIDATION_FAILED'],
      [transfer('BAD-3', { dueAt: new Date(s.clock.now.getTime() - 1000).toISOString() }), 400, 'VALIDATION_FAILED'],
      [transfer('bad id with spaces'), 400, 'VALIDATION_FAILED'],
      [transfer('BAD-4', { kind: 'gossip' }), 400, 'VALIDATION_FAILED'],
      [transfer('BAD-5', { secretField: 1 }), 400, 'VALIDATION_FAILED'],
      [transfer('BAD-6', { citizen: { phone: '12' } }), 422, 'INVALID_PHONE'],
      [transfer('BAD-7', { categoryId: '00000000-0000-7000-8000-000000000000' }), 422, 'UNKNOWN_CATEGORY'],
    ];
    for (const [body, status, code] of cases) {
      const res = await send(body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.equal(res.body.error.code, code);
    }
    assert.equal(await countAppeals(), before);
  });

  let appealId = '';
  it('a transfer registers an appeal on the upper_transfer channel with the external id and deadline', async () => {
    const body = transfer('JN-2026-000123');
    const res = await send(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.externalId, 'JN-2026-000123');
    assert.equal(res.body.status, 'registered');
    assert.equal(res.body.dueAt, body.dueAt);
    assert.ok(!JSON.stringify(res.body).includes('13905371234') && !JSON.stringify(res.body).includes('张三'));
    const [row, ...more] = await byExternalId('JN-2026-000123');
    assert.equal(more.length, 0);
    assert.equal(row!.channel, 'upper_transfer');
    assert.equal(row!.external_source, platform.id);
    assert.equal(new Date(row!.external_due_at).toISOString(), body.dueAt);
    assert.equal(row!.number, res.body.number);
    appealId = row!.id;
    const status = await s.api('GET', '/api/exchange/v1/appeals/JN-2026-000123', { headers: { authorization: `Bearer ${platform.apiKey}` } });
    assert.equal(status.status, 200);
    assert.equal(status.body.number, res.body.number);
    assert.equal((await s.api('GET', '/api/exchange/v1/appeals/JN-UNKNOWN', { headers: { authorization: `Bearer ${platform.apiKey}` } })).status, 404);
  });

  it('a replay of the same externalId answers 200 with the same appeal and writes no second one', async () => {
    const before = await countAppeals();
    const res = await send(transfer('JN-2026-000123', { title: '重复推送' }));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal((await byExternalId('JN-2026-000123')).length, 1);
    assert.equal(res.body.number, (await byExternalId('JN-2026-000123'))[0]!.number);
    assert.equal(await countAppeals(), before);
  });

  it('five concurrent deliveries of one transfer make one appeal', async () => {
    const body = transfer('JN-2026-000777');
    const results = await Promise.all(Array.from({ length: 5 }, () => send(body)));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 200, 200, 200, 201], JSON.stringify(results.map((r) => r.body)));
    assert.equal(new Set(results.map((r) => r.body.number)).size, 1);
    assert.equal((await byExternalId('JN-2026-000777')).length, 1);
  });

  it('accept and dispatch are reported back to the platform webhook, signed, in order', async () => {
    await tick(); // the intake itself is not reported: the platform already knows it sent the appeal
    assert.equal(receiver.calls.length, 0);
    await act('agent', appealId, { action: 'accept' });
    await tick();
    await act('dispatcher', appealId, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await tick();
    const reports = receiver.calls.filter((c) => c.json?.externalId === 'JN-2026-000123');
    assert.deepEqual(reports.map((c) => [c.path, c.json.action, c.json.status]), [['/report', 'accept', 'accepted'], ['/report', 'dispatch', 'dispatched']]);
    for (const call of reports) {
      const expected = `sha256=${createHmac('sha256', platform.webhookSecret).update(call.body).digest('hex')}`;
      assert.equal(call.headers['x-minsheng-signature'], expected);
      assert.ok(verifyWebhookSignature(platform.webhookSecret, call.body, expected));
      assert.ok(!verifyWebhookSignature(platform.webhookSecret, call.body.replace(call.json.status, 'closed'), expected), 'a changed body fails verification');
      assert.ok(!call.body.includes('13905371234') && !call.body.includes('张三'), 'no personal data goes up');
    }
    assert.ok(reports[0]!.json.sequence < reports[1]!.json.sequence);
    assert.notEqual(reports[0]!.json.deliveryId, reports[1]!.json.deliveryId);
    const status = await s.api('GET', '/api/exchange/v1/appeals/JN-2026-000123', { headers: { authorization: `Bearer ${platform.apiKey}` } });
    assert.equal(status.body.status, 'dispatched');
  });

  it('a report the platform refuses is retried with the same delivery id and signature', async () => {
    const [other] = await byExternalId('JN-2026-000777');
    receiver.status = 500;
    await act('agent', other!.id, { action: 'accept' });
    await tick();
    const first = receiver.calls.filter((c) => c.json?.externalId === 'JN-2026-000777');
    assert.equal(first.length, 1);
    receiver.status = 200;
    await tick(); // the retry waits a minute
    assert.equal(receiver.calls.filter((c) => c.json?.externalId === 'JN-2026-000777').length, 1);
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    await tick();
    const calls = receiver.calls.filter((c) => c.json?.externalId === 'JN-2026-000777');
    assert.equal(calls.length, 2);
    assert.equal(calls[1]!.json.deliveryId, calls[0]!.json.deliveryId);
    const outbox = await s.api('GET', `/api/admin/notifications?appealId=${other!.id}`, { token: tokens.admin });
    assert.deepEqual(outbox.body.items.filter((n: any) => n.audience === 'upstream').map((n: any) => [n.status, n.attempts]), [['sent', 2]]);
  });

  it('a deactivated platform hears nothing more: its reports fail at once with the reason', async () => {
    const [other] = await byExternalId('JN-2026-000777');
    const before = receiver.calls.length;
    assert.equal((await s.api('POST', `/api/admin/upstream-platforms/${platform.id}/deactivate`, { token: tokens.admin })).status, 200);
    await act('dispatcher', other!.id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    await tick();
    assert.equal(receiver.calls.length, before);
    const outbox = await s.api('GET', `/api/admin/notifications?appealId=${other!.id}&status=failed`, { token: tokens.admin });
    assert.deepEqual(outbox.body.items.map((n: any) => [n.template, n.attempts, n.lastError]), [['upstream_status', 1, 'upstream platform unknown or deactivated']]);
    assert.equal((await send(transfer('JN-2026-000999'))).status, 401);
  });
});
