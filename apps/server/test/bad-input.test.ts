import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { APPEAL_ACTIONS, APPEAL_KINDS, CHANNELS, EMERGENCY_LINES, LEGAL_ROUTES, REPLY_RESULTS, SATISFACTION_LEVELS, URGENCIES } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { ApiResponse, TestServer } from './harness';

/**
 * Bad input on every endpoint: a 4xx with a stable code and a message, never a 500, and nothing written.
 * Closes with fast-check properties that throw random JSON at intake and transitions.
 */
describe('bad input over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let registered = '';
  let accepted = '';
  const counted = ['appeals', 'citizens', 'appeal_events', 'idempotency_keys', 'audit_log', 'users', 'units', 'categories', 'calendar_overrides'];

  async function counts(): Promise<Record<string, number>> {
    const [row] = await queryRows<Record<string, unknown>>(s.deps.database.db,
      sql.raw(`SELECT ${counted.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`));
    return Object.fromEntries(counted.map((t) => [t, Number(row![t])]));
  }
  function refused(res: ApiResponse, status: number, code: string, label = '') {
    assert.equal(res.status, status, `${label} ${JSON.stringify(res.body).slice(0, 300)}`);
    assert.equal(res.body?.error?.code, code, label);
    assert.ok(typeof res.body.error.message === 'string' && res.body.error.message.length > 0, label);
  }
  /** Runs the requests and checks that not a single row was written. */
  async function nothingWritten(fn: () => Promise<void>) {
    const before = await counts();
    await fn().then(async () => assert.deepEqual(await counts(), before, 'no rows written'));
  }
  const intake = (body: unknown, token = tokens.agent) => s.api('POST', '/api/appeals', { token, body });
  const transition = (id: string, body: unknown) => s.api('POST', `/api/appeals/${id}/transitions`, { token: tokens.dispatcher, body });
  const raw = (method: string, path: string, rawBody: string, contentType = 'application/json') =>
    s.api(method, path, { token: tokens.admin, rawBody, headers: { 'content-type': contentType } });

  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'admin']) tokens[u] = await s.login(u);
    [registered, accepted] = [(await intake(intakeBody())).body.id, (await intake(intakeBody())).body.id];
    assert.equal((await transition(accepted, { action: 'accept' })).status, 200);
  });
  after(() => s.close());

  /** Every endpoint that takes a JSON body. */
  const bodyRoutes = (): [string, string][] => [
    ['POST', '/api/appeals'], ['POST', `/api/appeals/${registered}/transitions`], ['POST', `/api/appeals/${registered}/citizen/reveal`],
    ['POST', '/api/auth/login'], ['POST', '/api/admin/users'], ['POST', '/api/admin/units'], ['POST', '/api/admin/categories'], ['PUT', '/api/admin/calendar/2026-12-01'],
  ];

  it('unknown fields are 400 VALIDATION_FAILED on every endpoint', () => nothingWritten(async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/api/appeals', intakeBody({ priority: 1 })],
      ['POST', '/api/appeals', intakeBody({ citizen: { name: '王建国', phone: '13905371234', email: 'a@b.cn' } })],
      ['POST', `/api/appeals/${registered}/transitions`, { action: 'note', reason: '备注', extra: true }],
      ['POST', `/api/appeals/${accepted}/transitions`, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), reply: { text: 'x', result: 'solved', by: 'me' } }],
      ['POST', `/api/appeals/${registered}/citizen/reveal`, { reason: '核实', unmask: 'all' }],
      ['POST', '/api/auth/login', { username: 'agent', password: 'minsheng-demo', remember: true }],
      ['POST', '/api/admin/users', { username: 'new.user', displayName: '新', password: 'password-123', roles: [{ role: 'agent', unitId: s.unit('centre'), scope: 'all' }] }],
      ['POST', '/api/admin/units', { key: 'x-unit', name: '某单位', kind: 'department', parentId: s.unit('centre'), budget: 1 }],
      ['POST', '/api/admin/categories', { key: 'x-cat', name: '某分类', color: 'red' }],
      ['PUT', '/api/admin/calendar/2026-12-01', { kind: 'holiday', hours: 8 }],
    ];
    for (const [method, path, body] of cases) refused(await s.api(method, path, { token: method === 'POST' && path === '/api/appeals' ? tokens.agent : tokens.admin, body }), 400, 'VALIDATION_FAILED', path);
    for (const path of ['/api/appeals?foo=1', '/api/areas?level=street', '/api/calendar?month=1', '/api/citizens/history?phone=13905371234&all=1']) {
      refused(await s.api('GET', path, { token: tokens.agent }), 400, 'VALIDATION_FAILED', path);
    }
  }));

  it('wrong types are 400 VALIDATION_FAILED, never coerced', () => nothingWritten(async () => {
    const intakes: unknown[] = [
      intakeBody({ title: 123 }), intakeBody({ content: true }), intakeBody({ confidential: 'true' }), intakeBody({ consentPublish: 1 }),
      intakeBody({ citizen: [] }), intakeBody({ citizen: '王建国 13905371234' }), intakeBody({ citizen: { phone: 13905371234 } }), intakeBody({ kind: 'nonsense' }),
      intakeBody({ channel: null }), intakeBody({ urgency: ['normal'] }), intakeBody({ areaCode: 370812003 }), intakeBody({ categoryId: 'not-a-uuid' }),
      intakeBody({ title: { zh: '标题' } }), intakeBody({ accusedUnitId: 42 }), [], [intakeBody()], 'str', null, 42, true,
    ];
    for (const body of intakes) refused(await intake(body), 400, 'VALIDATION_FAILED', JSON.stringify(body).slice(0, 80));
    const transitions: unknown[] = [
      { action: 1 }, { action: ['accept'] }, { action: 'note', version: '1' }, { action: 'note', version: 1.5 }, { action: 'note', version: -1 },
      { action: 'dispatch', leadUnitId: 123 }, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), coUnitIds: s.unit('dept-huanjing') },
      { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), coUnitIds: { 0: s.unit('dept-huanjing') } }, { action: 'callback', contacted: 'true' },
      { action: 'reply', reply: '已处理' }, { action: 'reply', reply: [] }, { action: 'request_extension', days: '5', reason: 'x' }, { action: 'request_extension', days: 0, reason: 'x' },
      [], 'accept', null,
    ];
    for (const body of transitions) refused(await transition(accepted, body), 400, 'VALIDATION_FAILED', JSON.stringify(body));
    refused(await s.api('PUT', '/api/admin/calendar/2026-12-01', { token: tokens.admin, body: { kind: true } }), 400, 'VALIDATION_FAILED');
    refused(await s.api('POST', '/api/admin/users', { token: tokens.admin, body: { username: 'x.y', displayName: 'x', password: 'password-123', roles: { role: 'agent' } } }), 400, 'VALIDATION_FAILED');
  }));

  it('title and content: exactly 200 / 10,000 characters are accepted, 201 / 10,001 refused', async () => {
    for (const [field, max] of [['title', 200], ['content', 10_000]] as const) {
      const ok = await intake(intakeBody({ [field]: '诉'.repeat(max) }));
      assert.equal(ok.status, 201, `${field} ${max}`);
      assert.equal([...ok.body[field]].length, max);
      await nothingWritten(async () => {
        for (const v of ['诉'.repeat(max + 1), 'a'.repeat(max + 1), '']) refused(await intake(intakeBody({ [field]: v })), 400, 'VALIDATION_FAILED', `${field} ${v.length}`);
      });
    }
    await nothingWritten(async () => {
      for (const body of [intakeBody({ location: 'x'.repeat(201) }), intakeBody({ citizen: { name: '王'.repeat(51) } }), intakeBody({ citizen: { address: 'x'.repeat(201) } })]) {
        refused(await intake(body), 400, 'VALIDATION_FAILED');
      }
      refused(await transition(registered, { action: 'note', reason: 'x'.repeat(2001) }), 400, 'VALIDATION_FAILED');
      refused(await s.api('POST', `/api/appeals/${registered}/citizen/reveal`, { token: tokens.agent, body: { reason: 'x'.repeat(501) } }), 400, 'VALIDATION_FAILED');
    });
  });

  it('invalid phone numbers are 422 INVALID_PHONE; real mobile and landline notations pass', async () => {
    await nothingWritten(async () => {
      for (const phone of ['12345678901', '1390537123', '139053712345', 'abc', '+1 202 555 0100', '139-0537-12a4', '00000000']) {
        const res = await intake(intakeBody({ citizen: { name: '王建国', phone } }));
        refused(res, 422, 'INVALID_PHONE', phone);
        assert.equal(res.body.error.details.field, 'citizen.phone');
      }
    });
    for (const phone of ['+86 139 0537 1234', '0537-3412345', '(0537)3412345']) assert.equal((await intake(intakeBody({ citizen: { phone } }))).status, 201, phone);
  });

  it('invalid ID numbers are 422 INVALID_ID_NUMBER; a valid one (lower-case x too) passes', async () => {
    await nothingWritten(async () => {
      for (const idNumber of ['370812198501011235', '370812198502301233', '370812185001011235', 'ABCDEFGHIJKLMNOPQR', '370812850101123', '37081219850101123Y']) {
        refused(await intake(intakeBody({ citizen: { name: '王建国', idNumber } })), 422, 'INVALID_ID_NUMBER', idNumber);
      }
      refused(await intake(intakeBody({ citizen: { idNumber: '3708121985010112345' } })), 400, 'VALIDATION_FAILED');
    });
    for (const idNumber of ['370812198501011234', '37081219900315451x']) assert.equal((await intake(intakeBody({ citizen: { idNumber } }))).status, 201, idNumber);
  });

  it('unknown category, area and unit ids are 422 with their own code', () => nothingWritten(async () => {
    refused(await intake(intakeBody({ categoryId: randomUUID() })), 422, 'UNKNOWN_CATEGORY');
    for (const areaCode of ['370812999', '99', '370812001999']) refused(await intake(intakeBody({ areaCode })), 422, 'UNKNOWN_AREA', areaCode);
    refused(await intake(intakeBody({ accusedUnitId: randomUUID() })), 422, 'UNKNOWN_UNIT');
    refused(await transition(accepted, { action: 'dispatch', leadUnitId: randomUUID() }), 422, 'UNKNOWN_UNIT');
    refused(await transition(accepted, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), coUnitIds: [randomUUID()] }), 422, 'UNKNOWN_UNIT');
    refused(await transition(registered, { action: 'merge', masterId: randomUUID() }), 422, 'UNKNOWN_APPEAL');
    refused(await s.api('POST', '/api/admin/users', { token: tokens.admin, body: { username: 'ghost', displayName: '幽灵', password: 'password-123', roles: [{ role: 'agent', unitId: randomUUID() }] } }), 422, 'UNKNOWN_UNIT');
    refused(await s.api('POST', '/api/admin/units', { token: tokens.admin, body: { key: 'orphan', name: '孤儿', kind: 'department', parentId: randomUUID() } }), 422, 'UNKNOWN_UNIT');
    refused(await s.api('POST', '/api/admin/units', { token: tokens.admin, body: { key: 'lost', name: '无区划', kind: 'department', parentId: s.unit('centre'), areaCodes: ['370899'] } }), 422, 'UNKNOWN_AREA');
    refused(await s.api('POST', '/api/admin/categories', { token: tokens.admin, body: { key: 'orphan', name: '孤儿', parentId: randomUUID() } }), 422, 'UNKNOWN_CATEGORY');
  }));

  it('malformed JSON is 400 MALFORMED_JSON on every endpoint, never 500', () => nothingWritten(async () => {
    const bodies = ['{', '{"title":', "{'title':'x'}", '{"a":1,}', '{"a":1}}', 'undefined', 'NaN', '{"a":01}', '\u0000', '\ufeff{}x', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}'];
    for (const [method, path] of bodyRoutes()) for (const body of bodies) refused(await raw(method, path, body), 400, 'MALFORMED_JSON', `${path} ${JSON.stringify(body)}`);
  }));

  it('an empty body is 400 (MALFORMED_JSON with a JSON content type)', () => nothingWritten(async () => {
    for (const [method, path] of bodyRoutes()) {
      refused(await raw(method, path, ''), 400, 'MALFORMED_JSON', path);
      const none = await s.api(method, path, { token: tokens.admin });
      assert.equal(none.status, 400, path);
    }
  }));

  it('a body in another content type is 415 UNSUPPORTED_MEDIA_TYPE', () => nothingWritten(async () => {
    for (const [method, path] of bodyRoutes()) {
      for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/html', 'application/octet-stream']) {
        refused(await raw(method, path, JSON.stringify(intakeBody()), type), 415, 'UNSUPPORTED_MEDIA_TYPE', `${path} ${type}`);
      }
    }
  }));

  it('a JSON body sent as text/plain is 415 too', () => nothingWritten(async () => {
    refused(await raw('POST', '/api/appeals', JSON.stringify(intakeBody()), 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  }));

  it('a body over 1 MB is 413 PAYLOAD_TOO_LARGE', () => nothingWritten(async () => {
    const huge = JSON.stringify(intakeBody({ content: 'x'.repeat(1_100_000) }));
    for (const [method, path] of bodyRoutes()) refused(await raw(method, path, huge), 413, 'PAYLOAD_TOO_LARGE', path);
  }));

  it('an invalid uuid or date in the path is 400; an unknown route is 404 NOT_FOUND', () => nothingWritten(async () => {
    for (const id of ['not-a-uuid', '123', encodeURIComponent("1' OR '1'='1"), `${randomUUID()}x`]) {
      refused(await s.api('GET', `/api/appeals/${id}`, { token: tokens.agent }), 400, 'VALIDATION_FAILED', id);
      refused(await s.api('GET', `/api/appeals/${id}/events`, { token: tokens.agent }), 400, 'VALIDATION_FAILED', id);
      refused(await transition(id, { action: 'accept' }), 400, 'VALIDATION_FAILED', id);
      refused(await s.api('POST', `/api/appeals/${id}/citizen/reveal`, { token: tokens.agent, body: { reason: '核实' } }), 400, 'VALIDATION_FAILED', id);
    }
    for (const date of ['tomorrow', '2026-13-01', '2026-02-30', '2026-1-1']) refused(await s.api('PUT', `/api/admin/calendar/${date}`, { token: tokens.admin, body: { kind: 'holiday' } }), 400, 'VALIDATION_FAILED', date);
    for (const [method, path] of [['GET', '/api/nope'], ['GET', `/api/appeals/${registered}/nope`], ['DELETE', `/api/appeals/${registered}`], ['PATCH', '/api/appeals'], ['GET', '/nope.php']]) {
      refused(await s.api(method!, path!, { token: tokens.agent }), 404, 'NOT_FOUND', path);
      refused(await s.api(method!, path!), 404, 'NOT_FOUND', path);
    }
  }));

  it('transitions: an unknown action is 400; missing required input is 422 INVALID_TRANSITION_INPUT', () => nothingWritten(async () => {
    for (const action of ['fly', 'ACCEPT', '', 'accept ']) refused(await transition(registered, { action }), 400, 'VALIDATION_FAILED', action);
    const missing: [string, Record<string, unknown>][] = [
      [registered, { action: 'reject' }], [registered, { action: 'refer_legal', route: 'litigation' }],
      [registered, { action: 'refer_emergency' }], [registered, { action: 'answer_directly' }], [registered, { action: 'merge' }],
      [accepted, { action: 'dispatch' }], [accepted, { action: 'dispatch', coUnitIds: [s.unit('dept-huanjing')] }],
    ];
    for (const [id, body] of missing) refused(await transition(id, body), 422, 'INVALID_TRANSITION_INPUT', JSON.stringify(body));
    refused(await transition(registered, { action: 'reject', reason: '   ' }), 400, 'VALIDATION_FAILED'); // blank text fails the schema
    refused(await transition(registered, { action: 'merge', masterId: registered }), 422, 'INVALID_TRANSITION_INPUT');
    refused(await transition(accepted, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian'), coUnitIds: [s.unit('dept-zhujian')] }), 422, 'INVALID_TRANSITION_INPUT');
    refused(await transition(registered, { action: 'dispatch', leadUnitId: s.unit('dept-zhujian') }), 409, 'ILLEGAL_TRANSITION');
  }));

  it('messages follow Accept-Language: zh-CN by default, English on request', async () => {
    const ask = (lang?: string) => s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ title: 1 }), headers: lang ? { 'accept-language': lang } : {} });
    assert.equal((await ask()).body.error.message, '输入不符合要求');
    assert.equal((await ask('zh-CN,zh;q=0.9,en;q=0.8')).body.error.message, '输入不符合要求');
    for (const lang of ['en', 'en-US,en;q=0.9', 'EN-GB']) assert.equal((await ask(lang)).body.error.message, 'The input is not valid', lang);
    const en = { 'accept-language': 'en' };
    assert.equal((await s.api('GET', '/api/nope', { headers: en })).body.error.message, 'Not found');
    assert.equal((await s.api('GET', '/api/auth/me', { headers: en })).body.error.message, 'Please sign in');
    assert.equal((await s.api('POST', '/api/appeals', { token: tokens.agent, rawBody: '{', headers: en })).body.error.message, 'The request body is not valid JSON');
    assert.equal((await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ citizen: { phone: 'x' } }), headers: en })).body.error.message, 'The phone number is not valid');
  });

  it('query strings are validated: 400 VALIDATION_FAILED (422 for a bad phone)', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=ten', 'status=bogus', 'status=registered,', 'overdue=yes', 'channel=fax', 'unitId=x', 'areaCode=abc', 'cursor=!!!', 'cursor=abc', `text=${'x'.repeat(101)}`]) {
      refused(await s.api('GET', `/api/appeals?${q}`, { token: tokens.agent }), 400, 'VALIDATION_FAILED', q);
    }
    for (const path of ['/api/areas?parent=abc', '/api/areas?q=', '/api/calendar?year=1999', '/api/calendar?year=2026.5', '/api/citizens/history']) {
      refused(await s.api('GET', path, { token: tokens.agent }), 400, 'VALIDATION_FAILED', path);
    }
    refused(await s.api('GET', `/api/citizens/history?phone=${encodeURIComponent("' OR 1=1 --")}`, { token: tokens.agent }), 422, 'INVALID_PHONE');
  });

  it('a NUL or a lone surrogate in a text field is refused with a 4xx', async () => {
    const below500 = (res: ApiResponse, label: string) => assert.ok(res.status < 500, `${label}: ${res.status}`);
    await nothingWritten(async () => {
      for (const field of ['title', 'content', 'location']) below500(await intake(intakeBody({ [field]: 'a\u0000b' })), field);
      below500(await transition(registered, { action: 'note', reason: 'x\u0000y' }), 'transition reason');
      below500(await transition(registered, { action: 'answer_directly', answer: 'x\ud800' }), 'answer with a lone surrogate');
      for (const reason of ['x\u0000y', 'x\ud800']) below500(await s.api('POST', `/api/appeals/${registered}/citizen/reveal`, { token: tokens.agent, body: { reason } }), 'reveal reason');
      below500(await s.api('PUT', '/api/admin/calendar/2026-12-01', { token: tokens.admin, body: { kind: 'holiday', name: 'x\ud800' } }), 'calendar name');
    });
    below500(await s.api('GET', '/api/appeals?text=%00', { token: tokens.agent }), '?text=');
    below500(await s.api('GET', '/api/areas?q=%00', { token: tokens.agent }), 'areas ?q=');
  });

  it('a title or content of only whitespace is refused', () => nothingWritten(async () => {
    refused(await intake(intakeBody({ title: '   ' })), 400, 'VALIDATION_FAILED');
    refused(await intake(intakeBody({ content: ' \n\t ' })), 400, 'VALIDATION_FAILED');
  }));

  // ── properties ────────────────────────────────────────────────────────────────────────────────────────────
  const nasty = fc.constantFrom("'; DROP TABLE appeals; --", '" OR 1=1 --', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '${7*7}{{7*7}}',
    '../../etc/passwd', '\u202e\u200b', '\ud800', '😀👨‍👩‍👧', '__proto__', '%00', '\\', '\u0000', 'a\u0000b', '\r\n\r\nHTTP/1.1 200 OK', ' ');
  // NUL and lone surrogates included: the server must refuse them with a 4xx, never a 500.
  const text = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }), nasty);
  const anyString = fc.oneof(fc.string({ unit: 'binary' }), nasty);
  const deep = fc.integer({ min: 1, max: 3000 }).map((n) => { let v: unknown = 'x'; for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v }; return v; });
  const json = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.object({ maxDepth: 3 }), anyString, deep);
  const value = fc.oneof(json, text, fc.uuid(), fc.integer(), fc.boolean());
  /** A well-typed body, or one with a single field replaced by anything at all. */
  function shaped(valid: fc.Arbitrary<Record<string, unknown>>) {
    const broken = fc.tuple(valid, fc.string({ maxLength: 12 }), value)
      .map(([b, k, v]) => ({ ...b, [Object.keys(b).length && k.length % 3 ? Object.keys(b)[k.length % Object.keys(b).length]! : k]: v }));
    return fc.oneof({ arbitrary: json, weight: 1 }, { arbitrary: valid, weight: 3 }, { arbitrary: broken, weight: 2 });
  }
  const sendable = (v: unknown) => JSON.stringify(v) ?? 'null';
  const RUNS = Number(process.env.MINSHENG_FC_RUNS ?? 100); // raise to hunt for bugs

  /** Sends one random request; a refusal must be < 500 and leave every count as it was. */
  async function probe(path: string, token: string, rawBody: string, contentType = 'application/json') {
    const before = await counts();
    const res = await s.api('POST', path, { token, rawBody, headers: { 'content-type': contentType } });
    assert.ok(res.status < 500, `${res.status} for ${rawBody.slice(0, 300)}: ${JSON.stringify(res.body).slice(0, 300)}`);
    if (res.status >= 300) assert.deepEqual(await counts(), before, `rows written by a ${res.status} for ${rawBody.slice(0, 300)}`);
    return res.status < 300;
  }

  it('property: random bodies to POST /api/appeals never 500 and never write on refusal', async () => {
    const categories = (await s.api('GET', '/api/categories', { token: tokens.agent })).body.items.map((c: { id: string }) => c.id) as string[];
    const valid = fc.record({
      channel: fc.constantFrom(...CHANNELS), kind: fc.constantFrom(...APPEAL_KINDS), urgency: fc.constantFrom(...URGENCIES), title: text, content: text, location: text,
      areaCode: fc.constantFrom('370812001', '370812001002', '370812999'), categoryId: fc.constantFrom(...categories.slice(0, 5), randomUUID()), accusedUnitId: fc.constantFrom(s.unit('dept-chengguan'), randomUUID()),
      confidential: fc.boolean(), consentPublish: fc.boolean(),
      citizen: fc.record({ name: text, phone: fc.constantFrom('13905371234', '+86 139 0537 1234', '0537-3412345', '110', '1234'), idNumber: fc.constantFrom('370812198501011234', '370812198501011235'), address: text }, { requiredKeys: [] }),
    }, { requiredKeys: ['channel', 'title', 'content'] });
    await fc.assert(fc.asyncProperty(shaped(valid), fc.boolean(), async (body, asRaw) => {
      await probe('/api/appeals', tokens.agent!, asRaw && typeof body === 'string' ? body : sendable(body));
    }), { numRuns: RUNS });
  });

  it('property: random bodies to POST /api/appeals/:id/transitions never 500 and never write on refusal', async () => {
    let fresh = 0; // after every successful step the target is a new appeal, alternately registered and accepted
    async function nextTarget() {
      const id = (await intake(intakeBody({ title: '随机操作的对象' }))).body.id as string;
      if (fresh++ % 2) assert.equal((await transition(id, { action: 'accept' })).status, 200);
      return id;
    }
    let target = await nextTarget();
    const ids = fc.oneof(fc.uuid(), fc.constantFrom(registered, accepted, s.unit('dept-zhujian'), s.unit('street-370812001'), s.unit('station-370812001002')));
    const valid = fc.record({
      action: fc.constantFrom(...APPEAL_ACTIONS), reason: text, answer: text, line: fc.constantFrom(...EMERGENCY_LINES), route: fc.constantFrom(...LEGAL_ROUTES),
      masterId: ids, leadUnitId: ids, coUnitIds: fc.array(ids, { maxLength: 3 }), days: fc.integer({ min: 1, max: 365 }), reply: fc.record({ text, result: fc.constantFrom(...REPLY_RESULTS) }),
      satisfaction: fc.constantFrom(...SATISFACTION_LEVELS), contacted: fc.boolean(), solved: fc.boolean(), comment: text,
    }, { requiredKeys: ['action'] });
    await fc.assert(fc.asyncProperty(shaped(valid), fc.constantFrom('application/json', 'application/json', 'application/json', 'application/json', 'text/plain'), async (body, type) => {
      if (await probe(`/api/appeals/${target}/transitions`, tokens.dispatcher!, sendable(body), type)) target = await nextTarget();
    }), { numRuns: RUNS });
  });
});
