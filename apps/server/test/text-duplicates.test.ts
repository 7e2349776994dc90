import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { schema } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { categoryIds, register } from './text-fixtures';

/** 重复诉求 and 来电历史 at intake and dispatch: found with reasons, scoped like the appeal list, free of personal data. */
describe('duplicates and caller history', () => {
  let s: TestServer;
  const t: Record<string, string> = {};
  let cat: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const USERS = ['admin', 'agent', 'dispatcher', 'chengguan.handler', 'zhujian.handler', 'leader', 'supervisor'];
  const CALLER = { name: '王秀英', phone: '13905379876' };
  const OTHER = { name: '李四', phone: '13905375555' };
  const noise = (n: number) => ({
    title: `龙城华府小区东门夜间施工噪音扰民${n ? `（第${n}次反映）` : ''}`,
    content: `龙桥街道龙城华府小区东门外的道路施工每天夜里十一点以后还在打桩作业，噪音很大，${n ? '已经反映过还是没有改善，' : ''}`
      + '住户王秀英家里老人孩子都休息不好，电话13905379876，希望城管部门督促施工单位文明施工、夜间停工。',
  });

  async function act(user: string, id: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${id}/transitions`, { token: t[user], body });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
  }
  const suggest = (body: Record<string, unknown>, token = t.agent) => s.api('POST', '/api/text/suggest', { token, body });

  before(async () => {
    s = await startTestServer();
    for (const u of USERS) tokens(u, await s.login(u));
    cat = await categoryIds(s, t.agent!);
    const night = cat['city-management.construction-noise.night-construction'];
    const area = '370812003';
    // The same matter three times: one with the centre, one dispatched to 城管, one to 住建; and an unrelated appeal.
    ids.first = await register(s, t.agent!, { ...noise(0), categoryId: night, areaCode: area, citizen: CALLER });
    s.clock.now = new Date(s.clock.now.getTime() + 9 * 3_600_000); // sessions last 12 hours
    ids.chengguan = await register(s, t.agent!, { ...noise(1), categoryId: night, areaCode: area, citizen: CALLER });
    await act('agent', ids.chengguan, { action: 'accept' });
    await act('dispatcher', ids.chengguan, { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') });
    ids.zhujian = await register(s, t.agent!, { ...noise(2), categoryId: night, areaCode: area, citizen: OTHER });
    await act('agent', ids.zhujian, { action: 'accept' });
    await act('dispatcher', ids.zhujian, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') });
    ids.other = await register(s, t.agent!, { title: '咨询养老保险缴费年限', content: '想咨询灵活就业人员养老保险最低缴费年限是多少年，可以补缴吗？', areaCode: '370812101', citizen: OTHER });
    // A report about 城管, and an agent who also holds a role in 城管: that agent must never be pointed at it.
    ids.accusesChengguan = await register(s, t.agent!, { ...noise(3), kind: 'report', accusedUnitId: s.unit('dept-chengguan'), categoryId: night, areaCode: area, citizen: OTHER });
    const dual = await s.api('POST', '/api/admin/users', { token: t.admin, body: {
      username: 'dual.agent', displayName: '兼职话务员', password: 'Dual-agent-2026!', roles: [{ role: 'agent', unitId: s.unit('centre') }, { role: 'handler', unitId: s.unit('dept-chengguan') }],
    } });
    assert.equal(dual.status, 201, JSON.stringify(dual.body));
    t.dual = await s.login('dual.agent', 'Dual-agent-2026!');
    s.clock.now = new Date(s.clock.now.getTime() + 3_600_000);
  });
  after(() => s.close());
  function tokens(user: string, token: string) { t[user] = token; }

  it('finds the earlier appeals on the same matter with score and reasons, never personal data', async () => {
    const res = await suggest({ ...noise(4), areaCode: '370812003', phone: CALLER.phone });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const found = res.body.duplicates.map((d: { id: string }) => d.id);
    assert.deepEqual(new Set(found), new Set([ids.first, ids.chengguan, ids.zhujian, ids.accusesChengguan]), JSON.stringify(res.body.duplicates));
    const [best] = res.body.duplicates;
    assert.ok(best.score >= 0.5 && best.score <= 1);
    assert.ok(best.textSimilarity > 0.3);
    assert.equal(best.sameArea, true);
    assert.ok(best.sharedTerms.includes('噪音扰民'), JSON.stringify(best.sharedTerms));
    assert.ok(best.reasons.some((r: string) => r.startsWith('文本相似度')));
    assert.ok(best.reasons.some((r: string) => r.startsWith('共同词语')));
    assert.ok(best.reasons.includes('同一区域：龙桥街道'), JSON.stringify(best.reasons));
    assert.ok(best.reasons.some((r: string) => /^相隔/.test(r)));
    assert.match(best.number, /^YZ\d+/);
    assert.ok(best.status && best.statusLabel);
    const wire = JSON.stringify(res.body.duplicates);
    for (const secret of ['王秀英', '13905379876', 'content']) assert.equal(wire.includes(secret), false, `duplicates leak ${secret}`);
  });

  it('never shows a report that accuses one of the reader\'s units, and nothing unrelated', async () => {
    const plain = (await suggest({ ...noise(4), areaCode: '370812003' })).body.duplicates.map((d: { id: string }) => d.id);
    assert.ok(plain.includes(ids.accusesChengguan), 'the centre\'s agent may read the report about 城管');
    assert.equal(plain.includes(ids.other), false);
    const dual = await suggest({ ...noise(4), areaCode: '370812003' }, t.dual);
    assert.equal(dual.status, 200, JSON.stringify(dual.body));
    const found = dual.body.duplicates.map((d: { id: string }) => d.id);
    assert.ok(found.includes(ids.first));
    assert.equal(found.includes(ids.accusesChengguan), false, 'an agent who also works for 城管 never sees the report about 城管');
  });

  it('the dispatch screen lists duplicates of an appeal without itself, and a unit sees only its own appeals', async () => {
    const desk = await s.api('GET', `/api/appeals/${ids.chengguan}/duplicates`, { token: t.dispatcher });
    assert.equal(desk.status, 200, JSON.stringify(desk.body));
    assert.deepEqual(new Set(desk.body.items.map((d: { id: string }) => d.id)), new Set([ids.first, ids.zhujian, ids.accusesChengguan]));
    const unit = await s.api('GET', `/api/appeals/${ids.chengguan}/duplicates`, { token: t['chengguan.handler'] });
    assert.equal(unit.status, 200, JSON.stringify(unit.body));
    assert.deepEqual(unit.body.items, [], '城管 may read neither the centre\'s nor 住建\'s appeals');
    const notTheirs = await s.api('GET', `/api/appeals/${ids.zhujian}/duplicates`, { token: t['chengguan.handler'] });
    assert.deepEqual([notTheirs.status, notTheirs.body.error.code], [404, 'NOT_FOUND']);
    const unknown = await s.api('GET', `/api/appeals/${randomUUID()}/duplicates`, { token: t.dispatcher });
    assert.deepEqual([unknown.status, unknown.body], [404, notTheirs.body]);
    assert.equal((await s.api('GET', '/api/appeals/not-a-uuid/duplicates', { token: t.dispatcher })).status, 400);
  });

  it('appeals merged into one another are one matter: never listed as each other\'s duplicates', async () => {
    await act('agent', ids.first!, { action: 'accept' });
    await act('dispatcher', ids.first!, { action: 'merge', masterId: ids.chengguan });
    const master = await s.api('GET', `/api/appeals/${ids.chengguan}/duplicates`, { token: t.dispatcher });
    assert.deepEqual(new Set(master.body.items.map((d: { id: string }) => d.id)), new Set([ids.zhujian, ids.accusesChengguan]));
    const merged = await s.api('GET', `/api/appeals/${ids.first}/duplicates`, { token: t.dispatcher });
    assert.deepEqual(new Set(merged.body.items.map((d: { id: string }) => d.id)), new Set([ids.zhujian, ids.accusesChengguan]));
  });

  it('caller history: the caller\'s earlier appeals by phone hash, masked number, audited', async () => {
    const res = await suggest({ title: '又来反映', content: '还是上次反映的问题。', phone: '139-0537-9876' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const h = res.body.callerHistory;
    assert.equal(h.phone, '139****9876');
    assert.deepEqual(new Set(h.items.map((i: { id: string }) => i.id)), new Set([ids.first, ids.chengguan]));
    assert.ok(h.items.every((i: Record<string, unknown>) => i.number && i.status && i.title && !('citizen' in i)));
    const audits = await s.deps.database.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.action, 'caller_history'), eq(schema.auditLog.targetId, s.deps.cipher.phoneHash('13905379876'))));
    assert.ok(audits.length >= 1);
    const none = await suggest({ title: '新来电', content: '第一次来电。', phone: '13800000000' });
    assert.deepEqual([none.body.callerHistory.total, none.body.callerHistory.items], [0, []]);
  });
});
