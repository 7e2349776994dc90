import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { recordRoutingOutcome } from '../src/modules/routing/use-cases/record-routing-outcome';

/** 派单目录 over real HTTP: admin CRUD with history, proposals with fallbacks, the department-duty rule, counters. */
describe('routing catalogue over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const cat: Record<string, string> = {};
  const USERS = ['admin', 'agent', 'dispatcher', 'supervisor', 'zhujian.handler', 'zhujian.leader', 'chengguan.handler', 'weiyuan.handler'];
  before(async () => {
    s = await startTestServer();
    for (const u of USERS) tokens[u] = await s.login(u);
    for (const c of (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items) cat[c.key] = c.id;
  });
  after(() => s.close());

  const rules = (query = '') => s.api('GET', `/api/admin/routing-rules${query}`, { token: tokens.admin });
  const create = (body: Record<string, unknown>, token = tokens.admin) => s.api('POST', '/api/admin/routing-rules', { token, body });
  async function created(body: Record<string, unknown>) {
    const res = await create(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }
  async function counts() {
    const [row] = await queryRows<{ rules: number; audits: number }>(s.deps.database.db, sql`
      SELECT (SELECT count(*)::int FROM routing_rules) AS rules, (SELECT count(*)::int FROM audit_log) AS audits`);
    return row;
  }
  async function proposal(overrides: Record<string, unknown>, token = tokens.dispatcher) {
    const a = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody(overrides) });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    const res = await s.api('GET', `/api/appeals/${a.body.id}/routing-proposal`, { token });
    return { ...res, appealId: a.body.id as string };
  }

  it('the catalogue is for administrators: others get 403, anonymous 401, and nothing is written', async () => {
    const before = await counts();
    const body = { categoryId: cat.construction, leadUnitId: s.unit('dept-zhujian') };
    for (const user of USERS.filter((u) => u !== 'admin')) {
      for (const [method, path, b] of [['GET', '/api/admin/routing-rules', undefined], ['POST', '/api/admin/routing-rules', body],
        ['PUT', `/api/admin/routing-rules/${randomUUID()}`, body], ['DELETE', `/api/admin/routing-rules/${randomUUID()}`, undefined]] as const) {
        const res = await s.api(method, path, { token: tokens[user], body: b });
        assert.equal(res.status, 403, `${user} ${method} ${path}`);
        assert.equal(res.body.error.code, 'FORBIDDEN');
        assert.equal((await s.api(method, path, { body: b })).status, 401);
      }
    }
    assert.deepEqual(await counts(), before);
  });

  it('bad input gets a 4xx with a stable code and field, and writes nothing', async () => {
    const before = await counts();
    const zhujian = s.unit('dept-zhujian');
    const cases: [Record<string, unknown>, number, string, string | undefined][] = [
      [{ categoryId: randomUUID(), leadUnitId: zhujian }, 422, 'UNKNOWN_CATEGORY', 'categoryId'],
      [{ areaCode: '370812999', leadUnitId: zhujian }, 422, 'UNKNOWN_AREA', 'areaCode'],
      [{ categoryId: cat.construction, leadUnitId: randomUUID() }, 422, 'UNKNOWN_UNIT', 'leadUnitId'],
      [{ categoryId: cat.construction, leadUnitId: zhujian, coUnitIds: [randomUUID()] }, 422, 'UNKNOWN_UNIT', 'coUnitIds'],
      [{ categoryId: cat.construction, leadUnitId: zhujian, coUnitIds: [zhujian] }, 400, 'VALIDATION_FAILED', 'coUnitIds'],
      [{ categoryId: cat.construction, leadUnitId: s.unit('station-370812001002') }, 400, 'VALIDATION_FAILED', 'leadUnitId'],
      [{ areaCode: '370812001002', leadUnitId: s.unit('station-370812001002'), departmentDuty: true }, 400, 'VALIDATION_FAILED', 'leadUnitId'],
      [{ leadUnitId: zhujian, extra: 1 }, 400, 'VALIDATION_FAILED', undefined],
      [{ leadUnitId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED', undefined],
      [{ categoryId: cat.construction }, 400, 'VALIDATION_FAILED', undefined],
      [{ leadUnitId: zhujian, coUnitIds: [s.unit('centre'), s.unit('centre')] }, 400, 'VALIDATION_FAILED', undefined],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await create(body);
      assert.equal(res.status, status, JSON.stringify([body, res.body]));
      assert.equal(res.body.error.code, code);
      if (field) assert.equal(res.body.error.details.field, field);
    }
    const duty = await create({ categoryId: cat['construction.property'], leadUnitId: s.unit('station-370812001002') });
    assert.match(duty.body.error.detail, /department duty .* community station/);
    assert.deepEqual(await counts(), before);
  });

  it('the most specific rule wins: category before area, and the proposal says why', async () => {
    await created({ categoryId: cat.construction, leadUnitId: s.unit('dept-zhujian') });
    await created({ categoryId: cat['construction.property'], areaCode: '370812001', leadUnitId: s.unit('street-370812001'), coUnitIds: [s.unit('station-370812001002')] });
    const leaf = await created({ categoryId: cat['construction.property.service-quality'], leadUnitId: s.unit('dept-chengguan'), note: '物业服务由执法局牵头' });
    const res = await proposal({ categoryId: cat['construction.property.service-quality'], areaCode: '370812001002' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.source, 'rule');
    assert.equal(res.body.ruleId, leaf.id);
    assert.equal(res.body.leadUnitId, s.unit('dept-chengguan'));
    assert.equal(res.body.matchedCategoryId, cat['construction.property.service-quality']);
    assert.equal(res.body.departmentDuty, true, '住建 is the category default, a department');
    assert.match(res.body.why, /派单目录规则.*物业服务质量/);
    assert.deepEqual(res.body.alternatives.map((a: { leadUnitId: string }) => a.leadUnitId), [s.unit('street-370812001'), s.unit('dept-zhujian')]);
    assert.deepEqual(res.body.alternatives[0].coUnitIds, [s.unit('station-370812001002')]);
    const fees = await proposal({ categoryId: cat['construction.property.fees'], areaCode: '370812001002' });
    assert.equal(fees.body.leadUnitId, s.unit('street-370812001'), 'category level 2 × street beats category level 1');
    const elsewhere = await proposal({ categoryId: cat['construction.property.fees'], areaCode: '370812102' });
    assert.equal(elsewhere.body.leadUnitId, s.unit('dept-zhujian'));
  });

  it('falls back to the category default unit, then to the street office serving the area', async () => {
    const byDefault = await proposal({ categoryId: cat['environment.air.industrial-emission'], areaCode: '370812001002' });
    assert.deepEqual([byDefault.body.source, byDefault.body.ruleId, byDefault.body.leadUnitId], ['category_default', null, s.unit('dept-huanjing')]);
    const byArea = await proposal({ categoryId: cat['environment.air.open-burning'], areaCode: '370812001002' });
    assert.deepEqual([byArea.body.source, byArea.body.leadUnitId, byArea.body.matchedAreaCode], ['street_office', s.unit('street-370812001'), '370812001']);
    assert.equal(byArea.body.departmentDuty, false);
    const noCategory = await proposal({ areaCode: '370812102' });
    assert.deepEqual([noCategory.body.source, noCategory.body.leadUnitId], ['street_office', s.unit('street-370812102')]);
  });

  it('a community station leads 属地 matters but never a department duty (国办函〔2025〕66号)', async () => {
    const station = await created({ areaCode: '370812003001', leadUnitId: s.unit('station-370812003001') });
    const local = await proposal({ categoryId: cat['civil-affairs.community.neighbour-dispute'], areaCode: '370812003001' });
    assert.deepEqual([local.body.ruleId, local.body.leadUnitId], [station.id, s.unit('station-370812003001')]);
    const duty = await proposal({ categoryId: cat['health.medical-services.hospital-service'], areaCode: '370812003001' });
    assert.deepEqual([duty.body.source, duty.body.leadUnitId], ['category_default', s.unit('dept-weijian')]);
    assert.deepEqual(duty.body.refused, [{ ruleId: station.id, reason: 'community_station_for_department_duty' }]);
  });

  it('never proposes the accused unit, and only staff who can read the appeal get a proposal', async () => {
    const rule = await created({ categoryId: cat['city-management.street-order.street-vending'], leadUnitId: s.unit('dept-chengguan') });
    const res = await proposal({ kind: 'report', categoryId: cat['city-management.street-order.street-vending'], areaCode: '370812102', accusedUnitId: s.unit('dept-chengguan') });
    assert.deepEqual(res.body.refused, [{ ruleId: rule.id, reason: 'excluded_unit' }]);
    assert.equal(res.body.leadUnitId, s.unit('street-370812102'), 'the category default is the accused unit too: 属地 office');
    for (const user of ['zhujian.handler', 'weiyuan.handler']) {
      const other = await s.api('GET', `/api/appeals/${res.appealId}/routing-proposal`, { token: tokens[user] });
      assert.equal(other.status, 404, user);
    }
    assert.equal((await s.api('GET', `/api/appeals/${randomUUID()}/routing-proposal`, { token: tokens.dispatcher })).status, 404);
    assert.equal((await s.api('GET', `/api/appeals/${res.appealId}/routing-proposal`)).status, 401);
  });

  it('an edit retires the old version and inserts the next; history, audit and duplicates', async () => {
    const v1 = await created({ categoryId: cat.transport, leadUnitId: s.unit('dept-jiaotong') });
    const dup = await create({ categoryId: cat.transport, leadUnitId: s.unit('centre') });
    assert.deepEqual([dup.status, dup.body.error.code, dup.body.error.details.existingRuleId], [409, 'DUPLICATE_CODE', v1.id]);
    const put = (id: string) => s.api('PUT', `/api/admin/routing-rules/${id}`, { token: tokens.admin, body: { categoryId: cat.transport, leadUnitId: s.unit('dept-gongan'), coUnitIds: [s.unit('dept-jiaotong')] } });
    const [a, b] = await Promise.all([put(v1.id), put(v1.id)]);
    assert.deepEqual([a.status, b.status].sort(), [200, 404], 'of two concurrent edits exactly one wins');
    const v2 = (a.status === 200 ? a : b).body;
    assert.deepEqual([v2.lineageId, v2.version, v2.leadUnitId, v2.active], [v1.id, 2, s.unit('dept-gongan'), true]);
    const active = (await rules()).body.items.filter((r: { lineageId: string }) => r.lineageId === v1.id);
    assert.deepEqual(active.map((r: { id: string }) => r.id), [v2.id]);
    const history = (await rules('?includeRetired=true')).body.items.filter((r: { lineageId: string }) => r.lineageId === v1.id);
    assert.deepEqual(history.map((r: any) => [r.version, r.active, r.replacedBy, r.leadUnitId]), [[1, false, v2.id, s.unit('dept-jiaotong')], [2, true, null, s.unit('dept-gongan')]]);
    assert.equal((await put(v1.id)).body.error.details.replacedBy, v2.id);
    assert.equal(await recordRoutingOutcome(s.deps, { jurisdictionId: '370812', ruleId: v1.id, kind: 'return_approved' }), true, 'a retired version still counts what it routed');
    const counted = (await rules('?includeRetired=true')).body.items.filter((r: { lineageId: string }) => r.lineageId === v1.id);
    assert.deepEqual(counted.map((r: any) => r.counters.returnsApproved), [1, 0]);
    const retired = await s.api('DELETE', `/api/admin/routing-rules/${v2.id}`, { token: tokens.admin });
    assert.deepEqual([retired.status, retired.body.active, retired.body.replacedBy], [200, false, null]);
    assert.equal((await s.api('DELETE', `/api/admin/routing-rules/${v2.id}`, { token: tokens.admin })).status, 404);
    assert.equal((await rules('?includeRetired=yes')).status, 400);
    const audits = await queryRows<{ action: string }>(s.deps.database.db, sql`SELECT action FROM audit_log WHERE target_type = 'routing_rule' AND target_id IN (${v1.id}, ${v2.id}) ORDER BY at`);
    assert.deepEqual(audits.map((r) => r.action), ['create_routing_rule', 'replace_routing_rule', 'retire_routing_rule']);
  });

  it('counts dispatches, approved returns and objections per rule version; objections only from units it routes to', async () => {
    const rule = await created({ categoryId: cat['construction.gas-heating'], leadUnitId: s.unit('dept-zhujian'), coUnitIds: [s.unit('street-370812001')] });
    const jid = '370812';
    assert.equal(await recordRoutingOutcome(s.deps, { jurisdictionId: jid, ruleId: rule.id, kind: 'dispatch' }), true);
    await recordRoutingOutcome(s.deps, { jurisdictionId: jid, ruleId: rule.id, kind: 'dispatch' });
    await recordRoutingOutcome(s.deps, { jurisdictionId: jid, ruleId: rule.id, kind: 'return_approved' });
    assert.equal(await recordRoutingOutcome(s.deps, { jurisdictionId: jid, ruleId: randomUUID(), kind: 'dispatch' }), false);
    const object = (user: string, body: unknown, id = rule.id) => s.api('POST', `/api/routing-rules/${id}/objections`, { token: tokens[user], body });
    const before = await counts();
    for (const [user, body, status] of [['chengguan.handler', { reason: '不是我局职责' }, 403], ['dispatcher', { reason: 'x' }, 403], ['zhujian.handler', { reason: ' ' }, 400],
      ['zhujian.handler', {}, 400], ['zhujian.handler', { reason: 'x', extra: true }, 400], ['zhujian.handler', { reason: 'x', appealId: randomUUID() }, 404]] as const) {
      assert.equal((await object(user, body)).status, status, `${user} ${JSON.stringify(body)}`);
    }
    assert.equal((await object('zhujian.handler', { reason: 'x' }, randomUUID())).status, 404);
    assert.deepEqual(await counts(), before, 'refused objections write nothing');
    const ok = await object('zhujian.leader', { reason: '燃气供热应由属地街道先行处置' });
    assert.deepEqual([ok.status, ok.body.objections, ok.body.unitId], [201, 1, s.unit('dept-zhujian')]);
    const row = (await rules()).body.items.find((r: { id: string }) => r.id === rule.id);
    assert.deepEqual(row.counters, { dispatches: 2, returnsApproved: 1, objections: 1 });
    const [audit] = await queryRows<{ detail: any }>(s.deps.database.db, sql`SELECT detail FROM audit_log WHERE action = 'routing_objection' AND target_id = ${rule.id}`);
    assert.equal(audit?.detail.reason, '燃气供热应由属地街道先行处置');
  });

  it('the lifecycle counts for the rule it followed: a dispatch by the catalogue, then an approved return', async () => {
    const rule = await created({ categoryId: cat['construction.gas-heating'], areaCode: '370812003', leadUnitId: s.unit('dept-zhujian') });
    const { appealId } = await proposal({ categoryId: cat['construction.gas-heating'], areaCode: '370812003' });
    const act = (user: string, body: Record<string, unknown>) => s.api('POST', `/api/appeals/${appealId}/transitions`, { token: tokens[user], body });
    assert.equal((await act('agent', { action: 'accept' })).status, 200, 'accept');
    assert.equal((await act('dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') })).status, 200, 'dispatch by the rule');
    assert.equal((await act('zhujian.handler', { action: 'request_return', reason: '属于属地街道职责' })).status, 200, 'return');
    assert.equal((await act('dispatcher', { action: 'approve_return' })).status, 200, 'approve return');
    // Dispatching off the catalogue counts for no rule.
    assert.equal((await act('dispatcher', { action: 'dispatch', leadUnitId: s.unit('street-370812003') })).status, 200, 'off-catalogue dispatch');
    const row = (await rules()).body.items.find((r: { id: string }) => r.id === rule.id);
    assert.deepEqual(row.counters, { dispatches: 1, returnsApproved: 1, objections: 0 });
    const events = (await s.api('GET', `/api/appeals/${appealId}/events`, { token: tokens.dispatcher })).body.items.filter((e: { action: string }) => e.action === 'dispatch');
    assert.deepEqual(events.map((e: { payload: { routingRuleId: string | null } }) => e.payload.routingRuleId), [rule.id, null]);
  });
});
