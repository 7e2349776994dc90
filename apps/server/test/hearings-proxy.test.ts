import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { refused } from './portal-helpers';

/** 听证会 and 民生事项代办 over HTTP (issue 8, modules 7 and 8). The clock starts on Wednesday 2026-09-30, before 国庆节. */
describe('hearings and proxy services over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const users = ['agent', 'supervisor', 'leader', 'admin', 'callback', 'gulou.leader', 'gulou.handler', 'xinyi.handler', 'weiyuan.handler', 'zhujian.handler'];

  before(async () => {
    s = await startTestServer({ now: new Date('2026-09-30T10:00:00+08:00') });
    for (const u of users) tokens[u] = await s.login(u);
  });
  after(() => s.close());

  const hearingBody = {
    title: '城区停车收费标准调整听证会', topic: '拟调整城区路内停车收费标准。', place: '区政务服务中心听证室',
    scheduledAt: new Date('2026-10-20T09:00:00+08:00').toISOString(), notice: '定于10月20日举行停车收费标准调整听证会，欢迎旁听。',
  };

  it('hearings: bad input and roles are refused with stable codes', async () => {
    refused(await s.api('POST', '/api/hearings', { body: hearingBody }), 401, 'UNAUTHENTICATED');
    refused(await s.api('POST', '/api/hearings', { token: tokens.agent, body: hearingBody }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/hearings', { token: tokens.admin, body: { ...hearingBody, title: '  ' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/hearings', { token: tokens.admin, body: { ...hearingBody, scheduledAt: 'tomorrow' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/hearings', { token: tokens.admin, body: { ...hearingBody, organiserUnitId: '00000000-0000-4000-8000-000000000000' } }), 422, 'UNKNOWN_UNIT');
    // A street's leader organises for their street, not for a department.
    refused(await s.api('POST', '/api/hearings', { token: tokens['gulou.leader'], body: { ...hearingBody, organiserUnitId: s.unit('dept-zhujian') } }), 403, 'FORBIDDEN');
    const own = await s.api('POST', '/api/hearings', { token: tokens['gulou.leader'], body: hearingBody });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.equal(own.body.organiserUnitId, s.unit('street-370812001'));
    // Someone outside the organiser's subtree sees no such hearing.
    refused(await s.api('GET', `/api/hearings/${own.body.id}`, { token: tokens['xinyi.handler'] }), 404, 'NOT_FOUND');
    refused(await s.api('POST', `/api/hearings/${own.body.id}/representatives`, { token: tokens['gulou.handler'], body: { kind: 'resident', name: '李四' } }), 403, 'FORBIDDEN');
  });

  it('hearings: notice period, representatives, minutes and outcome; on the portal only once published', async () => {
    const created = await s.api('POST', '/api/hearings', { token: tokens.supervisor, body: { ...hearingBody, scheduledAt: new Date('2026-10-05T09:00:00+08:00').toISOString() } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal(created.body.status, 'draft');
    refused(await s.api('POST', `/api/hearings/${id}/publication`, { token: tokens.supervisor, body: { published: true } }), 409, 'ILLEGAL_TRANSITION');
    refused(await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'announce' } }), 422, 'REPRESENTATIVES_REQUIRED');
    refused(await s.api('POST', `/api/hearings/${id}/representatives`, { token: tokens.supervisor, body: { kind: 'enterprise', name: '高先生' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', `/api/hearings/${id}/representatives`, { token: tokens.supervisor, body: { kind: 'resident', name: '马秀英', phone: '1380537' } }), 422, 'INVALID_PHONE');
    refused(await s.api('POST', `/api/hearings/${id}/representatives`, { token: tokens.supervisor, body: { kind: 'alien', name: '马秀英' } }), 400, 'VALIDATION_FAILED');
    const r1 = await s.api('POST', `/api/hearings/${id}/representatives`, { token: tokens.supervisor, body: { kind: 'resident', name: '马秀英', phone: '13805370001', constituency: '惠民社区' } });
    assert.equal(r1.status, 201, JSON.stringify(r1.body));
    await s.api('POST', `/api/hearings/${id}/representatives`, { token: tokens.supervisor, body: { kind: 'enterprise', name: '高建平', organisation: '兖州公共停车管理有限公司' } });
    const withReps = await s.api('GET', `/api/hearings/${id}`, { token: tokens.leader });
    // Staff see representatives masked; the database holds them encrypted.
    assert.deepEqual(withReps.body.representatives.map((r: { name: string; phone: string | null }) => [r.name, r.phone]), [['马**', '138****0001'], ['高**', null]]);
    const raw = await queryRows<{ name_enc: string }>(s.deps.database.db, sql`SELECT name_enc FROM hearing_representatives WHERE hearing_id = ${id}`);
    assert.ok(raw.every((r) => !r.name_enc.includes('马秀英') && !r.name_enc.includes('高建平')));
    // Five days' notice is less than the ten required.
    const short = await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'announce' } });
    refused(short, 422, 'NOTICE_TOO_SHORT');
    assert.equal(short.body.error.details.field, 'scheduledAt');
    await s.api('PATCH', `/api/hearings/${id}`, { token: tokens.supervisor, body: { scheduledAt: hearingBody.scheduledAt } });
    await s.api('POST', `/api/hearings/${id}/materials`, { token: tokens.supervisor, body: { title: '收费标准调整方案', summary: '一类区域首小时 4 元。联系人马秀英 13805370001。' } });
    await s.api('POST', `/api/hearings/${id}/materials`, { token: tokens.supervisor, body: { title: '内部测算', summary: '仅供审阅', public: false } });
    refused(await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'conclude', outcome: '通过' } }), 409, 'ILLEGAL_TRANSITION');
    const announced = await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'announce' } });
    assert.equal(announced.body.status, 'announced', JSON.stringify(announced.body));

    // Not on the portal until published.
    assert.ok(!(await s.api('GET', '/api/portal/hearings')).body.items.some((h: { id: string }) => h.id === id));
    refused(await s.api('GET', `/api/portal/hearings/${id}`), 404, 'NOT_FOUND');
    const pub = await s.api('POST', `/api/hearings/${id}/publication`, { token: tokens.supervisor, body: { published: true } });
    assert.equal(pub.body.published, true);
    const onPortal = await s.api('GET', `/api/portal/hearings/${id}`);
    assert.equal(onPortal.status, 200);
    assert.equal(onPortal.headers.get('cache-control'), 'no-store');
    assert.deepEqual(onPortal.body.representatives, { residents: 1, enterprises: ['兖州公共停车管理有限公司'], attended: null });
    assert.deepEqual(onPortal.body.materials.map((m: { title: string }) => m.title), ['收费标准调整方案']);
    const text = JSON.stringify(onPortal.body);
    assert.ok(!text.includes('马秀英') && !text.includes('高建平') && !text.includes('13805370001'), text);

    const r2 = (await s.api('GET', `/api/hearings/${id}`, { token: tokens.admin })).body.representatives as { id: string }[];
    refused(await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'hold', minutes: '纪要', attendedRepresentativeIds: [] } }), 422, 'INVALID_TRANSITION_INPUT');
    refused(await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'hold', minutes: '纪要', attendedRepresentativeIds: ['00000000-0000-4000-8000-000000000000'] } }), 400, 'VALIDATION_FAILED');
    const held = await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'hold', minutes: '马秀英代表同意方案，建议夜间免费。', attendedRepresentativeIds: r2.map((r) => r.id) } });
    assert.equal(held.body.status, 'held');
    refused(await s.api('POST', `/api/hearings/${id}/representatives`, { token: tokens.supervisor, body: { kind: 'resident', name: '迟到者' } }), 409, 'ILLEGAL_TRANSITION');
    const done = await s.api('POST', `/api/hearings/${id}/actions`, { token: tokens.supervisor, body: { action: 'conclude', outcome: '采纳夜间免费建议，方案修改后实施。' } });
    assert.equal(done.body.status, 'concluded');
    const final = (await s.api('GET', `/api/portal/hearings/${id}`)).body;
    assert.equal(final.outcome, '采纳夜间免费建议，方案修改后实施。');
    assert.equal(final.representatives.attended, 2);
    assert.ok(final.minutes.includes('【姓名】') && !final.minutes.includes('马秀英'), final.minutes);
    // Taking it off the portal hides it again.
    await s.api('POST', `/api/hearings/${id}/publication`, { token: tokens.supervisor, body: { published: false } });
    refused(await s.api('GET', `/api/portal/hearings/${id}`), 404, 'NOT_FOUND');
    // The demo's published hearings are there; its draft is not.
    const titles = (await s.api('GET', '/api/portal/hearings')).body.items.map((h: { title: string }) => h.title);
    assert.ok(titles.includes('鼓楼街道老旧小区改造方案听证会') && !titles.includes('城区公交线网优化调整听证会'), titles.join());
  });

  it('proxy catalogue: the admin keeps it; the portal lists active items by level', async () => {
    const body = { code: 'Q-900', name: '生育登记', level: 'community', procedure: ['代办员受理', '镇街审核'], materials: ['夫妻双方身份证', '结婚证'], promisedDays: 2 };
    refused(await s.api('POST', '/api/proxy/items', { token: tokens.supervisor, body }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/proxy/items', { token: tokens.admin, body: { ...body, level: 'province' } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/proxy/items', { token: tokens.admin, body: { ...body, promisedDays: 0 } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/proxy/items', { token: tokens.admin, body: { ...body, procedure: [] } }), 400, 'VALIDATION_FAILED');
    const created = await s.api('POST', '/api/proxy/items', { token: tokens.admin, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    refused(await s.api('POST', '/api/proxy/items', { token: tokens.admin, body }), 409, 'DUPLICATE_CODE');
    const community = (await s.api('GET', '/api/portal/proxy-items?level=community')).body.items;
    assert.ok(community.some((i: { code: string }) => i.code === 'Q-900'));
    assert.ok(community.every((i: { level: string }) => i.level === 'community'));
    const search = (await s.api('GET', `/api/portal/proxy-items?q=${encodeURIComponent('医疗保险')}`)).body.items;
    assert.deepEqual(search.map((i: { code: string; promisedDays: number }) => [i.code, i.promisedDays]), [['Q-001', 5]]);
    refused(await s.api('GET', '/api/portal/proxy-items?level=planet'), 400, 'VALIDATION_FAILED');
    await s.api('PATCH', `/api/proxy/items/${created.body.id}`, { token: tokens.admin, body: { active: false } });
    assert.ok(!(await s.api('GET', '/api/portal/proxy-items')).body.items.some((i: { code: string }) => i.code === 'Q-900'));
    refused(await s.api('POST', '/api/proxy/requests', { token: tokens['weiyuan.handler'], body: { itemId: created.body.id, applicantName: '王五' } }), 422, 'ITEM_INACTIVE');
  });

  it('proxy request: deadline in working days over 国庆节, status by number and code, identical 404s', async () => {
    const items = (await s.api('GET', '/api/proxy/items', { token: tokens['weiyuan.handler'] })).body.items as { id: string; code: string }[];
    const q102 = items.find((i) => i.code === 'Q-102')!; // 3 working days
    refused(await s.api('POST', '/api/proxy/requests', { token: tokens['weiyuan.handler'], body: { itemId: '00000000-0000-4000-8000-000000000000', applicantName: '王五' } }), 422, 'UNKNOWN_PROXY_ITEM');
    refused(await s.api('POST', '/api/proxy/requests', { token: tokens['weiyuan.handler'], body: { itemId: q102.id, applicantName: '王五', applicantPhone: '999' } }), 422, 'INVALID_PHONE');
    refused(await s.api('POST', '/api/proxy/requests', { token: tokens['weiyuan.handler'], body: { itemId: q102.id } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/proxy/requests', { token: tokens.callback, body: { itemId: q102.id, applicantName: '王五' } }), 403, 'FORBIDDEN');
    refused(await s.api('POST', '/api/proxy/requests', { token: tokens['weiyuan.handler'], body: { itemId: q102.id, applicantName: '王五', unitId: s.unit('street-370812102') } }), 403, 'FORBIDDEN');
    const reg = await s.api('POST', '/api/proxy/requests', { token: tokens['weiyuan.handler'], body: { itemId: q102.id, applicantName: '王秀芝', applicantPhone: '13705371111', matter: '为老人办理优待证。' } });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    assert.match(reg.body.number, /^DB20260930\d{4}$/);
    assert.equal(reg.body.unitId, s.unit('station-370812001002'));
    assert.equal(reg.body.applicantName, '王**');
    assert.equal(reg.body.applicantPhone, '137****1111');
    // 3 working days from the day after 09-30: 10-01..07 are holidays, so 10-08, 10-09 and the make-up Saturday 10-10.
    assert.equal(reg.body.dueAt, new Date('2026-10-10T17:30:00+08:00').toISOString());
    const { number, queryCode, id } = reg.body as { number: string; queryCode: string; id: string };

    // Staff of the street above see it; another street does not.
    assert.ok((await s.api('GET', '/api/proxy/requests', { token: tokens['gulou.handler'] })).body.items.some((r: { id: string }) => r.id === id));
    assert.ok(!(await s.api('GET', '/api/proxy/requests', { token: tokens['xinyi.handler'] })).body.items.some((r: { id: string }) => r.id === id));
    refused(await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['xinyi.handler'], body: { action: 'start' } }), 404, 'NOT_FOUND');
    refused(await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'complete', note: '好了' } }), 409, 'ILLEGAL_TRANSITION');
    refused(await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'fly' } }), 400, 'VALIDATION_FAILED');

    const tracked = await s.api('POST', '/api/portal/proxy-track', { body: { number: number.toLowerCase(), queryCode } });
    assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
    assert.equal(tracked.body.status, 'accepted');
    assert.equal(tracked.body.itemName, '老年人优待证办理');
    assert.equal(tracked.body.dueAt, reg.body.dueAt);
    assert.ok(!JSON.stringify(tracked.body).includes('王秀芝') && !JSON.stringify(tracked.body).includes('1111') && !('matter' in tracked.body));
    const wrongCode = await s.api('POST', '/api/portal/proxy-track', { body: { number, queryCode: queryCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA' } });
    const wrongNumber = await s.api('POST', '/api/portal/proxy-track', { body: { number: 'DB202609309999', queryCode } });
    refused(wrongCode, 404, 'NOT_FOUND');
    assert.deepEqual(wrongCode.body, wrongNumber.body);
    assert.equal(wrongCode.status, wrongNumber.status);
    // An appeal's tracking does not open a proxy request.
    refused(await s.api('POST', '/api/portal/track', { body: { number, queryCode } }), 404, 'NOT_FOUND');
    refused(await s.api('POST', '/api/portal/proxy-track', { body: { number: 'DB-1', queryCode } }), 400, 'VALIDATION_FAILED');

    // Waiting for materials pauses the clock; resuming after the holiday moves the deadline.
    await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'start' } });
    refused(await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'request_materials' } }), 422, 'INVALID_TRANSITION_INPUT');
    const paused = await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'request_materials', note: '请补交一寸照片1张。' } });
    assert.equal(paused.body.status, 'awaiting_materials');
    assert.equal(paused.body.dueAt, null);
    s.clock.now = new Date('2026-10-09T10:00:00+08:00');
    tokens['weiyuan.handler'] = await s.login('weiyuan.handler');
    const resumed = await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'resume' } });
    assert.equal(resumed.body.status, 'in_progress', JSON.stringify(resumed.body));
    assert.ok(new Date(resumed.body.dueAt) > new Date(reg.body.dueAt), resumed.body.dueAt);
    const done = await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'complete', note: '优待证已制好，请到社区领取。' } });
    assert.equal(done.body.status, 'completed');
    const view = (await s.api('POST', '/api/portal/proxy-track', { body: { number, queryCode } })).body;
    assert.equal(view.status, 'completed');
    assert.equal(view.result, '优待证已制好，请到社区领取。');
    assert.equal(view.overdue, false);
    assert.deepEqual(view.steps.map((x: { status: string }) => x.status), ['accepted', 'in_progress', 'awaiting_materials', 'in_progress', 'completed']);
    refused(await s.api('POST', `/api/proxy/requests/${id}/actions`, { token: tokens['weiyuan.handler'], body: { action: 'return', note: '退回' } }), 409, 'ILLEGAL_TRANSITION');
    s.clock.now = new Date('2026-09-30T10:00:00+08:00');
  });

  it('proxy tracking is rate-limited per number like appeal tracking', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await s.api('POST', '/api/portal/proxy-track', { body: { number: 'DB202609308888', queryCode: 'ZZZZZZ' } })).status;
    assert.equal(last, 429);
  });
});
