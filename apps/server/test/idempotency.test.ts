import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/** Idempotency-Key on POST /api/appeals: a retried intake never creates a second appeal. */
describe('Idempotency-Key on intake', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'agent2', 'dispatcher']) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  async function counts() {
    const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql`SELECT
      (SELECT count(*) FROM appeals) AS appeals, (SELECT count(*) FROM citizens) AS citizens,
      (SELECT count(*) FROM appeal_events) AS events, (SELECT count(*) FROM idempotency_keys) AS keys`);
    return { appeals: Number(row!.appeals), citizens: Number(row!.citizens), events: Number(row!.events), keys: Number(row!.keys) };
  }
  function post(user: string, key: string | undefined, body: unknown) {
    return s.api('POST', '/api/appeals', { token: tokens[user], body, headers: key === undefined ? {} : { 'idempotency-key': key } });
  }

  it('the same key and body twice make one appeal; the replay answers 200 with the same appeal', async () => {
    const before = await counts();
    const key = `intake-${randomUUID()}`;
    const body = intakeBody({ title: '幂等: 同一请求重试' });
    const first = await post('agent', key, body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const second = await post('agent', key, body);
    assert.equal(second.status, 200, JSON.stringify(second.body));
    for (const field of ['id', 'number', 'queryCode', 'title', 'status']) assert.equal(second.body[field], first.body[field], field);
    assert.equal(second.body.citizen.phone, '139****1234', 'the replay is masked like the original');
    const after = await counts();
    assert.deepEqual(after, { appeals: before.appeals + 1, citizens: after.citizens, events: before.events + 1, keys: before.keys + 1 });
  });

  it('a replay after the appeal moved on still points at the same appeal', async () => {
    const key = randomUUID();
    const body = intakeBody({ title: '幂等: 受理后重试' });
    const first = await post('agent', key, body);
    assert.equal(first.status, 201);
    const accepted = await s.api('POST', `/api/appeals/${first.body.id}/transitions`, { token: tokens.agent, body: { action: 'accept' } });
    assert.equal(accepted.status, 200);
    const before = await counts();
    const replay = await post('agent', key, body);
    assert.equal(replay.status, 200);
    assert.equal(replay.body.id, first.body.id);
    assert.equal(replay.body.status, 'accepted');
    assert.deepEqual(await counts(), before);
  });

  it('the same key with a different body is 409 IDEMPOTENCY_CONFLICT and writes nothing', async () => {
    const key = randomUUID();
    const first = await post('agent', key, intakeBody({ title: '幂等: 原始请求' }));
    assert.equal(first.status, 201);
    const before = await counts();
    for (const changed of [intakeBody({ title: '幂等: 改过的请求' }), intakeBody({ title: '幂等: 原始请求', urgency: 'urgent' }), intakeBody({ title: '幂等: 原始请求', citizen: undefined })]) {
      const res = await post('agent', key, changed);
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'IDEMPOTENCY_CONFLICT');
      assert.ok(res.body.error.message, 'a message');
      assert.equal(res.body.id, undefined);
    }
    assert.deepEqual(await counts(), before);
  });

  it('five concurrent identical requests make exactly one appeal', async () => {
    const before = await counts();
    const key = randomUUID();
    const body = intakeBody({ title: '幂等: 并发重复提交' });
    const all = await Promise.all(Array.from({ length: 5 }, () => post('agent', key, body)));
    const statuses = all.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 201], JSON.stringify(all.map((r) => r.body)));
    assert.equal(new Set(all.map((r) => r.body.id)).size, 1);
    assert.equal(new Set(all.map((r) => r.body.number)).size, 1);
    const after = await counts();
    assert.equal(after.appeals, before.appeals + 1);
    assert.equal(after.events, before.events + 1);
    assert.equal(after.keys, before.keys + 1);
  });

  it('concurrent requests with different keys (or none) each make their own appeal', async () => {
    const before = await counts();
    const body = intakeBody({ title: '幂等: 不同的键' });
    const all = await Promise.all([post('agent', randomUUID(), body), post('agent', randomUUID(), body), post('agent', undefined, body), post('agent', undefined, body)]);
    assert.deepEqual(all.map((r) => r.status), [201, 201, 201, 201]);
    assert.equal(new Set(all.map((r) => r.body.id)).size, 4);
    assert.equal(new Set(all.map((r) => r.body.number)).size, 4);
    assert.equal((await counts()).appeals, before.appeals + 4);
  });

  it('different users may use the same key independently', async () => {
    const key = 'shared-key-0001';
    const body = intakeBody({ title: '幂等: 两位话务员同一个键' });
    const a = await post('agent', key, body);
    const b = await post('agent2', key, body);
    const c = await post('dispatcher', key, intakeBody({ title: '幂等: 派单员同一个键, 另一请求' }));
    assert.deepEqual([a.status, b.status, c.status], [201, 201, 201]);
    assert.equal(new Set([a.body.id, b.body.id, c.body.id]).size, 3);
    const again = await post('agent2', key, body);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, b.body.id);
  });

  it('an invalid key header is 400 VALIDATION_FAILED and writes nothing; 200 visible characters are fine', async () => {
    const before = await counts();
    for (const key of ['k'.repeat(201), 'has space', 'tab\there', '']) {
      const res = await post('agent', key, intakeBody({ title: '幂等: 非法键' }));
      assert.equal(res.status, 400, JSON.stringify(key));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      assert.ok(res.body.error.message, 'a message');
    }
    assert.deepEqual(await counts(), before);
    const max = await post('agent', 'k'.repeat(200), intakeBody({ title: '幂等: 最长的键' }));
    assert.equal(max.status, 201);
  });

  it('a failed request does not use up its key', async () => {
    const key = randomUUID();
    const before = await counts();
    const bad = await post('agent', key, intakeBody({ areaCode: '370812999' }));
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'UNKNOWN_AREA');
    const invalid = await post('agent', key, intakeBody({ title: 12 }));
    assert.equal(invalid.status, 400);
    assert.deepEqual(await counts(), before);
    const good = await post('agent', key, intakeBody({ title: '幂等: 修正后重试' }));
    assert.equal(good.status, 201);
    const replay = await post('agent', key, intakeBody({ title: '幂等: 修正后重试' }));
    assert.equal(replay.status, 200);
    assert.equal(replay.body.id, good.body.id);
  });

  it('a key seen by one user does not reveal or replay another user\'s appeal, even for a user who cannot register', async () => {
    const key = randomUUID();
    const body = intakeBody({ title: '幂等: 承办人不能登记' });
    assert.equal((await post('agent', key, body)).status, 201);
    const handler = await s.login('zhujian.handler');
    const res = await s.api('POST', '/api/appeals', { token: handler, body, headers: { 'idempotency-key': key } });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'FORBIDDEN');
  });
});

/** Idempotency-Key on transitions (issue 3): replaying an action returns the first result and acts once. */
describe('Idempotency-Key on transitions', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher']) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  const events = async (id: string) => (await s.api('GET', `/api/appeals/${id}/events`, { token: tokens.dispatcher })).body.items as { action: string }[];
  const act = (id: string, key: string, body: Record<string, unknown>) =>
    s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.dispatcher, body, headers: { 'idempotency-key': key } });

  it('the same dispatch sent twice with one key dispatches once and answers both times with the appeal', async () => {
    const id = (await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() })).body.id;
    await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.agent, body: { action: 'accept' } });
    const key = `dispatch-${randomUUID()}`;
    const body = { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') };
    const first = await act(id, key, body);
    const second = await act(id, key, body);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(second.status, 200, 'a replay is not an illegal second dispatch');
    assert.equal(second.body.status, 'dispatched');
    assert.equal((await events(id)).filter((e) => e.action === 'dispatch').length, 1);
  });

  it('five concurrent retries of one urge urge once', async () => {
    const id = (await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() })).body.id;
    await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.agent, body: { action: 'accept' } });
    await act(id, randomUUID(), { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    const key = `urge-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 5 }, () => act(id, key, { action: 'urge' })));
    assert.ok(results.every((r) => r.status === 200 || r.status === 409), JSON.stringify(results.map((r) => [r.status, r.body?.error?.code])));
    assert.ok(results.some((r) => r.status === 200));
    assert.equal((await events(id)).filter((e) => e.action === 'urge').length, 1);
  });

  it('the same key with another action is IDEMPOTENCY_CONFLICT and changes nothing', async () => {
    const id = (await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() })).body.id;
    const key = `accept-${randomUUID()}`;
    assert.equal((await act(id, key, { action: 'accept' })).status, 200);
    const other = await act(id, key, { action: 'reject', reason: '重复' });
    assert.equal(other.status, 409);
    assert.equal(other.body.error.code, 'IDEMPOTENCY_CONFLICT');
    assert.equal((await s.api('GET', `/api/appeals/${id}`, { token: tokens.dispatcher })).body.status, 'accepted');
  });
});
