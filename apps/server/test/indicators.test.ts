import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { DEFAULT_SETTINGS, indicatorMembers } from '@minsheng/domain';
import type { AppealFacts } from '@minsheng/domain';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { lifecycleDriver } from './lifecycle-driver';

/**
 * DOMAIN.md §7 over real HTTP: six appeals driven through the lifecycle on Monday 2026-11-23 (one on time, one
 * signed late and redone, one consultation left overdue and urged, one returned and redispatched, one answered at
 * intake, one merged), then every indicator of November asserted exactly, traced to its appeals, scoped, excluded
 * and frozen.
 */
describe('indicators and assessment', () => {
  let s: TestServer;
  const { t, id, signIn, at, act, intake } = lifecycleDriver(() => s);
  const get = (path: string, user = 'leader') => s.api('GET', path, { token: t[user] });
  const figure = (body: any, group: string, code: string) => body.groups.find((g: any) => g.key === group)?.figures.find((f: any) => f.indicator === code);
  const pair = (body: any, group: string, code: string) => { const f = figure(body, group, code); return f ? [f.numerator, f.denominator] : null; };

  before(async () => {
    s = await startTestServer({ now: new Date('2026-11-23T09:00:00+08:00') });
    await signIn();
    const zhujian = s.unit('dept-zhujian');
    const chengguan = s.unit('dept-chengguan');
    await at('2026-11-23T09:00:00');
    for (const n of ['A', 'B', 'D']) await intake(n);
    await intake('C', { kind: 'consultation', title: '咨询居住证办理需要哪些材料', content: '想咨询一下在兖州办理居住证需要准备哪些材料，去哪里办理，多长时间能拿到。' });
    await intake('E', { kind: 'consultation', title: '咨询公积金提取条件', content: '想咨询住房公积金提取需要满足什么条件，提取需要哪些材料，多久能到账。' });
    await intake('F');
    for (const n of ['A', 'B', 'C', 'D']) await act('agent', n, { action: 'accept' });
    await act('dispatcher', 'A', { action: 'dispatch', leadUnitId: zhujian });
    await act('dispatcher', 'B', { action: 'dispatch', leadUnitId: zhujian });
    await act('dispatcher', 'C', { action: 'dispatch', leadUnitId: chengguan });
    await act('dispatcher', 'D', { action: 'dispatch', leadUnitId: zhujian });
    await act('agent', 'E', { action: 'answer_directly', answer: '已告知提取条件和所需材料。' });
    await act('dispatcher', 'F', { action: 'merge', masterId: id.A });

    await at('2026-11-23T09:30:00');
    await act('zhujian.handler', 'A', { action: 'sign' });
    await act('chengguan.handler', 'C', { action: 'sign' });
    await act('zhujian.handler', 'D', { action: 'request_return', reason: '不属于本单位职责' });
    await act('dispatcher', 'D', { action: 'approve_return' });
    await act('dispatcher', 'D', { action: 'dispatch', leadUnitId: chengguan });
    await at('2026-11-23T09:45:00');
    await act('chengguan.handler', 'D', { action: 'sign' });
    await at('2026-11-23T10:00:00');
    await act('zhujian.handler', 'A', { action: 'record_contact' });
    await act('supervisor', 'C', { action: 'urge', reason: '请尽快答复' });
    await at('2026-11-23T10:30:00');
    await act('zhujian.handler', 'A', { action: 'reply', reply: { text: '已责令施工单位夜间停止作业。', result: 'solved' } });
    await act('zhujian.leader', 'A', { action: 'approve_reply' });
    await at('2026-11-23T11:00:00');
    await act('callback', 'A', { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
    await act('callback', 'A', { action: 'close' });

    await at('2026-11-23T14:00:00'); // past B's sign-for clock (2 working hours from 09:00: 11:00)
    await act('zhujian.handler', 'B', { action: 'sign' });
    await at('2026-11-23T14:10:00');
    await act('zhujian.handler', 'B', { action: 'record_contact' });
    await at('2026-11-23T14:20:00');
    await act('zhujian.handler', 'B', { action: 'reply', reply: { text: '已协调处理。', result: 'partially_solved' } });
    await act('zhujian.leader', 'B', { action: 'approve_reply' });
    await at('2026-11-23T15:00:00');
    await act('callback', 'B', { action: 'callback', satisfaction: 'basically_satisfied', contacted: true, solved: false });
    await act('callback', 'B', { action: 'redo', reason: '群众反映问题仍未解决' });
    await at('2026-11-24T10:00:00');
    await act('zhujian.handler', 'B', { action: 'reply', reply: { text: '已彻底整改。', result: 'solved' } });
    await act('zhujian.leader', 'B', { action: 'approve_reply' });
    await act('callback', 'B', { action: 'callback', satisfaction: 'very_satisfied', contacted: true, solved: true });
    await act('callback', 'B', { action: 'close' });
    await at('2026-11-27T12:00:00');
  });
  after(() => s?.close());

  const NOVEMBER = '/api/indicators?period=month&from=2026-11-01';

  it('computes every indicator of November per unit exactly', async () => {
    const res = await get(`${NOVEMBER}&groupBy=unit`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.period.firstDay, '2026-11-01');
    assert.equal(res.body.period.from, '2026-10-31T16:00:00.000Z');
    const zh = s.unit('dept-zhujian');
    const cg = s.unit('dept-chengguan');
    const centre = s.unit('centre');
    const expected: Record<string, Record<string, [number, number] | null>> = {
      [zh]: { sign_on_time: [1, 2], response: [1, 2], on_time_completion: [3, 3], resolution: [2, 3], satisfaction: [2.8, 3], redo: [1, 2], return: [1, 3], urge: [0, 3], callback: [3, 3], direct_answer: [0, 0], repeat: [0, 0] },
      [cg]: { sign_on_time: [2, 2], response: [0, 2], on_time_completion: [0, 1], resolution: [0, 0], satisfaction: [0, 0], redo: [0, 0], return: [0, 2], urge: [1, 2], callback: [0, 0] },
      [centre]: { direct_answer: [1, 6], repeat: [1, 6], sign_on_time: [0, 0] },
    };
    for (const [unit, figures] of Object.entries(expected)) {
      for (const [code, want] of Object.entries(figures)) assert.deepEqual(pair(res.body, unit, code), want, `${code} of ${unit}`);
    }
    assert.equal(figure(res.body, zh, 'satisfaction').rate, 2.8 / 3);
    assert.equal(figure(res.body, cg, 'resolution').rate, null);
  });

  it('agrees with the domain reference definition on every member', async () => {
    const db = s.deps.database.db;
    const events = await queryRows<any>(db, sql`SELECT appeal_id, seq, action, from_status, occurred_at, payload FROM appeal_events WHERE jurisdiction_id = '370812' ORDER BY appeal_id, seq`);
    const runs = await queryRows<any>(db, sql`SELECT appeal_id, clock, started_at, due_at, stopped_at, paused_at FROM appeal_clock_runs WHERE jurisdiction_id = '370812'`);
    const appeals = await queryRows<any>(db, sql`SELECT id, kind, owner_unit_id, related_appeal_id FROM appeals WHERE jurisdiction_id = '370812'`);
    const from = new Date('2026-10-31T16:00:00Z').getTime();
    const to = new Date('2026-11-30T16:00:00Z').getTime();
    const totals = new Map<string, [number, number]>();
    for (const a of appeals) {
      const facts: AppealFacts = {
        id: a.id, kind: a.kind, ownerUnitId: a.owner_unit_id, relatedAppealId: a.related_appeal_id,
        events: events.filter((e) => e.appeal_id === a.id).map((e) => ({ seq: e.seq, action: e.action, fromStatus: e.from_status, at: new Date(e.occurred_at), payload: e.payload })),
        clockRuns: runs.filter((r) => r.appeal_id === a.id).map((r) => ({ clock: r.clock, startedAt: new Date(r.started_at), dueAt: new Date(r.due_at), stoppedAt: r.stopped_at && new Date(r.stopped_at), pausedAt: r.paused_at && new Date(r.paused_at) })),
      };
      for (const m of indicatorMembers(facts, s.clock.now, DEFAULT_SETTINGS.satisfactionWeights)) {
        if (m.at.getTime() < from || m.at.getTime() >= to) continue;
        const key = `${m.unitId} ${m.indicator}`;
        const [n, d] = totals.get(key) ?? [0, 0];
        totals.set(key, [Math.round((n + m.numerator) * 10_000) / 10_000, d + 1]);
      }
    }
    const res = await get(`${NOVEMBER}&groupBy=unit`);
    const fromSql = new Map<string, [number, number]>();
    for (const g of res.body.groups) for (const f of g.figures) if (f.denominator > 0) fromSql.set(`${g.key} ${f.indicator}`, [f.numerator, f.denominator]);
    assert.deepEqual(Object.fromEntries([...fromSql].sort()), Object.fromEntries([...totals].sort()));
  });

  it('rolls sub-units up and groups by kind and channel', async () => {
    const withSubs = await get(`${NOVEMBER}&groupBy=unit&includeSubunits=true`);
    assert.deepEqual(pair(withSubs.body, s.unit('centre'), 'sign_on_time'), [3, 4]);
    assert.deepEqual(pair(withSubs.body, s.unit('centre'), 'return'), [1, 5]);
    const byKind = await get(`${NOVEMBER}&groupBy=kind`);
    assert.deepEqual(pair(byKind.body, 'consultation', 'on_time_completion'), [0, 1]);
    assert.deepEqual(pair(byKind.body, 'complaint', 'on_time_completion'), [3, 3]);
    assert.deepEqual(pair(byKind.body, 'consultation', 'direct_answer'), [1, 2]);
    const byChannel = await get(`${NOVEMBER}&groupBy=channel`);
    assert.deepEqual(pair(byChannel.body, 'phone_12345', 'sign_on_time'), [3, 4]);
    const oneUnit = await get(`${NOVEMBER}&groupBy=unit&unitId=${s.unit('dept-zhujian')}`);
    assert.deepEqual(oneUnit.body.groups.map((g: any) => g.key), [s.unit('dept-zhujian')]);
    const october = await get('/api/indicators?period=month&from=2026-10-01');
    assert.deepEqual(october.body.groups, []);
  });

  it('counts an open overdue appeal in the period its clock ran out', async () => {
    const day = await get(`/api/indicators?period=day&from=2026-11-24&groupBy=unit`);
    assert.deepEqual(pair(day.body, s.unit('dept-chengguan'), 'on_time_completion'), [0, 1]);
    const week = await get(`/api/indicators?period=custom&from=2026-11-25&to=2026-11-30&groupBy=unit`);
    assert.equal(pair(week.body, s.unit('dept-chengguan'), 'on_time_completion'), null);
  });

  it('drills down to exactly the appeals behind a figure', async () => {
    const zh = s.unit('dept-zhujian');
    const den = await get(`/api/indicators/sign_on_time/appeals?period=month&from=2026-11-01&groupBy=unit&group=${zh}`);
    assert.equal(den.status, 200, JSON.stringify(den.body));
    assert.equal(den.body.total, 2);
    assert.deepEqual(den.body.items.map((i: any) => i.appealId).sort(), [id.A, id.B].sort());
    assert.ok(den.body.items.every((i: any) => i.number && i.title && !('citizen' in i)));
    const num = await get(`/api/indicators/sign_on_time/appeals?period=month&from=2026-11-01&groupBy=unit&group=${zh}&part=numerator`);
    assert.deepEqual(num.body.items.map((i: any) => i.appealId), [id.A]);
    const sat = await get(`/api/indicators/satisfaction/appeals?period=month&from=2026-11-01&groupBy=unit&group=${zh}`);
    assert.equal(sat.body.total, 3);
    assert.equal(sat.body.items.reduce((n: number, i: any) => n + i.numerator, 0), 2.8);
    const paged = await get(`/api/indicators/return/appeals?period=month&from=2026-11-01&limit=2&offset=2`);
    assert.equal(paged.body.total, 5);
    assert.equal(paged.body.items.length, 2);
    // Keyset pages (`next` → `after`) walk the same members in the same order as offsets.
    const all = (await get(`/api/indicators/return/appeals?period=month&from=2026-11-01&limit=5`)).body.items.map((i: any) => `${i.appealId}|${i.unitId}`);
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const page: any = await get(`/api/indicators/return/appeals?period=month&from=2026-11-01&limit=2${next ? `&after=${next}` : ''}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      walked.push(...page.body.items.map((i: any) => `${i.appealId}|${i.unitId}`));
      next = page.body.next;
    } while (next && walked.length < 10);
    assert.deepEqual(walked, all);
    assert.deepEqual(paged.body.items.map((i: any) => `${i.appealId}|${i.unitId}`), all.slice(2, 4));
    for (const bad of ['x', Buffer.from('2026-11-01|a').toString('base64url'), Buffer.from('yesterday|a|b').toString('base64url')]) {
      const res = await get(`/api/indicators/return/appeals?period=month&from=2026-11-01&after=${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
    const total = await get(`/api/indicators/direct_answer/appeals?period=month&from=2026-11-01&part=numerator`);
    assert.deepEqual(total.body.items.map((i: any) => i.appealId), [id.E]);
  });

  it('scopes unit leaders to their own units and refuses handlers', async () => {
    const zh = await get(`${NOVEMBER}&groupBy=unit`, 'zhujian.leader');
    assert.equal(zh.status, 200);
    assert.deepEqual(zh.body.groups.map((g: any) => g.key), [s.unit('dept-zhujian')]);
    const cgDrill = await get(`/api/indicators/urge/appeals?period=month&from=2026-11-01`, 'zhujian.leader');
    assert.equal(cgDrill.body.total, 3);
    assert.ok(!cgDrill.body.items.some((i: any) => i.appealId === id.C));
    const other = await get(`${NOVEMBER}&unitId=${s.unit('dept-chengguan')}`, 'zhujian.leader');
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'UNKNOWN_UNIT');
    const handler = await get(NOVEMBER, 'zhujian.handler');
    assert.equal(handler.status, 403);
    const anonymous = await s.api('GET', NOVEMBER);
    assert.equal(anonymous.status, 401);
  });

  it('refuses bad input with stable codes', async () => {
    for (const q of ['period=fortnight', 'period=month&from=2026-02-30', 'period=custom&from=2026-11-01', 'period=custom&from=2026-11-05&to=2026-11-01', 'groupBy=street', 'includeSubunits=yes', 'bogus=1']) {
      const res = await get(`/api/indicators?${q}`);
      assert.ok(res.status === 400 || res.status === 422, `${q}: ${res.status}`);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED', q);
    }
    assert.equal((await get('/api/indicators/nothing/appeals')).status, 400);
    assert.equal((await get('/api/indicators/redo/appeals?limit=0')).status, 400);
    assert.equal((await get('/api/assessment?month=2026-13')).status, 400);
    assert.equal((await get(`${NOVEMBER}&unitId=no-such-unit`)).body.error.code, 'UNKNOWN_UNIT');
  });

  it('excludes an appeal from one indicator with an audited reason, and restores it', async () => {
    const body = { appealId: id.B, indicator: 'satisfaction', reason: '不满意原因经复核不属于承办单位职责' };
    assert.equal((await s.api('POST', '/api/assessment/exclusions', { token: t['zhujian.leader'], body })).status, 403);
    assert.equal((await s.api('POST', '/api/assessment/exclusions', { token: t.supervisor, body: { ...body, reason: ' ' } })).status, 400);
    assert.equal((await s.api('POST', '/api/assessment/exclusions', { token: t.supervisor, body: { ...body, appealId: 'nope' } })).body.error.code, 'UNKNOWN_APPEAL');
    const added = await s.api('POST', '/api/assessment/exclusions', { token: t.supervisor, body });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const zh = s.unit('dept-zhujian');
    const res = await get(`${NOVEMBER}&groupBy=unit`);
    assert.deepEqual(pair(res.body, zh, 'satisfaction'), [1, 1]);
    assert.deepEqual(pair(res.body, zh, 'resolution'), [2, 3]);
    const audit = await queryRows<any>(s.deps.database.db, sql`SELECT action, detail FROM audit_log WHERE target_id = ${id.B} ORDER BY at`);
    assert.deepEqual(audit.map((a) => [a.action, a.detail.indicator, a.detail.reason]), [['assessment.exclude', 'satisfaction', body.reason]]);
    const restored = await s.api('DELETE', '/api/assessment/exclusions', { token: t.supervisor, body: { ...body, reason: '复核结论撤销' } });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.deepEqual(pair((await get(`${NOVEMBER}&groupBy=unit`)).body, zh, 'satisfaction'), [2.8, 3]);
    assert.equal((await s.api('DELETE', '/api/assessment/exclusions', { token: t.supervisor, body })).status, 404);
  });

  it('ranks units per tier with the configured weights, deductions and red/black lists', async () => {
    const res = await get('/api/assessment?month=2026-11');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.frozen, false);
    assert.deepEqual(res.body.weights, { response: 20, resolution: 40, satisfaction: 40 });
    const dept = res.body.tiers.find((x: any) => x.key === 'department');
    const zh = dept.units.find((u: any) => u.unitId === s.unit('dept-zhujian'));
    const cg = dept.units.find((u: any) => u.unitId === s.unit('dept-chengguan'));
    assert.equal(zh.composite, 74); // (20·1/2 + 40·2/3 + 40·2.8/3) / 100
    assert.deepEqual(zh.deductions, { overdue: 0, redo: 0.5, total: 0.5 });
    assert.equal(zh.score, 73.5);
    assert.equal(zh.rank, 1);
    assert.equal(cg.composite, 0);
    assert.equal(cg.score, -0.5);
    assert.equal(cg.rank, 2);
    assert.deepEqual(dept.red, [s.unit('dept-zhujian')]);
    assert.deepEqual(dept.black, [s.unit('dept-chengguan')]);
    assert.ok(dept.units.filter((u: any) => u.rank === null).every((u: any) => u.score === null));
    const mine = await get('/api/assessment?month=2026-11', 'zhujian.leader');
    assert.deepEqual(mine.body.tiers.flatMap((x: any) => x.units.map((u: any) => u.unitId)), [s.unit('dept-zhujian')]);
  });

  it('freezes a closed month so later changes do not alter it', async () => {
    const early = await s.api('POST', '/api/assessment/2026-11/freeze', { token: t.admin });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'MONTH_NOT_CLOSED');
    await at('2026-12-02T09:00:00');
    assert.equal((await s.api('POST', '/api/assessment/2026-11/freeze', { token: t.supervisor })).status, 403);
    const before = (await get('/api/assessment?month=2026-11')).body;
    const frozen = await s.api('POST', '/api/assessment/2026-11/freeze', { token: t.admin });
    assert.equal(frozen.status, 200, JSON.stringify(frozen.body));
    assert.equal(frozen.body.frozen, true);
    assert.deepEqual(frozen.body.tiers, before.tiers);
    assert.equal((await s.api('POST', '/api/assessment/2026-11/freeze', { token: t.admin })).body.error.code, 'MONTH_FROZEN');
    // Later: the weights change and an appeal is excluded; the frozen month keeps its published ranking.
    const put = await s.api('PUT', '/api/admin/settings', { token: t.admin, body: { satisfactionWeights: { basically_satisfied: 0 } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    await s.api('POST', '/api/assessment/exclusions', { token: t.supervisor, body: { appealId: id.A, indicator: 'response', reason: '首次联系时间记录有误，经复核剔除' } });
    const after = (await get('/api/assessment?month=2026-11')).body;
    assert.equal(after.frozen, true);
    assert.deepEqual(after.tiers, before.tiers);
    assert.deepEqual(after.satisfactionWeights, DEFAULT_SETTINGS.satisfactionWeights);
    const live = await get(`${NOVEMBER}&groupBy=unit`);
    assert.deepEqual(pair(live.body, s.unit('dept-zhujian'), 'satisfaction'), [2, 3]);
    assert.deepEqual(pair(live.body, s.unit('dept-zhujian'), 'response'), [0, 1]);
  });
});
