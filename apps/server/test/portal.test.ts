import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { queryRows, schema } from '@minsheng/db';
import { DEMO_USERS } from '@minsheng/db/demo';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { appealIdOf, intakeCounts, letter, PNG, refused, solvedCheck, submit, tinyPdf, walkToCallback } from './portal-helpers';

/** The public portal over HTTP (issue 5): write, human check, files, track, rate, directory, knowledge, abuse limits. */
describe('public portal over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const category: Record<string, string> = {};
  let ipSeq = 0;
  /** A fresh client address, so one test's counters do not spill into the next. */
  const ip = () => `198.51.100.${++ipSeq}`;
  const track = (body: Record<string, unknown>, from = '192.0.2.10') => s.api('POST', '/api/portal/track', { body, headers: { 'x-forwarded-for': from } });
  const rate = (body: Record<string, unknown>, from = '192.0.2.11') => s.api('POST', '/api/portal/track/rate', { body, headers: { 'x-forwarded-for': from } });
  let first: { number: string; queryCode: string };

  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'zhujian.handler', 'zhujian.leader', 'callback', 'admin', 'supervisor']) tokens[u] = await s.login(u);
    for (const c of await s.deps.database.db.select().from(schema.categories).where(eq(schema.categories.jurisdictionId, '370812'))) category[c.key] = c.id;
  });
  after(() => s.close());

  it('config: the jurisdiction, the kinds a citizen chooses, active categories and the limits', async () => {
    const res = await s.api('GET', '/api/portal/config');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.jurisdiction, { id: '370812', name: '济宁市兖州区' });
    for (const k of ['complaint', 'consultation', 'suggestion', 'report', 'help', 'praise']) assert.ok(res.body.kinds.includes(k), k);
    assert.ok(res.body.categories.length > 20);
    assert.deepEqual(Object.keys(res.body.categories[0]).sort(), ['id', 'level', 'name', 'parentId']);
    assert.deepEqual(res.body.limits, { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, titleMax: 100, contentMax: 5000 });
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('areas: by name with the path from the county, or the top level when blank', async () => {
    const hit = await s.api('GET', `/api/portal/areas?q=${encodeURIComponent('鼓楼')}`);
    assert.equal(hit.status, 200);
    assert.deepEqual(hit.body.items[0], { code: '370812001', name: '鼓楼街道', path: '兖州区 / 鼓楼街道' });
    const top = await s.api('GET', '/api/portal/areas');
    assert.equal(top.body.items.length, 10);
    assert.ok(top.body.items.every((a: { code: string }) => a.code.length === 9));
    assert.equal((await s.api('GET', `/api/portal/areas?q=${encodeURIComponent('不存在的地方')}`)).body.items.length, 0);
    refused(await s.api('GET', `/api/portal/areas?q=${'长'.repeat(31)}`), 400, 'VALIDATION_FAILED');
  });

  it('human check: an SVG drawn without fonts or text, and a signed token that does not hold the answer', async () => {
    const res = await s.api('GET', '/api/portal/human-check');
    assert.equal(res.status, 200);
    assert.match(res.body.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(res.body.svg, /<text|font|href|<script/i);
    const [payload, sig] = res.body.token.split('.');
    assert.ok(payload && sig);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    assert.deepEqual(Object.keys(claims).sort(), ['e', 'h', 'n']);
    assert.ok(claims.e - s.clock.now.getTime() === 10 * 60_000);
  });

  it('a letter with a PNG and a PDF is registered through ordinary intake, files stored encrypted', async () => {
    const res = await submit(s, letter(s, { categoryId: category['construction.property.service-quality'] }), [{ name: '现场.png', bytes: PNG, type: 'image/png' }, { name: '证明.pdf', bytes: tinyPdf() }], ip());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.number, /^YZ20261123\d{6}$/);
    assert.match(res.body.queryCode, /^[2-9A-Z]{6}$/);
    assert.equal(res.body.status, 'registered');
    first = { number: res.body.number, queryCode: res.body.queryCode };
    const id = await appealIdOf(s, res.body.number);
    const [appeal] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql`SELECT channel, kind, confidential, consent_publish, created_by FROM appeals WHERE id = ${id}`);
    assert.deepEqual(appeal, { channel: 'web', kind: 'complaint', confidential: false, consent_publish: true, created_by: null });
    const files = await queryRows<{ content_type: string; source: string; filename: string; data_enc: Uint8Array }>(s.deps.database.db, sql`SELECT content_type, source, filename, data_enc FROM attachments WHERE appeal_id = ${id} ORDER BY content_type`);
    assert.deepEqual(files.map((f) => [f.content_type, f.source, f.filename]), [['application/pdf', 'citizen', '证明.pdf'], ['image/png', 'citizen', '现场.png']]);
    assert.ok(!Buffer.from(files[1]!.data_enc).includes(PNG.subarray(0, 8)), 'stored encrypted');
    const [citizen] = await queryRows<{ name_enc: string }>(s.deps.database.db, sql`SELECT c.name_enc FROM citizens c JOIN appeals a ON a.citizen_id = c.id WHERE a.id = ${id}`);
    assert.ok(citizen && !citizen.name_enc.includes('张三丰'));
  });

  it('HTML and script are kept as the plain text the citizen typed', async () => {
    const payload = '<script>alert("x")</script><img src=x onerror=alert(1)> 路灯不亮 & “引号”';
    const res = await submit(s, letter(s, { title: payload, content: `${payload}\n第二行`, kind: 'suggestion', channel: 'mayor_mailbox' }), [], ip());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [row] = await queryRows<{ title: string; content: string; channel: string }>(s.deps.database.db, sql`SELECT title, content, channel FROM appeals WHERE number = ${res.body.number}`);
    assert.deepEqual(row, { title: payload, content: `${payload}\n第二行`, channel: 'mayor_mailbox' });
    const view = await track({ number: res.body.number, queryCode: res.body.queryCode });
    assert.equal(view.body.title, payload);
    assert.match(view.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('refuses bad files and changes nothing: HTML named .jpg, six files, more than 10 MB', async () => {
    const before = await intakeCounts(s);
    refused(await submit(s, letter(s), [{ name: 'photo.jpg', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/jpeg' }], ip()), 415, 'ATTACHMENT_TYPE');
    refused(await submit(s, letter(s), Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, bytes: PNG })), ip()), 422, 'TOO_MANY_ATTACHMENTS');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    PNG.copy(big);
    refused(await submit(s, letter(s), [{ name: 'big.png', bytes: big }], ip()), 413, 'ATTACHMENT_TOO_LARGE');
    assert.deepEqual(await intakeCounts(s), before);
  });

  it('refuses bad fields with clear codes and changes nothing', async () => {
    const before = await intakeCounts(s);
    const cases: [Record<string, string | undefined>, number, string, string][] = [
      [{ title: undefined }, 400, 'VALIDATION_FAILED', 'title'],
      [{ title: '长'.repeat(101) }, 400, 'VALIDATION_FAILED', 'title'],
      [{ content: '字'.repeat(5001) }, 400, 'VALIDATION_FAILED', 'content'],
      [{ kind: 'gossip' }, 400, 'VALIDATION_FAILED', 'kind'],
      [{ channel: 'phone_12345' }, 400, 'VALIDATION_FAILED', 'channel'],
      [{ confidential: 'yes' }, 400, 'VALIDATION_FAILED', 'confidential'],
      [{ areaCode: 'abc' }, 400, 'VALIDATION_FAILED', 'areaCode'],
      [{ favouriteColour: 'blue' }, 400, 'VALIDATION_FAILED', 'favouriteColour'],
      [{ title: 'a\u0000b' }, 400, 'VALIDATION_FAILED', 'title'],
      [{ phone: '电话号码' }, 422, 'INVALID_PHONE', 'phone'],
    ];
    for (const [override, status, code, field] of cases) {
      const res = await submit(s, letter(s, override), [], ip());
      refused(res, status, code, field);
      assert.equal(res.body.error.details?.field, field);
    }
    // Refused at intake after the check was spent: the check is given back, nothing else is written.
    const check = solvedCheck(s.clock.now);
    refused(await submit(s, letter(s, { areaCode: '999999999', ...check }), [], ip()), 422, 'UNKNOWN_AREA');
    assert.deepEqual(await intakeCounts(s), before);
    assert.equal((await submit(s, letter(s, check), [], ip())).status, 201, 'the same solved check works once the letter is right');
  });

  it('human check: a wrong answer, an expired or forged token and a replay are refused', async () => {
    const before = await intakeCounts(s);
    const check = solvedCheck(s.clock.now);
    refused(await submit(s, letter(s, { ...check, humanCheckAnswer: String(Number(check.humanCheckAnswer) + 1) }), [], ip()), 422, 'HUMAN_CHECK_FAILED', 'wrong');
    const old = solvedCheck(new Date(s.clock.now.getTime() - 11 * 60_000));
    refused(await submit(s, letter(s, old), [], ip()), 422, 'HUMAN_CHECK_FAILED', 'expired');
    const [payload] = check.humanCheckToken.split('.');
    refused(await submit(s, letter(s, { ...check, humanCheckToken: `${payload}.AAAA` }), [], ip()), 422, 'HUMAN_CHECK_FAILED', 'forged');
    refused(await submit(s, letter(s, { humanCheckToken: undefined }), [], ip()), 400, 'VALIDATION_FAILED', 'missing');
    assert.deepEqual(await intakeCounts(s), before);
    assert.equal((await submit(s, letter(s, check), [], ip())).status, 201);
    refused(await submit(s, letter(s, check), [], ip()), 422, 'HUMAN_CHECK_FAILED', 'replayed');
  });

  it('a 举报 is confidential and never publishable, whatever the form said; it keeps the accused unit away', async () => {
    const res = await submit(s, letter(s, { kind: 'report', confidential: 'false', consentPublish: 'true', accusedUnitId: s.unit('dept-chengguan'), title: '举报城管执法人员收受好处' }), [], ip());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db, sql`SELECT channel, confidential, consent_publish, accused_unit_id FROM appeals WHERE number = ${res.body.number}`);
    assert.deepEqual(row, { channel: 'complaint_mailbox', confidential: true, consent_publish: false, accused_unit_id: s.unit('dept-chengguan') });
    refused(await submit(s, letter(s, { kind: 'complaint', accusedUnitId: s.unit('dept-chengguan') }), [], ip()), 400, 'VALIDATION_FAILED', 'only a 举报 accuses');
  });

  it('track: the public view; a wrong number and a wrong code answer the same 404', async () => {
    const ok = await track(first);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.number, first.number);
    assert.equal(ok.body.status, 'registered');
    assert.equal(ok.body.statusText, '已收到，等待受理');
    assert.equal(ok.body.categoryName, '物业服务质量');
    assert.equal(ok.body.reply, null);
    assert.equal(ok.body.canRate, false);
    assert.equal(ok.body.rating, null);
    assert.deepEqual(ok.body.timeline.map((t: { text: string }) => t.text), ['诉求已登记']);
    const lower = await track({ number: first.number.toLowerCase(), queryCode: first.queryCode.toLowerCase() });
    assert.equal(lower.status, 200, 'number and code are not case-sensitive');
    const wrongCode = await track({ number: first.number, queryCode: first.queryCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ' });
    const wrongNumber = await track({ number: 'YZ20261123999999', queryCode: first.queryCode });
    refused(wrongCode, 404, 'NOT_FOUND');
    assert.deepEqual(wrongCode.body, wrongNumber.body);
    assert.equal(wrongCode.status, wrongNumber.status);
    refused(await track({ number: first.number }), 400, 'VALIDATION_FAILED');
  });

  it('the public timeline shows steps and units, never internal notes, reasons or staff names', async () => {
    const id = await appealIdOf(s, first.number);
    await s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.agent, body: { action: 'note', reason: '内部备注：来电人情绪激动' } });
    await walkToCallback(s, tokens, id, '经查，施工单位已停止夜间作业。联系人周文斌。');
    const res = await track(first);
    assert.equal(res.body.status, 'callback');
    assert.equal(res.body.statusText, '已答复，请您评价');
    assert.equal(res.body.canRate, true);
    assert.equal(res.body.reply.unitName, '区住建局');
    assert.match(res.body.reply.text, /施工单位已停止夜间作业/);
    const texts = res.body.timeline.map((t: { text: string }) => t.text);
    assert.ok(texts.includes('区12345热线中心：受理'), JSON.stringify(texts));
    assert.ok(texts.some((t: string) => t.includes('转交区住建局办理')), JSON.stringify(texts));
    const visible = JSON.stringify(res.body.timeline);
    assert.doesNotMatch(visible, /内部备注|情绪激动/);
    for (const u of DEMO_USERS) assert.ok(!visible.includes(u.displayName), u.displayName);
    const userIds = await queryRows<{ actor_user_id: string }>(s.deps.database.db, sql`SELECT DISTINCT actor_user_id FROM appeal_events WHERE appeal_id = ${id} AND actor_user_id IS NOT NULL`);
    for (const u of userIds) assert.ok(!JSON.stringify(res.body).includes(u.actor_user_id));
    assert.deepEqual(Object.keys(res.body).sort(), ['canRate', 'categoryName', 'createdAt', 'dueAt', 'kind', 'kindText', 'number', 'rating', 'reply', 'status', 'statusText', 'timeline', 'title'].sort());
  });

  it('rate: a satisfied rating is the callback transition by the citizen and closes the appeal', async () => {
    const res = await rate({ ...first, satisfaction: 'satisfied', solved: true, comment: '处理及时' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'closed');
    assert.equal(res.body.canRate, false);
    assert.equal(res.body.rating.satisfaction, 'satisfied');
    assert.equal(res.body.rating.solved, true);
    const id = await appealIdOf(s, first.number);
    const events = await queryRows<{ action: string; actor_user_id: string; actor_role: string; payload: Record<string, unknown> }>(s.deps.database.db, sql`
      SELECT action, actor_user_id, actor_role, payload FROM appeal_events WHERE appeal_id = ${id} ORDER BY seq DESC LIMIT 2`);
    assert.deepEqual(events.map((e) => [e.action, e.actor_user_id, e.actor_role]), [['close', 'citizen:web', 'callback'], ['callback', 'citizen:web', 'callback']]);
    assert.equal(events[1]!.payload.satisfaction, 'satisfied');
    refused(await rate({ ...first, satisfaction: 'very_satisfied', solved: true }), 409, 'ILLEGAL_TRANSITION', 'rated once only');
  });

  it('rate: a dissatisfied rating is recorded and the appeal waits for the centre (redo or review)', async () => {
    const res = await submit(s, letter(s), [], ip());
    const key = { number: res.body.number, queryCode: res.body.queryCode };
    refused(await rate({ ...key, satisfaction: 'satisfied', solved: true }), 409, 'ILLEGAL_TRANSITION', 'nothing to rate before the reply');
    await walkToCallback(s, tokens, await appealIdOf(s, key.number));
    refused(await rate({ ...key, satisfaction: 'so-so', solved: true }), 400, 'VALIDATION_FAILED');
    const rated = await rate({ ...key, satisfaction: 'dissatisfied', solved: false });
    assert.equal(rated.status, 200, JSON.stringify(rated.body));
    assert.equal(rated.body.status, 'callback');
    assert.equal(rated.body.canRate, false);
    assert.deepEqual([rated.body.rating.satisfaction, rated.body.rating.solved], ['dissatisfied', false]);
    const redo = await s.api('POST', `/api/appeals/${await appealIdOf(s, key.number)}/transitions`, { token: tokens.callback, body: { action: 'redo', reason: '群众不满意，重办' } });
    assert.equal(redo.status, 200, JSON.stringify(redo.body));
    assert.equal((await track(key)).body.statusText, '承办单位正在办理');
  });

  it('rate limits: tracking per number and per IP, submitting per IP and per phone, all 429', async () => {
    // Per number: 10 attempts an hour, whoever makes them and whatever code they try.
    const res = await submit(s, letter(s), [], ip());
    let last = 0;
    for (let i = 0; i < 10; i++) last = (await track({ number: res.body.number, queryCode: 'ABCDEF' }, `192.0.2.${100 + i}`)).status;
    assert.equal(last, 404);
    refused(await track({ number: res.body.number, queryCode: res.body.queryCode }, '192.0.2.200'), 429, 'RATE_LIMITED', 'per number');
    // Per IP: 60 an hour, across numbers.
    for (let i = 0; i < 60; i++) assert.equal((await track({ number: `YZ2026010100${String(i).padStart(4, '0')}`, queryCode: 'ABCDEF' }, '192.0.2.250')).status, 404);
    const limited = await track({ number: 'YZ20261123777777', queryCode: 'ABCDEF' }, '192.0.2.250');
    refused(limited, 429, 'RATE_LIMITED', 'per ip');
    assert.ok(limited.body.error.details.retryAfterSeconds > 0);
    // Submitting per IP: 10 an hour, counted before the body is read.
    for (let i = 0; i < 10; i++) refused(await submit(s, { kind: 'complaint' }, [], '203.0.113.77'), 400, 'VALIDATION_FAILED');
    refused(await submit(s, letter(s), [], '203.0.113.77'), 429, 'RATE_LIMITED', 'submit per ip');
    // Per phone: 5 a day, from any address.
    for (let i = 0; i < 5; i++) assert.equal((await submit(s, letter(s, { phone: '13700001111' }), [], ip())).status, 201);
    refused(await submit(s, letter(s, { phone: '13700001111' }), [], ip()), 429, 'RATE_LIMITED', 'submit per phone');
    const buckets = await queryRows<{ bucket: string }>(s.deps.database.db, sql`SELECT bucket FROM rate_limits WHERE bucket LIKE 'submit:phone:%'`);
    assert.ok(buckets.every((b) => !b.bucket.includes('13700001111')), 'phones are counted by hash, never in clear');
    // A new window lets the citizen in again.
    s.clock.now = new Date(s.clock.now.getTime() + 3_600_000);
    assert.equal((await track({ number: res.body.number, queryCode: res.body.queryCode }, '192.0.2.250')).status, 200);
  });

  it('directory: units with phone, address and hours; coming schedules soonest first', async () => {
    const res = await s.api('GET', '/api/portal/directory');
    assert.equal(res.status, 200);
    const centre = res.body.units.find((u: { id: string }) => u.id === s.unit('centre'));
    assert.deepEqual(Object.keys(centre).sort(), ['address', 'id', 'kind', 'name', 'phone', 'receptionHours']);
    assert.equal(centre.phone, '0537-3412345');
    assert.ok(res.body.schedules.length >= 5);
    const starts = res.body.schedules.map((x: { startsAt: string }) => x.startsAt);
    assert.deepEqual(starts, [...starts].sort());
    assert.ok(starts.every((t: string) => Date.parse(t) > s.clock.now.getTime() - 86_400_000));
    assert.deepEqual(Object.keys(res.body.schedules[0]).sort(), ['endsAt', 'kind', 'leaderName', 'leaderTitle', 'place', 'startsAt', 'topic', 'unitName']);
  });

  it('knowledge: only public, active articles, searchable in Chinese', async () => {
    const all = await s.api('GET', '/api/portal/knowledge');
    assert.equal(all.status, 200);
    const rows = await s.deps.database.db.select().from(schema.knowledgeArticles).where(eq(schema.knowledgeArticles.jurisdictionId, '370812'));
    const publicIds = new Set(rows.filter((r) => r.public && r.active).map((r) => r.id));
    const seen: string[] = [];
    let page = all.body;
    for (;;) {
      seen.push(...page.items.map((i: { id: string }) => i.id));
      if (!page.nextCursor) break;
      page = (await s.api('GET', `/api/portal/knowledge?cursor=${page.nextCursor}`)).body;
    }
    assert.deepEqual(new Set(seen), publicIds);
    assert.ok(rows.some((r) => !r.public), 'the demo has an internal article to hide');
    assert.deepEqual(Object.keys(all.body.items[0]).sort(), ['body', 'categoryName', 'id', 'title', 'updatedAt']);
    const hit = await s.api('GET', `/api/portal/knowledge?q=${encodeURIComponent('社保卡丢了怎么补办')}`);
    assert.match(hit.body.items[0].title, /社保卡/);
    const internal = await s.api('GET', `/api/portal/knowledge?q=${encodeURIComponent('话务口径')}`);
    assert.ok(internal.body.items.every((i: { title: string }) => !i.title.includes('内部')));
    refused(await s.api('GET', '/api/portal/knowledge?cursor=bm90LWEtY3Vyc29y'), 400, 'VALIDATION_FAILED');
  });
});
