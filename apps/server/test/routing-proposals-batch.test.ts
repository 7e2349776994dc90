import { after, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ROLES } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { USER_OF_ROLE } from './access-world';

/**
 * 派单建议 for a queue page in one request (GET /api/routing-proposals): each item is what the single route answers
 * for that appeal, unreadable and unknown ids are left out without a trace, bad input is refused before any work, and
 * the queries a page costs do not grow with its rows.
 */
describe('routing proposals for a page of appeals', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const cat: Record<string, string> = {};
  /** Appeals of the page, in queue order; `dispatched` went to 住建局 and is the only one its handler may read. */
  const ids: string[] = [];
  let dispatched = '';
  const USERS = ['agent', 'dispatcher', 'admin', 'zhujian.handler', 'weiyuan.handler', ...ROLES.map((r) => USER_OF_ROLE[r])];

  before(async () => {
    s = await startTestServer();
    for (const u of new Set(USERS)) tokens[u] = await s.login(u);
    for (const c of (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items) cat[c.key] = c.id;
    const rule = await s.api('POST', '/api/admin/routing-rules', { token: tokens.admin, body: { categoryId: cat.construction, leadUnitId: s.unit('dept-zhujian') } });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const vending = cat['city-management.street-order.street-vending'];
    // Every way to a proposal: a rule (twice with the same input), a category default, 属地, an accused unit, nothing known.
    for (const overrides of [
      { categoryId: cat['construction.property.fees'], areaCode: '370812001002' },
      { categoryId: cat['construction.property.fees'], areaCode: '370812001002' },
      { categoryId: cat['environment.air.industrial-emission'], areaCode: '370812001002' },
      { categoryId: cat['environment.air.open-burning'], areaCode: '370812001002' },
      { kind: 'report', categoryId: vending, areaCode: '370812102', accusedUnitId: s.unit('dept-chengguan') },
      { kind: 'report', categoryId: vending, areaCode: '370812102' },
      { areaCode: '370812102' },
    ]) {
      const a = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody(overrides) });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      ids.push(a.body.id);
    }
    dispatched = ids[1]!;
    const act = (user: string, body: Record<string, unknown>) => s.api('POST', `/api/appeals/${dispatched}/transitions`, { token: tokens[user], body });
    assert.equal((await act('dispatcher', { action: 'accept' })).status, 200);
    assert.equal((await act('dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') })).status, 200);
  });
  after(() => s.close());

  const batch = (appealIds: string, token: string | undefined = tokens.dispatcher) =>
    s.api('GET', `/api/routing-proposals?appealIds=${encodeURIComponent(appealIds)}`, { token });
  const single = (id: string, token = tokens.dispatcher) => s.api('GET', `/api/appeals/${id}/routing-proposal`, { token });

  it('answers each appeal with exactly what the single route answers, in the order asked', async () => {
    const res = await batch(ids.join(','));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.items.map((i: { appealId: string }) => i.appealId), ids);
    for (const item of res.body.items) {
      const one = await single(item.appealId);
      assert.equal(one.status, 200);
      assert.deepEqual(item.proposal, one.body, item.appealId);
    }
    const sources = res.body.items.map((i: { proposal: { source: string } }) => i.proposal.source);
    assert.deepEqual(sources, ['rule', 'rule', 'category_default', 'street_office', 'street_office', 'category_default', 'street_office']);
    // Same category and area, different accused unit: the shared reading must not leak the exclusion.
    assert.notEqual(res.body.items[4].proposal.leadUnitId, res.body.items[5].proposal.leadUnitId);
  });

  it('leaves out unknown ids and appeals the user may not read, as the single route hides them', async () => {
    const unknown = randomUUID();
    const all = await batch([unknown, ...ids].join(','));
    assert.deepEqual(all.body.items.map((i: { appealId: string }) => i.appealId), ids, 'an unknown id is simply absent');
    const handler = await batch([unknown, ...ids].join(','), tokens['zhujian.handler']);
    assert.equal(handler.status, 200);
    assert.deepEqual(handler.body.items.map((i: { appealId: string }) => i.appealId), [dispatched]);
    assert.deepEqual(handler.body.items[0].proposal, (await single(dispatched, tokens['zhujian.handler'])).body);
    for (const id of ids.filter((i) => i !== dispatched)) assert.equal((await single(id, tokens['zhujian.handler'])).status, 404);
    const station = await batch(ids.join(','), tokens['weiyuan.handler']);
    assert.deepEqual([station.status, station.body.items], [200, []]);
  });

  it('refuses bad input with 400 VALIDATION_FAILED naming the field, and writes nothing', async () => {
    const counts = async () => (await queryRows<{ audits: number; rules: number; appeals: number }>(s.deps.database.db, sql`
      SELECT (SELECT count(*)::int FROM audit_log) AS audits, (SELECT count(*)::int FROM routing_rules) AS rules, (SELECT count(*)::int FROM appeals) AS appeals`))[0];
    const before = await counts();
    const many = Array.from({ length: 51 }, () => randomUUID());
    const cases: [string, string][] = [
      ['', 'empty'], [many.join(','), '51 ids'], [`${ids[0]},${ids[0]}`, 'duplicate'], [`${ids[0]},not-an-id`, 'malformed'],
      [`${ids[0]},`, 'trailing comma'], [ids[0]!.toUpperCase(), 'upper case'], [` ${ids[0]}`, 'blank'],
    ];
    for (const [value, why] of cases) {
      const res = await batch(value);
      assert.equal(res.status, 400, why);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED', why);
      assert.equal(res.body.error.details.field, 'appealIds', why);
    }
    assert.equal((await batch(many.slice(0, 50).join(','))).status, 200, '50 ids are a page');
    for (const path of ['/api/routing-proposals', `/api/routing-proposals?appealIds=${ids[0]}&extra=1`]) {
      const res = await s.api('GET', path, { token: tokens.dispatcher });
      assert.deepEqual([res.status, res.body.error.code], [400, 'VALIDATION_FAILED'], path);
    }
    assert.deepEqual(await counts(), before);
  });

  it('serves every staff role the single route serves (no role is refused: 403 never), and nobody without a session', async () => {
    for (const role of ROLES) {
      const user = USER_OF_ROLE[role];
      const res = await batch(ids.join(','), tokens[user]);
      const one = await single(ids[0]!, tokens[user]);
      assert.equal(res.status, 200, `${role}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.items.some((i: { appealId: string }) => i.appealId === ids[0]), one.status === 200, `${role} reads as the single route does`);
    }
    const anonymous = await s.api('GET', `/api/routing-proposals?appealIds=${ids.join(',')}`);
    assert.deepEqual([anonymous.status, anonymous.body.error.code], [401, 'UNAUTHENTICATED']);
  });

  it('costs the same queries for a page of seven as for one row of each category × area', async () => {
    // Drizzle prepares every statement through the session: counting there counts select builders and raw SQL alike.
    const session = (s.deps.database.db as unknown as { session: { prepareQuery: (...args: unknown[]) => unknown } }).session;
    const spy = mock.method(session, 'prepareQuery');
    const cost = async (page: string[]) => {
      await batch(page.join(','));
      const before = spy.mock.callCount();
      assert.equal((await batch(page.join(','))).status, 200);
      return spy.mock.callCount() - before;
    };
    try {
      const one = await cost([ids[0]!]);
      assert.ok(one >= 7, `the spy sees the access read and the routing context (${one})`);
      assert.equal(await cost([ids[0]!, ids[1]!]), one, 'a second appeal with the same category and area costs no query');
      // Seven appeals, five distinct category × area pairs: at most six queries each, plus the one access read.
      assert.ok(await cost(ids) <= one + 4 * 6, 'queries grow with distinct inputs, not rows');
    } finally {
      spy.mock.restore();
    }
  });
});
