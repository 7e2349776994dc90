import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { refused } from './portal-helpers';

type Row = { unitName: string; gaps: { kind: string; areaName?: string; item?: string; have?: number }[]; roomCoverage: number | null; officerCoverage: number | null; compliant: boolean; station: { exists: boolean } };

/** 群众工作网络, 居情档案, 矛盾纠纷排查预警 over HTTP (issue 8, modules 3, 4, 6), on the demo's known data. */
describe('grassroots network, community files and disputes over HTTP', () => {
  let s: TestServer;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const users = ['agent', 'supervisor', 'leader', 'admin', 'gulou.leader', 'gulou.handler', 'xinyi.leader', 'zhujian.leader', 'weiyuan.handler'];

  before(async () => {
    s = await startTestServer();
    for (const u of users) t[u] = await s.login(u);
    for (const r of await queryRows<{ id: string; username: string }>(s.deps.database.db, sql`SELECT id, username FROM users WHERE jurisdiction_id = '370812'`)) ids[r.username] = r.id;
  });
  after(() => s.close());
  /** Move the clock (sessions are hours long, so everyone signs in again). */
  const moveClock = async (iso: string) => {
    s.clock.now = new Date(iso);
    for (const u of users) t[u] = await s.login(u);
  };

  it('compliance table: five-haves, four-haves-one-must, staff and officer minimums per street, with gaps', async () => {
    refused(await s.api('GET', '/api/grassroots/compliance', { token: t.agent }), 403, 'FORBIDDEN');
    const c = await s.api('GET', '/api/grassroots/compliance', { token: t.supervisor });
    assert.equal(c.status, 200, JSON.stringify(c.body).slice(0, 300));
    assert.equal(c.body.streets.length, 10);
    const gulou: Row = c.body.streets.find((r: Row) => r.unitName === '鼓楼街道');
    assert.equal(gulou.roomCoverage, 1);
    assert.equal(gulou.officerCoverage, 0.5);
    assert.deepEqual(gulou.gaps.map((g) => g.kind), ['community_officers', 'school_officers']);
    assert.equal(gulou.gaps[0]!.areaName, '文东社区');
    const longqiao: Row = c.body.streets.find((r: Row) => r.unitName === '龙桥街道');
    assert.deepEqual(longqiao.gaps.map((g) => g.kind), ['station_requirement', 'station_staff', 'unit_officers', 'room_requirement', 'room_requirement', 'room_staff', 'community_officers', 'no_room', 'community_officers']);
    assert.equal(longqiao.gaps[0]!.item, '有保障');
    assert.equal(longqiao.roomCoverage, 0.5);
    const zhujian: Row = c.body.departments.find((r: Row) => r.unitName === '区住建局');
    assert.equal(zhujian.compliant, true);
    assert.equal(c.body.totals.streets.stations, 3);
    assert.equal(c.body.totals.streets.roomCoverage, 3 / 8);
    // A street's leader sees their own row only.
    const mine = await s.api('GET', '/api/grassroots/compliance', { token: t['gulou.leader'] });
    assert.deepEqual(mine.body.streets.map((r: Row) => r.unitName), ['鼓楼街道']);
    assert.equal(mine.body.departments.length, 0);
    // The minimums are the jurisdiction's data: raising the station minimum to 7 opens a gap in 鼓楼.
    const put = await s.api('PUT', '/api/admin/settings', { token: t.admin, body: { registry: { stationMinStaff: 7 } } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const again = await s.api('GET', '/api/grassroots/compliance', { token: t['gulou.leader'] });
    assert.ok(again.body.streets[0].gaps.some((g: { kind: string; have: number }) => g.kind === 'station_staff' && g.have === 6));
    await s.api('PUT', '/api/admin/settings', { token: t.admin, body: { registry: { stationMinStaff: 5 } } });
  });

  it('stations, rooms and officers: validation, one post per unit or community, unit scope', async () => {
    const room = { kind: 'room', areaCode: '370812003002', name: '九州方圆社区群众工作室', staffCount: 3, requirementsMet: ['办公有场所'] };
    refused(await s.api('POST', '/api/grassroots/posts', { token: t.supervisor, body: { ...room, staffCount: -1 } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/grassroots/posts', { token: t.supervisor, body: { ...room, requirementsMet: ['有牌子吗'] } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/grassroots/posts', { token: t.supervisor, body: { ...room, areaCode: '370812999999' } }), 422, 'UNKNOWN_AREA');
    refused(await s.api('POST', '/api/grassroots/posts', { token: t.supervisor, body: { kind: 'station', unitId: s.unit('station-370812001002'), name: '站', staffCount: 5, requirementsMet: [] } }), 422, 'WRONG_UNIT_KIND');
    refused(await s.api('POST', '/api/grassroots/posts', { token: t['gulou.leader'], body: room }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/grassroots/posts', { token: t['gulou.handler'], body: { ...room, areaCode: '370812001002' } }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/grassroots/posts', { token: t['gulou.leader'], body: { ...room, areaCode: '370812001002' } }), 409, 'DUPLICATE_POST');
    const made = await s.api('POST', '/api/grassroots/posts', { token: t.supervisor, body: room });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.areaName, '九州方圆社区');
    const patched = await s.api('PATCH', `/api/grassroots/posts/${made.body.id}`, { token: t.admin, body: { staffCount: 4 } });
    assert.equal(patched.body.staffCount, 4);
    refused(await s.api('PATCH', `/api/grassroots/posts/${made.body.id}`, { token: t['gulou.leader'], body: { staffCount: 1 } }), 404, 'NOT_FOUND');

    refused(await s.api('POST', '/api/grassroots/officers', { token: t['gulou.leader'], body: { level: 'street', unitId: s.unit('street-370812001'), name: '周敏', phone: '999' } }), 422, 'INVALID_PHONE');
    refused(await s.api('POST', '/api/grassroots/officers', { token: t['gulou.leader'], body: { level: 'department', unitId: s.unit('street-370812001'), name: '周敏' } }), 422, 'WRONG_UNIT_KIND');
    refused(await s.api('POST', '/api/grassroots/officers', { token: t['gulou.leader'], body: { level: 'community', areaCode: '370812003001', name: '周敏' } }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/grassroots/officers', { token: t['gulou.leader'], body: { level: 'school', unitId: s.unit('street-370812001'), name: '周敏' } }), 400, 'VALIDATION_FAILED');
    // A role that may never keep the network is refused before its body is looked at (not 400/422 about the body).
    for (const user of ['agent', 'leader', 'gulou.handler']) {
      refused(await s.api('POST', '/api/grassroots/posts', { token: t[user], body: { ...room, areaCode: '370812999999' } }), 403, 'FORBIDDEN');
      refused(await s.api('POST', '/api/grassroots/posts', { token: t[user], body: { ...room, areaCode: undefined } }), 403, 'FORBIDDEN');
      refused(await s.api('POST', '/api/grassroots/officers', { token: t[user], body: { level: 'street', unitId: s.unit('street-370812001'), name: '周敏', phone: '999' } }), 403, 'FORBIDDEN');
      refused(await s.api('POST', '/api/grassroots/officers', { token: t[user], body: { level: 'school', unitId: s.unit('street-370812001'), name: '周敏' } }), 403, 'FORBIDDEN');
    }
    const officer = await s.api('POST', '/api/grassroots/officers', { token: t['gulou.leader'], body: { level: 'community', areaCode: '370812001003', name: '周敏', phone: '13812345678' } });
    assert.equal(officer.status, 201, JSON.stringify(officer.body));
    assert.equal(officer.body.phone, '138****5678');
    const [stored] = await queryRows<{ phone_enc: string }>(s.deps.database.db, sql`SELECT phone_enc FROM information_officers WHERE id = ${officer.body.id}`);
    assert.ok(!stored!.phone_enc.includes('13812345678'), 'the phone is stored encrypted');
    const list = await s.api('GET', '/api/grassroots/officers', { token: t['xinyi.leader'] });
    assert.equal(list.body.items.length, 0, 'another street sees none of 鼓楼\'s officers');
    refused(await s.api('DELETE', `/api/grassroots/officers/${officer.body.id}`, { token: t['xinyi.leader'] }), 404, 'NOT_FOUND');
    assert.equal((await s.api('DELETE', `/api/grassroots/officers/${officer.body.id}`, { token: t['gulou.leader'] })).body.active, false);
  });

  it('an officer\'s early-warning report enters the dispute register (high risk warns) or becomes an appeal', async () => {
    const officers = (await s.api('GET', '/api/grassroots/officers', { token: t['gulou.leader'] })).body.items as { id: string; name: string }[];
    const li = officers.find((o) => o.name === '李秀英')!;
    refused(await s.api('POST', `/api/grassroots/officers/${li.id}/reports`, { token: t['gulou.handler'], body: { content: '', riskLevel: 'high' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', `/api/grassroots/officers/${li.id}/reports`, { token: t['gulou.handler'], body: { content: '有情况', riskLevel: 'extreme' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', `/api/grassroots/officers/${li.id}/reports`, { token: t['xinyi.leader'], body: { content: '有情况', riskLevel: 'high' } }), 404, 'NOT_FOUND');
    const rep = await s.api('POST', `/api/grassroots/officers/${li.id}/reports`, { token: t['gulou.handler'], body: { content: '韦园社区拆迁补偿标准争议，约 30 户村民计划明日到区政府聚集。', riskLevel: 'high' } });
    assert.equal(rep.status, 201, JSON.stringify(rep.body));
    assert.equal(rep.body.officerName, '李秀英');
    assert.equal(rep.body.areaName, '韦园社区');
    const before = (await s.api('GET', '/api/grassroots/warnings', { token: t.supervisor })).body.open;
    const conv = await s.api('POST', `/api/grassroots/reports/${rep.body.id}/to-dispute`, { token: t['gulou.leader'], body: { title: '拆迁补偿标准争议', kind: 'land' } });
    assert.equal(conv.status, 201, JSON.stringify(conv.body));
    assert.equal(conv.body.report.status, 'dispute');
    assert.equal(conv.body.dispute.source, 'officer_report');
    assert.equal(conv.body.dispute.riskLevel, 'high');
    assert.equal(conv.body.dispute.ownerUnitName, '鼓楼街道');
    const warnings = await s.api('GET', '/api/grassroots/warnings', { token: t.supervisor });
    assert.equal(warnings.body.open, before + 1);
    assert.ok(warnings.body.items.some((w: { disputeId: string }) => w.disputeId === conv.body.dispute.id));
    refused(await s.api('POST', `/api/grassroots/reports/${rep.body.id}/to-appeal`, { token: t['gulou.leader'], body: {} }), 409, 'ALREADY_RECORDED');

    const rep2 = await s.api('POST', `/api/grassroots/officers/${li.id}/reports`, { token: t['gulou.leader'], body: { content: '韦园社区 3 号楼下水道堵塞外溢，居民希望尽快疏通。', riskLevel: 'low' } });
    refused(await s.api('POST', `/api/grassroots/reports/${rep2.body.id}/to-appeal`, { token: t['gulou.leader'], body: { kind: 'rumour' } }), 400, 'VALIDATION_FAILED');
    const [{ n: appealsBefore }] = await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM appeals`) as [{ n: number }];
    const ap = await s.api('POST', `/api/grassroots/reports/${rep2.body.id}/to-appeal`, { token: t['gulou.leader'], body: { title: '下水道堵塞外溢' } });
    assert.equal(ap.status, 201, JSON.stringify(ap.body));
    assert.equal(ap.body.report.status, 'appeal');
    assert.match(ap.body.number, /^YZ/);
    const [appeal] = await queryRows<{ channel: string; title: string; n: number }>(s.deps.database.db, sql`SELECT channel, title, (SELECT count(*)::int FROM appeals) AS n FROM appeals WHERE id = ${ap.body.appealId}`);
    assert.equal(appeal!.channel, 'field_visit');
    assert.equal(appeal!.title, '下水道堵塞外溢');
    assert.equal(appeal!.n, appealsBefore + 1);
    const reports = await s.api('GET', '/api/grassroots/reports', { token: t['xinyi.leader'] });
    assert.equal(reports.body.items.length, 0);
  });

  it('community files: six sections with history, coverage per street, scoped to the street and community', async () => {
    const cov = await s.api('GET', '/api/grassroots/files', { token: t.leader });
    assert.equal(cov.status, 200);
    assert.equal(cov.body.totals.communities, 8);
    assert.equal(cov.body.totals.complete, 1);
    const gulou = cov.body.streets.find((x: { unitName: string }) => x.unitName === '鼓楼街道');
    assert.equal(gulou.coverage, 0.5);
    assert.deepEqual(gulou.rows[1].missing, ['major_matters', 'finances', 'land_transfers', 'family_planning']);
    refused(await s.api('PUT', '/api/grassroots/files/370812001003/finances', { token: t['gulou.handler'], body: { content: ' ' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PUT', '/api/grassroots/files/370812001003/weather', { token: t['gulou.handler'], body: { content: '晴' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('PUT', '/api/grassroots/files/370812999999/finances', { token: t['gulou.handler'], body: { content: '收支' } }), 422, 'UNKNOWN_AREA');
    refused(await s.api('PUT', '/api/grassroots/files/370812001003/finances', { token: t['xinyi.leader'], body: { content: '收支' } }), 404, 'NOT_FOUND');
    refused(await s.api('PUT', '/api/grassroots/files/370812001003/finances', { token: t['weiyuan.handler'], body: { content: '收支' } }), 404, 'NOT_FOUND');
    const sections = ['major_matters', 'finances', 'land_transfers', 'family_planning'];
    for (const sec of sections) {
      const w = await s.api('PUT', `/api/grassroots/files/370812001003/${sec}`, { token: t['gulou.handler'], body: { content: `${sec} 第一版` } });
      assert.equal(w.status, 200, JSON.stringify(w.body));
    }
    const w2 = await s.api('PUT', '/api/grassroots/files/370812001003/finances', { token: t['gulou.leader'], body: { content: '财务收支第二版：收入 12 万元。' } });
    const fin = w2.body.sections.find((x: { section: string }) => x.section === 'finances');
    assert.equal(fin.version, 2);
    assert.equal(fin.updatedBy, '朱宏伟');
    assert.deepEqual(w2.body.history.filter((h: { section: string }) => h.section === 'finances').map((h: { version: number; by: string }) => [h.version, h.by]), [[2, '朱宏伟'], [1, '杨晓燕']]);
    // The community station's own staff write their community's file.
    assert.equal((await s.api('PUT', '/api/grassroots/files/370812001002/finances', { token: t['weiyuan.handler'], body: { content: '收支已公开。' } })).status, 200);
    const after = await s.api('GET', '/api/grassroots/files', { token: t['gulou.leader'] });
    assert.equal(after.body.streets.length, 1);
    assert.equal(after.body.streets[0].coverage, 1);
    refused(await s.api('GET', '/api/grassroots/files/370812001003', { token: t['xinyi.leader'] }), 404, 'NOT_FOUND');
  });

  it('dispute register: parties encrypted and masked, mediation steps, scope, warnings to supervisors only', async () => {
    const body = { title: '商铺租赁押金纠纷', description: '租户与房东就押金退还发生争执。', kind: 'property', riskLevel: 'medium', areaCode: '370812001002', parties: [{ name: '欧阳明月', phone: '13712345678', role: '租户' }, { name: '赵大海', role: '房东' }] };
    refused(await s.api('POST', '/api/grassroots/disputes', { token: t['gulou.handler'], body: { ...body, parties: [] } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/grassroots/disputes', { token: t['gulou.handler'], body: { ...body, kind: 'war' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/grassroots/disputes', { token: t['gulou.handler'], body: { ...body, parties: [{ name: '甲', phone: '999' }] } }), 422, 'INVALID_PHONE');
    refused(await s.api('POST', '/api/grassroots/disputes', { token: t['gulou.handler'], body: { ...body, areaCode: '370812999' } }), 422, 'UNKNOWN_AREA');
    refused(await s.api('POST', '/api/grassroots/disputes', { token: t['xinyi.leader'], body }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/grassroots/disputes', { token: t.agent, body }), 403, 'FORBIDDEN');
    const d = await s.api('POST', '/api/grassroots/disputes', { token: t['gulou.handler'], body });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    assert.equal(d.body.ownerUnitName, '鼓楼街道', 'the area\'s street office owns it by default');
    assert.deepEqual(d.body.parties, [{ name: '欧***', phone: '137****5678', role: '租户' }, { name: '赵**', phone: null, role: '房东' }]);
    const [raw] = await queryRows<{ parties: string }>(s.deps.database.db, sql`SELECT parties::text AS parties FROM disputes WHERE id = ${d.body.id}`);
    assert.ok(!raw!.parties.includes('欧阳') && !raw!.parties.includes('13712345678'));
    const steps = `/api/grassroots/disputes/${d.body.id}/steps`;
    refused(await s.api('POST', steps, { token: t['gulou.handler'], body: { action: 'reopen', note: '重新调解' } }), 409, 'ILLEGAL_TRANSITION');
    refused(await s.api('POST', steps, { token: t['gulou.handler'], body: { action: 'resolve', note: '调解成功' } }), 422, 'INVALID_TRANSITION_INPUT');
    refused(await s.api('POST', steps, { token: t['xinyi.leader'], body: { action: 'note', note: '看看' } }), 404, 'NOT_FOUND');
    const m = await s.api('POST', steps, { token: t['gulou.handler'], body: { action: 'mediate', note: '司法所介入调解', riskLevel: 'high' } });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    assert.equal(m.body.status, 'mediating');
    assert.deepEqual(m.body.steps.map((x: { action: string }) => x.action), ['register', 'mediate']);
    const warnings = await s.api('GET', '/api/grassroots/warnings', { token: t.leader });
    const w = warnings.body.items.find((x: { disputeId: string }) => x.disputeId === d.body.id);
    assert.ok(w, 'raising the risk to high warns');
    refused(await s.api('GET', '/api/grassroots/warnings', { token: t['gulou.leader'] }), 403, 'FORBIDDEN');
    const ack = await s.api('POST', `/api/grassroots/warnings/${w.id}/ack`, { token: t.supervisor });
    assert.equal(ack.body.acknowledgedBy, '陈立新');
    refused(await s.api('POST', `/api/grassroots/warnings/${w.id}/ack`, { token: t.supervisor }), 409, 'ALREADY_RECORDED');
    const list = await s.api('GET', '/api/grassroots/disputes?riskLevel=high', { token: t['gulou.leader'] });
    assert.ok(list.body.items.every((x: { riskLevel: string; ownerUnitName: string }) => x.riskLevel === 'high' && x.ownerUnitName === '鼓楼街道'));
    assert.equal((await s.api('GET', '/api/grassroots/disputes', { token: t['xinyi.leader'] })).body.items.length, 1, '新驿镇 sees its own land dispute only');
    refused(await s.api('GET', '/api/grassroots/disputes?status=gone', { token: t.supervisor }), 400, 'VALIDATION_FAILED');
  });

  it('revisits: a resolved dispute is revisited at the set intervals by the scheduled job; recurrence reopens it', async () => {
    const demo = (await s.api('GET', '/api/grassroots/revisits', { token: t['gulou.leader'] })).body.items;
    assert.deepEqual(demo.map((r: { title: string; seq: number }) => [r.title, r.seq]), [['邻里漏水纠纷', 1]], 'the demo dispute resolved 10 days ago has its 7-day revisit due');
    const d = (await s.api('POST', '/api/grassroots/disputes', { token: t['gulou.leader'], body: { title: '宠物扰邻', description: '犬只夜间吠叫。', kind: 'neighbour', riskLevel: 'low', areaCode: '370812001003', parties: [{ name: '林静' }] } })).body;
    const r = await s.api('POST', `/api/grassroots/disputes/${d.id}/steps`, { token: t['gulou.leader'], body: { action: 'resolve', note: '签订文明养犬承诺书', outcome: '调解成功' } });
    assert.equal(r.body.status, 'resolved');
    assert.deepEqual(r.body.revisits.map((x: { dueDate: string; due: boolean }) => [x.dueDate, x.due]), [['2026-11-30', false], ['2026-12-23', false]]);
    refused(await s.api('POST', `/api/grassroots/disputes/${d.id}/revisits/1`, { token: t['gulou.leader'], body: { finding: 'stable', note: '良好' } }), 404, 'NOT_FOUND');
    // The worker schedules the revisit run from start() (deterministic hourly key); its handler makes due revisits.
    const { GRASSROOTS_JOB_HANDLERS, GRASSROOTS_SCHEDULE } = await import('../src/modules/grassroots/grassroots-jobs');
    const { startSchedules } = await import('../src/jobs/schedules');
    const stop = startSchedules(s.deps, [{ ...GRASSROOTS_SCHEDULE, everyMs: 3_600_000 }]);
    stop();
    await new Promise((ok) => setTimeout(ok, 200));
    const jobs = await queryRows<{ dedupe_key: string }>(s.deps.database.db, sql`SELECT dedupe_key FROM jobs WHERE kind = 'grassroots_revisits'`);
    assert.deepEqual(jobs.map((j) => j.dedupe_key), ['grassroots_revisits:2026-11-23T01']);
    await moveClock('2026-11-30T09:00:00+08:00');
    const job = { jurisdictionId: '370812' } as Parameters<typeof GRASSROOTS_JOB_HANDLERS.grassroots_revisits>[1];
    await GRASSROOTS_JOB_HANDLERS.grassroots_revisits(s.deps, job);
    await GRASSROOTS_JOB_HANDLERS.grassroots_revisits(s.deps, job);
    const due = (await s.api('GET', '/api/grassroots/revisits', { token: t['gulou.leader'] })).body.items;
    assert.deepEqual(due.filter((x: { disputeId: string }) => x.disputeId === d.id).map((x: { seq: number }) => x.seq), [1], 'made due once');
    refused(await s.api('POST', `/api/grassroots/disputes/${d.id}/revisits/1`, { token: t['gulou.leader'], body: { finding: 'fine', note: '良好' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', `/api/grassroots/disputes/${d.id}/revisits/1`, { token: t['xinyi.leader'], body: { finding: 'stable', note: '良好' } }), 404, 'NOT_FOUND');
    const done = await s.api('POST', `/api/grassroots/disputes/${d.id}/revisits/1`, { token: t['gulou.handler'], body: { finding: 'stable', note: '双方关系融洽' } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.revisits[0].finding, 'stable');
    refused(await s.api('POST', `/api/grassroots/disputes/${d.id}/revisits/1`, { token: t['gulou.handler'], body: { finding: 'stable', note: '再来' } }), 409, 'ALREADY_RECORDED');
    await moveClock('2026-12-23T09:00:00+08:00');
    await GRASSROOTS_JOB_HANDLERS.grassroots_revisits(s.deps, job);
    const again = await s.api('POST', `/api/grassroots/disputes/${d.id}/revisits/2`, { token: t['gulou.handler'], body: { finding: 'recurred', note: '犬只吠叫又起' } });
    assert.equal(again.body.status, 'mediating', 'a recurrence sends it back to mediation');
    await moveClock('2026-11-23T09:00:00+08:00');
  });

  it('screening rounds: the centre opens one, each street returns once, completion per street', async () => {
    const body = { title: '元旦前矛盾纠纷排查', periodStart: '2026-12-01', periodEnd: '2026-12-20', dueDate: '2026-12-25' };
    refused(await s.api('POST', '/api/grassroots/screening-rounds', { token: t['gulou.leader'], body }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/grassroots/screening-rounds', { token: t.supervisor, body: { ...body, periodEnd: '2026-11-01' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/grassroots/screening-rounds', { token: t.supervisor, body: { ...body, dueDate: '2026-02-30' } }), 400, 'VALIDATION_FAILED');
    const round = await s.api('POST', '/api/grassroots/screening-rounds', { token: t.supervisor, body });
    assert.equal(round.status, 201, JSON.stringify(round.body));
    assert.deepEqual([round.body.streets, round.body.returned, round.body.rate], [10, 0, 0]);
    const url = `/api/grassroots/screening-rounds/${round.body.id}/returns`;
    refused(await s.api('POST', url, { token: t['gulou.leader'], body: { disputesFound: -1 } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', url, { token: t['gulou.leader'], body: { disputesFound: 1, unitId: s.unit('street-370812102') } }), 403, 'FORBIDDEN');
    refused(await s.api('POST', url, { token: t.supervisor, body: { disputesFound: 1, unitId: s.unit('dept-zhujian') } }), 422, 'WRONG_UNIT_KIND');
    const ret = await s.api('POST', url, { token: t['gulou.leader'], body: { disputesFound: 3, note: '已全部登记' } });
    assert.equal(ret.status, 201, JSON.stringify(ret.body));
    assert.deepEqual([ret.body.streets, ret.body.returned, ret.body.rate], [1, 1, 1], 'a street leader sees their own street');
    refused(await s.api('POST', url, { token: t['gulou.handler'], body: { disputesFound: 3 } }), 409, 'ALREADY_RECORDED');
    const all = (await s.api('GET', '/api/grassroots/screening-rounds', { token: t.supervisor })).body.items.find((r: { id: string }) => r.id === round.body.id);
    assert.equal(all.rate, 0.1);
    assert.equal(all.missing.length, 9);
  });
});
