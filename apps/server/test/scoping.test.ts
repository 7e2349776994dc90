import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { schema } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/**
 * DOMAIN.md §8 over HTTP: staff see only appeals of their unit and its sub-units, "no access" looks exactly like
 * "not found", the accused unit never sees a report about it, citizen data is masked everywhere, and reveals are audited.
 */
describe('appeal scoping and privacy over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const USERS = ['agent', 'dispatcher', 'supervisor', 'callback', 'leader', 'zhujian.handler', 'zhujian.leader', 'chengguan.handler',
    'chengguan.leader', 'gulou.handler', 'gulou.leader', 'weiyuan.handler', 'xinyi.handler'];
  const CITIZEN = { name: '王秀英', phone: '13905371234', idNumber: '37081219900315451X', address: '兖州区建设东路18号3单元201' };

  async function register(overrides: Record<string, unknown> = {}) {
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ citizen: CITIZEN, ...overrides }) });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function act(user: string, id: string, body: Record<string, unknown>, expectStatus = 200) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body });
    assert.equal(res.status, expectStatus, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    return res;
  }
  async function dispatched(unitKey: string, overrides: Record<string, unknown> = {}) {
    const a = await register(overrides);
    await act('agent', a.id, { action: 'accept' });
    await act('dispatcher', a.id, { action: 'dispatch', leadUnitId: s.unit(unitKey) });
    return a.id as string;
  }
  async function listIds(user: string, query = '') {
    const res = await s.api('GET', `/api/appeals?limit=100${query}`, { token: tokens[user] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return new Set<string>(res.body.items.map((i: { id: string }) => i.id));
  }
  async function revealAudits(appealId: string) {
    const t = schema.auditLog;
    return s.deps.database.db.select().from(t).where(and(eq(t.targetId, appealId), eq(t.action, 'reveal_citizen')));
  }

  before(async () => {
    s = await startTestServer();
    for (const u of USERS) tokens[u] = await s.login(u);
    ids.registered = (await register()).id;
    ids.zhujian = await dispatched('dept-zhujian');
    ids.gulouSub = await dispatched('street-370812001');
    await act('gulou.leader', ids.gulouSub, { action: 'sub_dispatch', leadUnitId: s.unit('station-370812001002') });
    ids.gulou = await dispatched('street-370812001');
    ids.confidential = await dispatched('dept-zhujian', { confidential: true });
    ids.accused = (await register({ kind: 'report', title: '举报城管执法人员乱罚款', accusedUnitId: s.unit('dept-chengguan') })).id;
  });
  after(() => s.close());

  it('an out-of-scope appeal answers exactly like a random uuid: 404 NOT_FOUND, same body, on every route', async () => {
    const cases: [string, string][] = [['zhujian.handler', ids.registered!], ['chengguan.handler', ids.zhujian!], ['weiyuan.handler', ids.gulou!],
      ['xinyi.handler', ids.gulouSub!], ['gulou.leader', ids.zhujian!]];
    const probe = (user: string, target: string) => Promise.all([
      s.api('GET', `/api/appeals/${target}`, { token: tokens[user] }),
      s.api('GET', `/api/appeals/${target}/events`, { token: tokens[user] }),
      s.api('POST', `/api/appeals/${target}/transitions`, { token: tokens[user], body: { action: 'sign' } }),
      s.api('POST', `/api/appeals/${target}/transitions`, { token: tokens[user], body: { action: 'note', reason: '看看' } }),
      s.api('POST', `/api/appeals/${target}/citizen/reveal`, { token: tokens[user], body: { reason: '核实' } }),
    ]);
    for (const [user, id] of cases) {
      const [hidden, missing] = [await probe(user, id), await probe(user, randomUUID())];
      hidden.forEach((res, i) => {
        assert.equal(res.status, 404, `${user} route ${i}`);
        assert.equal(res.body.error.code, 'NOT_FOUND');
        assert.deepEqual(res.body, missing[i]!.body, `${user} route ${i}: the body gives nothing away`);
        assert.deepEqual([...res.headers.keys()].sort(), [...missing[i]!.headers.keys()].sort());
      });
    }
  });

  it('lists are scoped the same way: the centre sees everything, a unit only its own', async () => {
    const all = Object.values(ids);
    for (const user of ['agent', 'dispatcher', 'supervisor', 'callback']) {
      const seen = await listIds(user);
      for (const id of all) assert.ok(seen.has(id), `${user} sees ${id}`);
    }
    assert.deepEqual(await listIds('zhujian.handler'), new Set([ids.zhujian, ids.confidential]));
    assert.deepEqual(await listIds('zhujian.leader'), new Set([ids.zhujian, ids.confidential]));
    assert.deepEqual(await listIds('chengguan.handler'), new Set());
    assert.deepEqual(await listIds('xinyi.handler'), new Set());
    // a unit filter cannot widen the scope
    assert.deepEqual(await listIds('chengguan.handler', `&unitId=${s.unit('dept-zhujian')}`), new Set());
    assert.equal((await s.api('GET', `/api/appeals/${ids.zhujian}`, { token: tokens['zhujian.handler'] })).status, 200);
  });

  it('a unit sees appeals sub-dispatched to its sub-units; the sub-unit sees only its own', async () => {
    assert.deepEqual(await listIds('gulou.leader'), new Set([ids.gulouSub, ids.gulou]));
    assert.deepEqual(await listIds('gulou.handler'), new Set([ids.gulouSub, ids.gulou]));
    const sub = await s.api('GET', `/api/appeals/${ids.gulouSub}`, { token: tokens['gulou.leader'] });
    assert.equal(sub.status, 200);
    assert.equal(sub.body.leadUnitId, s.unit('station-370812001002'));
    assert.deepEqual(await listIds('weiyuan.handler'), new Set([ids.gulouSub]));
    const own = await s.api('GET', `/api/appeals/${ids.gulouSub}`, { token: tokens['weiyuan.handler'] });
    assert.equal(own.status, 200);
    assert.ok(own.body.actions.includes('sign'), JSON.stringify(own.body.actions));
    assert.equal((await s.api('GET', `/api/appeals/${ids.gulou}`, { token: tokens['weiyuan.handler'] })).status, 404);
    assert.equal((await s.api('GET', `/api/appeals/${ids.gulou}/events`, { token: tokens['weiyuan.handler'] })).status, 404);
  });

  it('a report against a unit is confidential, can never be dispatched to it or below it, and its staff never see it', async () => {
    const id = ids.accused!;
    const reg = await s.api('GET', `/api/appeals/${id}`, { token: tokens.agent });
    assert.equal(reg.body.confidential, true);
    await act('agent', id, { action: 'accept' });
    const version = (await s.api('GET', `/api/appeals/${id}`, { token: tokens.dispatcher })).body.version;
    for (const body of [{ leadUnitId: s.unit('dept-chengguan') }, { leadUnitId: s.unit('dept-zhujian'), coUnitIds: [s.unit('dept-chengguan')] }]) {
      const res = await act('dispatcher', id, { action: 'dispatch', ...body }, 422);
      assert.equal(res.body.error.code, 'ACCUSED_UNIT');
    }
    assert.equal((await s.api('GET', `/api/appeals/${id}`, { token: tokens.dispatcher })).body.version, version, 'a refused dispatch changes nothing');
    await act('dispatcher', id, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    for (const user of ['chengguan.handler', 'chengguan.leader']) {
      assert.equal((await s.api('GET', `/api/appeals/${id}`, { token: tokens[user] })).status, 404);
      assert.equal((await s.api('GET', `/api/appeals/${id}/events`, { token: tokens[user] })).status, 404);
      assert.equal((await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens[user], body: { action: 'sign' } })).status, 404);
      assert.ok(!(await listIds(user)).has(id), `${user} list`);
      const history = await s.api('GET', `/api/citizens/history?phone=${CITIZEN.phone}`, { token: tokens[user] });
      assert.equal(history.status, 403, `${user} history: caller history is an intake tool`);
    }
    assert.ok((await listIds('zhujian.handler')).has(id), 'the receiving unit sees it');
    // accused below: a report against the 鼓楼 street office cannot go to its community station either
    const street = (await register({ kind: 'report', accusedUnitId: s.unit('street-370812001') })).id;
    await act('agent', street, { action: 'accept' });
    const res = await act('dispatcher', street, { action: 'dispatch', leadUnitId: s.unit('station-370812001002') }, 422);
    assert.equal(res.body.error.code, 'ACCUSED_UNIT');
    assert.equal((await s.api('GET', `/api/appeals/${street}`, { token: tokens['gulou.leader'] })).status, 404);
  });

  it('citizen data is masked in every response', async () => {
    const raw = [CITIZEN.phone, CITIZEN.name, CITIZEN.idNumber, '3单元201'];
    const created = await register({ citizen: { ...CITIZEN, phone: '139-0537-1234' } });
    const responses = [
      created,
      (await s.api('GET', `/api/appeals/${ids.zhujian}`, { token: tokens['zhujian.handler'] })).body,
      (await s.api('GET', `/api/appeals/${ids.confidential}`, { token: tokens.supervisor })).body,
      (await s.api('GET', '/api/appeals?limit=100', { token: tokens.supervisor })).body,
      (await s.api('GET', `/api/appeals/${ids.zhujian}/events`, { token: tokens.dispatcher })).body,
      (await s.api('GET', `/api/citizens/history?phone=${CITIZEN.phone}`, { token: tokens.agent })).body,
      (await act('zhujian.handler', ids.zhujian!, { action: 'sign' })).body,
    ];
    for (const body of responses) {
      const text = JSON.stringify(body);
      for (const value of raw) assert.ok(!text.includes(value), `${value} leaked in ${text.slice(0, 200)}`);
    }
    for (const body of [created, responses[1], responses[2], responses[6]]) {
      assert.equal(body.citizen.phone, '139****1234');
      assert.equal(body.citizen.name, '王**');
      assert.equal(body.citizen.masked, true);
      assert.equal(body.citizen.hasIdNumber, true);
      assert.equal(body.citizen.idNumber, undefined);
    }
  });

  it('reveal returns unmasked values to allowed roles and writes an audit row each time', async () => {
    const id = ids.registered!;
    const res = await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens.agent, body: { reason: '回拨核实来电人身份' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual({ name: res.body.name, phone: res.body.phone, idNumber: res.body.idNumber, address: res.body.address, masked: res.body.masked },
      { ...CITIZEN, masked: false });
    const audits = await revealAudits(id);
    assert.equal(audits.length, 1);
    const me = await s.api('GET', '/api/auth/me', { token: tokens.agent });
    assert.equal(audits[0]!.actorUserId, me.body.user.id);
    assert.equal(audits[0]!.targetType, 'appeal');
    assert.equal((audits[0]!.detail as { reason: string }).reason, '回拨核实来电人身份');
    assert.ok(!JSON.stringify(audits[0]!.detail).includes(CITIZEN.phone), 'the audit row holds no personal data');
    const sup = await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens.supervisor, body: { reason: '督办核实' } });
    assert.equal(sup.status, 200);
    assert.equal((await revealAudits(id)).length, 2);
  });

  it('reveal is refused without a reason and for roles without the right, and refusals are not audited', async () => {
    const id = ids.registered!;
    const before = (await revealAudits(id)).length;
    for (const body of [{}, { reason: '' }, { reason: 42 }, { reason: 'x'.repeat(501) }, { reason: '核实', extra: 1 }]) {
      const res = await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens.agent, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
    const leader = await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens.leader, body: { reason: '看看' } });
    assert.equal(leader.status, 403);
    assert.equal(leader.body.error.code, 'FORBIDDEN');
    assert.equal(leader.body.name, undefined);
    assert.equal((await revealAudits(id)).length, before);
  });

  it('on a confidential appeal only agent, dispatcher and the handler may reveal', async () => {
    const id = ids.confidential!;
    for (const user of ['supervisor', 'callback', 'leader', 'zhujian.leader']) {
      const res = await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens[user], body: { reason: '核实' } });
      assert.equal(res.status, 403, user);
      assert.equal(res.body.error.code, 'FORBIDDEN');
      assert.ok(!JSON.stringify(res.body).includes(CITIZEN.phone), `${user} got no phone`);
    }
    assert.equal((await revealAudits(id)).length, 0);
    for (const user of ['agent', 'dispatcher', 'zhujian.handler']) {
      const res = await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens[user], body: { reason: '联系来电人' } });
      assert.equal(res.status, 200, `${user}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.phone, CITIZEN.phone);
    }
    assert.equal((await revealAudits(id)).length, 3);
    const other = await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens['gulou.handler'], body: { reason: '核实' } });
    assert.equal(other.status, 404);
  });

  it('caller history finds earlier appeals by phone in any notation, for intake roles only', async () => {
    const phone = '13800001111';
    const first = (await register({ citizen: { name: '李四', phone } })).id;
    const second = await dispatched('dept-zhujian', { citizen: { name: '李四', phone: '+86 138-0000-1111' } });
    const agent = await s.api('GET', `/api/citizens/history?phone=${phone}`, { token: tokens.agent });
    assert.equal(agent.status, 200);
    assert.deepEqual(new Set(agent.body.items.map((i: { id: string }) => i.id)), new Set([first, second]));
    const spaced = await s.api('GET', `/api/citizens/history?phone=${encodeURIComponent('138 0000 1111')}`, { token: tokens.agent });
    assert.equal(spaced.body.items.length, 2);
    for (const user of ['zhujian.handler', 'gulou.handler']) {
      const denied = await s.api('GET', `/api/citizens/history?phone=${phone}`, { token: tokens[user] });
      assert.equal(denied.status, 403, `${user}: ${JSON.stringify(denied.body)}`);
      // The role is refused before the number is looked at: a malformed one is no reason to answer 422.
      const malformed = await s.api('GET', '/api/citizens/history?phone=12345abc', { token: tokens[user] });
      assert.equal(malformed.body.error?.code, 'FORBIDDEN', `${user}, a malformed number: ${JSON.stringify(malformed.body)}`);
    }
    const unknown = await s.api('GET', '/api/citizens/history?phone=13700009999', { token: tokens.agent });
    assert.deepEqual(unknown.body.items, []);
    const invalid = await s.api('GET', '/api/citizens/history?phone=12345abc', { token: tokens.agent });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.error.code, 'INVALID_PHONE');
  });
});
