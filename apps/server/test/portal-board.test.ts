import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { queryRows, schema } from '@minsheng/db';
import { Worker } from '../src/jobs/worker';
import { schedulePortalJobs } from '../src/modules/board/portal-jobs';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { appealIdOf, letter, refused, submit, walkToCallback } from './portal-helpers';

const JID = '370812';
const PII_CONTENT = '我叫李国强，电话13905371234，身份证370882198503126376，车牌鲁H12345的车被堵，邮箱liguoqiang@163.com，住龙桥街道建设东路18号3单元201室。';

/** 留言板 (drafted by the job after closure, redacted, reviewed by staff), 每月通报 and reception schedules over HTTP. */
describe('portal board, monthly statistics and schedules over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const category: Record<string, string> = {};
  const letters: Record<string, { number: string; queryCode: string; id: string }> = {};
  let ipSeq = 0;

  async function write(key: string, overrides: Record<string, string>) {
    const res = await submit(s, letter(s, { content: PII_CONTENT, name: '李国强', ...overrides }), [], `198.51.100.${++ipSeq}`);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    letters[key] = { number: res.body.number, queryCode: res.body.queryCode, id: await appealIdOf(s, res.body.number) };
  }
  async function closeByRating(key: string) {
    await walkToCallback(s, tokens, letters[key]!.id, '已联系李国强（13905371234）核实，施工单位已整改。');
    const { number, queryCode } = letters[key]!;
    const res = await s.api('POST', '/api/portal/track/rate', { body: { number, queryCode, satisfaction: 'very_satisfied', solved: true } });
    assert.equal(res.body.status, 'closed', JSON.stringify(res.body));
  }
  async function runJobs() {
    await schedulePortalJobs(s.deps, s.deps.database.db, JID, s.clock.now);
    await new Worker(s.deps, 60_000).tick();
  }
  const staffGet = (path: string, user = 'admin') => s.api('GET', path, { token: tokens[user] });
  const board = (query = '') => s.api('GET', `/api/portal/board${query}`);

  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'zhujian.handler', 'zhujian.leader', 'callback', 'admin', 'supervisor', 'leader']) tokens[u] = await s.login(u);
    for (const c of await s.deps.database.db.select().from(schema.categories).where(eq(schema.categories.jurisdictionId, JID))) category[c.key] = c.id;
    const cat = category['construction.property.service-quality']!;
    await write('a', { title: '物业不作为，李国强家门口垃圾无人清理', categoryId: cat });
    await write('b', { title: '小区电梯经常故障', categoryId: cat });
    await write('c', { title: '楼道灯坏了一个月', categoryId: cat });
    await write('noConsent', { consentPublish: 'false', categoryId: cat });
    await write('confidential', { confidential: 'true', categoryId: cat });
    await write('report', { kind: 'report', consentPublish: 'true', accusedUnitId: s.unit('dept-chengguan'), categoryId: cat });
    for (const key of Object.keys(letters)) await closeByRating(key);
  });
  after(() => s.close());

  it('the job drafts redacted posts only for consenting, non-confidential, non-report appeals; idempotently', async () => {
    assert.equal((await board()).body.items.length, 0);
    await runJobs();
    await runJobs();
    const posts = await queryRows<{ appeal_id: string; status: string }>(s.deps.database.db, sql`SELECT appeal_id, status FROM board_posts`);
    assert.deepEqual(posts.map((p) => p.appeal_id).sort(), ['a', 'b', 'c'].map((k) => letters[k]!.id).sort());
    assert.ok(posts.every((p) => p.status === 'pending'));
    assert.equal((await board()).body.items.length, 0, 'nothing is public before review');
    refused(await s.api('GET', `/api/portal/board/${letters.a!.number}`), 404, 'NOT_FOUND');
  });

  it('reviewers see pending posts with the personal data redacted and what was found', async () => {
    const res = await staffGet('/api/board-posts?status=pending');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items.length, 3);
    const post = res.body.items.find((p: { number: string }) => p.number === letters.a!.number);
    for (const secret of ['李国强', '13905371234', '370882198503126376', '鲁H12345', 'liguoqiang@163.com', '建设东路18号3单元201室']) {
      assert.ok(!JSON.stringify(post).includes(secret), `${secret} left in ${JSON.stringify(post)}`);
    }
    assert.match(post.content, /【手机号】/);
    assert.match(post.title, /【姓名】/);
    assert.match(post.reply, /【姓名】|【手机号】/);
    assert.equal(post.redactions.content.mobile, 1);
    assert.equal(post.redactions.content.id_card, 1);
    assert.equal(post.redactions.content.plate, 1);
    assert.equal(post.redactions.content.email, 1);
    assert.equal(post.unitName, '区住建局');
    for (const user of ['leader', 'supervisor']) assert.equal((await staffGet('/api/board-posts', user)).status, 200, user);
    for (const user of ['agent', 'zhujian.handler', 'zhujian.leader']) refused(await staffGet('/api/board-posts', user), 403, 'FORBIDDEN', user);
    refused(await s.api('GET', '/api/board-posts'), 401, 'UNAUTHENTICATED');
  });

  it('approve (with edits) and reject are versioned and audited; only approved posts are public', async () => {
    const pending = (await staffGet('/api/board-posts')).body.items as { appealId: string; number: string; version: number; title: string; content: string; reply: string }[];
    const a = pending.find((p) => p.number === letters.a!.number)!;
    const b = pending.find((p) => p.number === letters.b!.number)!;
    const approve = (p: typeof a, title: string, user = 'admin', version = p.version) => s.api('PATCH', `/api/board-posts/${p.appealId}`, { token: tokens[user], body: { version, title, content: p.content, reply: p.reply, decision: 'approve' } });
    refused(await approve(a, '物业不清理垃圾', 'zhujian.leader'), 403, 'FORBIDDEN');
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    const ok = await approve(a, '物业不清理垃圾');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'approved');
    assert.deepEqual(ok.body.remaining, []);
    refused(await approve(a, '再改一次', 'admin', a.version), 409, 'STALE_STATE');
    const rejected = await s.api('PATCH', `/api/board-posts/${b.appealId}`, { token: tokens.supervisor, body: { version: b.version, title: b.title, content: b.content, reply: b.reply, decision: 'reject', note: '涉及个人纠纷' } });
    assert.equal(rejected.body.status, 'rejected');
    refused(await s.api('PATCH', `/api/board-posts/${b.appealId}`, { token: tokens.admin, body: { version: 1, title: '', content: 'x', reply: 'y', decision: 'approve' } }), 400, 'VALIDATION_FAILED');
    const audit = await queryRows<{ action: string }>(s.deps.database.db, sql`SELECT action FROM audit_log WHERE target_type = 'board_post' ORDER BY action`);
    assert.deepEqual(audit.map((r) => r.action), ['approve_board_post', 'reject_board_post']);

    const list = await board();
    assert.equal(list.body.items.length, 1);
    const item = list.body.items[0];
    assert.deepEqual(Object.keys(item).sort(), ['areaName', 'askedAt', 'categoryName', 'content', 'number', 'repliedAt', 'reply', 'title', 'unitName']);
    assert.equal(item.title, '物业不清理垃圾');
    assert.equal(item.categoryName, '物业服务质量');
    assert.equal(item.areaName, '龙桥街道');
    assert.ok(!JSON.stringify(item).includes('13905371234'));
    assert.deepEqual((await s.api('GET', `/api/portal/board/${letters.a!.number}`)).body, item);
    refused(await s.api('GET', `/api/portal/board/${letters.b!.number}`), 404, 'NOT_FOUND', 'rejected');
    refused(await s.api('GET', `/api/portal/board/${letters.report!.number}`), 404, 'NOT_FOUND', '举报');
  });

  it('board filters (words, category subtree, area subtree, unit, month) and newest-first pages', async () => {
    const c = (await staffGet('/api/board-posts')).body.items[0] as { appealId: string; version: number; title: string; content: string; reply: string };
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    assert.equal((await s.api('PATCH', `/api/board-posts/${c.appealId}`, { token: tokens.leader, body: { version: c.version, title: c.title, content: c.content, reply: c.reply, decision: 'approve' } })).status, 200);
    const count = async (q: string) => (await board(q)).body.items.length;
    assert.equal(await count(''), 2);
    assert.equal(await count(`?q=${encodeURIComponent('垃圾')}`), 1);
    assert.equal(await count(`?categoryId=${category.construction}`), 2, 'a parent category finds its children');
    assert.equal(await count(`?categoryId=${category['construction.housing-quality']}`), 0);
    assert.equal(await count('?areaCode=370812'), 2, 'the county finds its streets');
    assert.equal(await count('?areaCode=370812001'), 0);
    assert.equal(await count(`?unitId=${s.unit('dept-zhujian')}`), 2);
    assert.equal(await count(`?unitId=${s.unit('dept-chengguan')}`), 0);
    assert.equal(await count('?month=2026-11'), 2);
    assert.equal(await count('?month=2026-10'), 0);
    const p1 = await board('?limit=1');
    assert.equal(p1.body.items[0].title, c.title, 'newest publication first');
    assert.ok(p1.body.nextCursor);
    const p2 = await board(`?limit=1&cursor=${p1.body.nextCursor}`);
    assert.equal(p2.body.items[0].number, letters.a!.number);
    assert.equal(p2.body.nextCursor, null);
    refused(await board('?month=2026-13'), 400, 'VALIDATION_FAILED');
    refused(await board('?cursor=bm9wZQ'), 400, 'VALIDATION_FAILED');
  });

  it('monthly statistics: published from the same figures the console computes, idempotently', async () => {
    const empty = await s.api('GET', '/api/portal/stats');
    assert.deepEqual([empty.status, empty.body.month, empty.body.units], [200, null, []]);
    refused(await s.api('POST', '/api/admin/monthly-bulletins', { token: tokens.admin, body: { month: '2026-11' } }), 400, 'VALIDATION_FAILED', 'an unfinished month');
    // A consultation signed and never answered: its 1-working-day clock runs out in November, counting against the rate.
    await write('late', { kind: 'consultation', categoryId: category['construction.property.service-quality']! });
    for (const [user, body] of [['agent', { action: 'accept' }], ['dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') }], ['zhujian.handler', { action: 'sign' }]] as const) {
      assert.equal((await s.api('POST', `/api/appeals/${letters.late!.id}/transitions`, { token: tokens[user], body })).status, 200);
    }
    s.clock.now = new Date('2026-12-01T09:00:00+08:00');
    // Sessions last 12 hours: a week later everyone signs in again.
    for (const u of Object.keys(tokens)) tokens[u] = await s.login(u);
    refused(await s.api('POST', '/api/admin/monthly-bulletins', { token: tokens['zhujian.leader'], body: { month: '2026-11' } }), 403, 'FORBIDDEN');
    const live = await staffGet('/api/monthly-figures?month=2026-11');
    assert.equal(live.status, 200, JSON.stringify(live.body));
    const zhujian = live.body.units.find((u: { unitId: string }) => u.unitId === s.unit('dept-zhujian'));
    assert.deepEqual(zhujian, { unitId: s.unit('dept-zhujian'), unitName: '区住建局', received: 7, replied: 6, onTime: 6, overdueOpen: 1, onTimeRate: 0.8571, rated: 6, satisfied: 6, satisfactionRate: 1 });

    const published = await s.api('POST', '/api/admin/monthly-bulletins', { token: tokens.admin, body: { month: '2026-11' } });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.published, live.body.units.length);
    const stats = await s.api('GET', '/api/portal/stats?month=2026-11');
    assert.equal(stats.status, 200);
    assert.deepEqual(stats.body.months, ['2026-11']);
    const strip = (units: Record<string, unknown>[]) => units.map((u) => JSON.stringify(Object.fromEntries(Object.entries(u).sort()))).sort();
    assert.deepEqual(strip(stats.body.units), strip(live.body.units), 'published figures = the console\'s figures');
    assert.deepEqual(Object.keys(stats.body).sort(), ['month', 'months', 'publishedAt', 'units']);
    assert.deepEqual((await s.api('GET', '/api/portal/stats')).body, stats.body, 'no month: the latest published');

    // The monthly job publishes the same month again: nothing changes.
    await runJobs();
    assert.equal((await s.api('POST', '/api/admin/monthly-bulletins', { token: tokens.supervisor, body: { month: '2026-11' } })).body.published, 0);
    assert.deepEqual((await s.api('GET', '/api/portal/stats?month=2026-11')).body, stats.body);
    refused(await s.api('GET', '/api/portal/stats?month=2026-09'), 404, 'NOT_FOUND');
    const audit = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'publish_monthly_bulletin'`);
    assert.equal(audit[0]!.n, 1);
  });

  it('reception schedules: administrators add, change and deactivate them (audited); the directory follows', async () => {
    const body = { kind: 'leader_reception', unitId: s.unit('centre'), leaderName: '钱志远', leaderTitle: '副区长', startsAt: '2026-12-03T01:00:00.000Z', endsAt: '2026-12-03T03:30:00.000Z', place: '区群众来访接待中心', topic: '<b>住房保障</b>' };
    refused(await s.api('POST', '/api/admin/reception-schedules', { token: tokens.supervisor, body }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/admin/reception-schedules', { token: tokens.admin, body: { ...body, endsAt: body.startsAt } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/admin/reception-schedules', { token: tokens.admin, body: { ...body, kind: 'party' } }), 400, 'VALIDATION_FAILED');
    const created = await s.api('POST', '/api/admin/reception-schedules', { token: tokens.admin, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.topic, '<b>住房保障</b>');
    const dir = async () => (await s.api('GET', '/api/portal/directory')).body.schedules as { leaderName: string; unitName: string }[];
    const shown = (await dir()).find((x) => x.leaderName === '钱志远');
    assert.equal(shown?.unitName, '区12345热线中心');
    const patched = await s.api('PATCH', `/api/admin/reception-schedules/${created.body.id}`, { token: tokens.admin, body: { active: false } });
    assert.equal(patched.body.active, false);
    assert.ok(!(await dir()).some((x) => x.leaderName === '钱志远'));
    refused(await s.api('PATCH', `/api/admin/reception-schedules/${created.body.id}`, { token: tokens.admin, body: { endsAt: '2026-12-02T00:00:00.000Z' } }), 400, 'VALIDATION_FAILED');
    const list = await staffGet('/api/admin/reception-schedules');
    assert.ok(list.body.items.some((x: { id: string }) => x.id === created.body.id));
    const audit = await queryRows<{ action: string }>(s.deps.database.db, sql`SELECT action FROM audit_log WHERE target_type = 'reception_schedule' ORDER BY action`);
    assert.deepEqual(audit.map((r) => r.action), ['create_reception_schedule', 'update_reception_schedule']);
  });
});
