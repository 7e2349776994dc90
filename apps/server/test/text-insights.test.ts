import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { categoryIds, register } from './text-fixtures';
import { TEXT_JOB_HANDLERS } from '../src/modules/text/text-jobs';
import { runEarlyWarning } from '../src/modules/text/use-cases/run-early-warning';

const DAY = 86_400_000;

/** 热点 and 预警 from real appeals: a burst makes a topic and one spike warning, however often the job runs. */
describe('hot topics and early warnings', () => {
  let s: TestServer;
  const t: Record<string, string> = {};
  let cat: Record<string, string> = {};
  const burst: string[] = [];
  let risky = '';
  let today = '';
  const USERS = ['admin', 'agent', 'dispatcher', 'leader', 'supervisor', 'gulou.handler', 'zhujian.handler'];
  const outage = (i: number) => ({
    title: `${['幸福小区', '幸福小区东区', '幸福小区北门', '幸福小区西区', '幸福小区南区', '幸福小区3号楼'][i]}突然停水`,
    content: `龙桥街道幸福小区从今天早上开始突然停水，${['没有任何通知', '物业说是管道爆裂', '问了几次都说不清楚', '家里老人做不了饭', '孩子上学前没法洗漱', '已经停了大半天'][i]}，请供水公司尽快抢修恢复供水。`,
  });
  const warnings = async (token = t.supervisor, query = '') => s.api('GET', `/api/text/warnings${query}`, { token });
  const spikeRows = () => queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM text_warnings WHERE kind = 'spike'`);

  before(async () => {
    s = await startTestServer();
    for (const u of USERS) t[u] = await s.login(u);
    cat = await categoryIds(s, t.agent!);
    const now = s.clock.now.getTime();
    // History: a quiet three weeks (one unrelated appeal each week), then six outage reports from one street today.
    for (const daysAgo of [21, 14, 8]) {
      s.clock.now = new Date(now - daysAgo * DAY);
      const token = await s.login('agent');
      await register(s, token, { title: '咨询养老保险缴费', content: '想咨询灵活就业人员养老保险缴费年限。', categoryId: cat['labour.social-insurance.pension'], areaCode: '370812101' });
    }
    s.clock.now = new Date(now);
    for (let i = 0; i < 6; i++) {
      burst.push(await register(s, t.agent!, { ...outage(i), categoryId: cat['water.supply.outage'], areaCode: '370812003' }));
    }
    risky = await register(s, t.agent!, { title: '拖欠工资准备集体上访', content: '工地老板拖欠我们二十多个工人半年工资，再不解决我们就集体上访，联系人张三13905376666。', categoryId: cat['labour.labour-relations.wage-arrears'], areaCode: '370812105' });
    today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
    s.clock.now = new Date(now + 60_000);
  });
  after(() => s.close());

  it('hot topics: the burst is a new topic of the period, labelled, with its area and representative', async () => {
    const res = await s.api('GET', '/api/text/hot-topics', { token: t.leader });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.appeals, 7, 'the last 7 days: the burst, the risky appeal (the 7-day-old one is just outside)');
    assert.equal(res.body.truncated, false);
    const [topic] = res.body.topics;
    assert.equal(topic.size, 6, JSON.stringify(res.body.topics));
    assert.deepEqual(new Set(topic.appealIds), new Set(burst));
    assert.equal(topic.growth, null, 'nothing like it the week before');
    assert.equal(topic.previousSize, 0);
    assert.ok(topic.terms.includes('停水'), JSON.stringify(topic.terms));
    assert.deepEqual(topic.areas, [{ areaCode: '370812003', name: '龙桥街道', count: 6 }]);
    assert.match(topic.representative.number, /^YZ/);
    assert.match(topic.representative.title, /停水/);
  });

  it('hot topics are scoped: a street office sees only its own appeals; filters and bad input', async () => {
    const street = await s.api('GET', '/api/text/hot-topics', { token: t['gulou.handler'] });
    assert.equal(street.status, 200);
    assert.deepEqual([street.body.appeals, street.body.topics], [0, []]);
    const elsewhere = await s.api('GET', '/api/text/hot-topics?areaCode=370812105', { token: t.leader });
    assert.deepEqual([elsewhere.body.appeals, elsewhere.body.topics.length], [1, 0]);
    const longer = await s.api('GET', `/api/text/hot-topics?from=${new Date(s.clock.now.getTime() - 30 * DAY).toISOString().slice(0, 10)}&to=${today}`, { token: t.leader });
    assert.equal(longer.status, 200, JSON.stringify(longer.body));
    assert.equal(longer.body.appeals, 10);
    const unit = await s.api('GET', `/api/text/hot-topics?unitId=${s.unit('dept-zhujian')}`, { token: t.leader });
    assert.deepEqual([unit.status, unit.body.appeals], [200, 0]);
    const cases: [string, number, string][] = [
      ['?from=2026-11-20&to=2026-11-10', 400, 'VALIDATION_FAILED'],
      ['?from=2020-01-01&to=2026-11-10', 400, 'VALIDATION_FAILED'],
      ['?from=yesterday-ish', 400, 'VALIDATION_FAILED'],
      ['?areaCode=370812999', 422, 'UNKNOWN_AREA'],
      [`?unitId=${randomUUID()}`, 422, 'UNKNOWN_UNIT'],
      ['?unitId=x', 400, 'VALIDATION_FAILED'],
      ['?bogus=1', 400, 'VALIDATION_FAILED'],
    ];
    for (const [query, status, code] of cases) {
      const res = await s.api('GET', `/api/text/hot-topics${query}`, { token: t.leader });
      assert.deepEqual([res.status, res.body.error?.code], [status, code], query);
    }
    assert.equal((await s.api('GET', '/api/text/hot-topics')).status, 401);
  });

  it('a spike of one category in one street makes exactly one warning, however often the job runs', async () => {
    const job = { jurisdictionId: '370812', id: randomUUID(), kind: 'text_warnings', payload: {}, attempts: 1, maxAttempts: 1 } as never;
    await TEXT_JOB_HANDLERS.text_warnings!(s.deps, job);
    const again = await runEarlyWarning(s.deps, '370812');
    assert.equal(again.created, 0, 'the second run only refreshes');
    assert.ok(again.spikes >= 1);
    assert.equal((await spikeRows())[0]!.n, 1);
    const res = await warnings();
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const spike = res.body.items.find((w: { kind: string }) => w.kind === 'spike');
    assert.deepEqual([spike.day, spike.categoryId, spike.areaCode, spike.areaName, spike.count, spike.status], [today, cat['water.supply.outage'], '370812003', '龙桥街道', 6, 'open']);
    assert.match(spike.categoryName, /停水/);
    assert.ok(spike.pValue < 0.001 && spike.score > 3);
    assert.deepEqual(new Set(spike.appeals.map((a: { id: string }) => a.id)), new Set(burst));
    assert.equal(spike.hiddenAppeals, 0);
  });

  it('risk keywords: one warning per keyword and day, snippets redacted', async () => {
    await runEarlyWarning(s.deps, '370812');
    const res = await warnings(t.leader, '?kind=risk');
    assert.equal(res.status, 200);
    const terms = res.body.items.map((w: { term: string }) => w.term).sort();
    assert.deepEqual(terms, ['拖欠工资', '集体上访'], JSON.stringify(res.body.items));
    const petition = res.body.items.find((w: { term: string }) => w.term === '集体上访');
    assert.deepEqual([petition.level, petition.detail.riskKind, petition.appeals.map((a: { id: string }) => a.id)], ['high', '群体性', [risky]]);
    const wire = JSON.stringify(res.body);
    assert.equal(wire.includes('13905376666'), false, 'no phone number in a snippet');
    const [rows] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM text_warnings WHERE kind = 'risk'`);
    assert.equal(rows!.n, 2);
  });

  it('acknowledging: supervisors and leaders only, idempotent, and a re-run keeps the status', async () => {
    const spike = (await warnings()).body.items.find((w: { kind: string }) => w.kind === 'spike');
    for (const user of ['agent', 'dispatcher', 'gulou.handler', 'admin']) {
      assert.equal((await warnings(t[user])).status, 403, user);
      assert.equal((await s.api('POST', `/api/text/warnings/${spike.id}/acknowledge`, { token: t[user], body: {} })).status, 403, user);
    }
    const ack = await s.api('POST', `/api/text/warnings/${spike.id}/acknowledge`, { token: t.supervisor, body: { note: '已通知供水公司' } });
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.deepEqual([ack.body.status, ack.body.note], ['acknowledged', '已通知供水公司']);
    const twice = await s.api('POST', `/api/text/warnings/${spike.id}/acknowledge`, { token: t.leader });
    assert.deepEqual([twice.status, twice.body.status, twice.body.acknowledgedAt, twice.body.note], [200, 'acknowledged', ack.body.acknowledgedAt, '已通知供水公司']);
    await runEarlyWarning(s.deps, '370812');
    const open = (await warnings(t.supervisor, '?status=open')).body.items;
    assert.equal(open.some((w: { id: string }) => w.id === spike.id), false);
    assert.equal((await warnings(t.supervisor, '?status=acknowledged')).body.items[0].id, spike.id);
    assert.equal((await s.api('POST', `/api/text/warnings/${randomUUID()}/acknowledge`, { token: t.supervisor, body: {} })).status, 404);
    for (const query of ['?status=closed', '?limit=0', '?limit=1000', '?kind=other']) assert.equal((await warnings(t.supervisor, query)).status, 400, query);
    assert.equal((await s.api('POST', `/api/text/warnings/${spike.id}/acknowledge`, { token: t.supervisor, body: { note: 'x'.repeat(501) } })).status, 400);
  });
});
