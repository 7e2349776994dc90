import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testEngine } from '@minsheng/db/testing';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PHONE_A = '13905371234', PHONE_B = '13800005678';
const NAME_A = '王建国', ADDRESS_A = '兖州区建设东路18号3单元201';

/** Issue 9 §6: the reveals of masked personal data are queryable by administrators — by field, never by value. */
describe(`reveal audit (${testEngine()})`, () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const appeals: Record<'a' | 'b', { id: string; number: string }> = { a: { id: '', number: '' }, b: { id: '', number: '' } };
  let dispatcherId = '';
  let startedAt = '';
  const reveals = (query = '', token = tokens.admin) => s.api('GET', `/api/admin/audit/reveals${query}`, { token });

  before(async () => {
    s = await startTestServer();
    for (const u of ['admin', 'agent', 'dispatcher', 'supervisor']) tokens[u] = await s.login(u);
    startedAt = new Date(Date.now() - 1000).toISOString();
    const a = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ citizen: { name: NAME_A, phone: PHONE_A, address: ADDRESS_A } }) });
    const b = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ citizen: { phone: PHONE_B } }) });
    assert.equal(a.status, 201, JSON.stringify(a.body));
    appeals.a = { id: a.body.id, number: a.body.number };
    appeals.b = { id: b.body.id, number: b.body.number };
    // Three reveals, one after the other: the agent sees A's identity, the dispatcher B's, the agent opens A's photo.
    assert.equal((await s.api('POST', `/api/appeals/${appeals.a.id}/citizen/reveal`, { token: tokens.agent, body: { reason: '回访核实' } })).status, 200);
    assert.equal((await s.api('POST', `/api/appeals/${appeals.b.id}/citizen/reveal`, { token: tokens.dispatcher, body: { reason: '派单前联系诉求人' } })).status, 200);
    const form = new FormData();
    form.append('files', new Blob([PNG], { type: 'image/png' }), '现场照片.png');
    const up = await fetch(`${s.baseUrl}/api/appeals/${appeals.a.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.agent}` }, body: form });
    assert.equal(up.status, 201);
    const file = await fetch(`${s.baseUrl}${((await up.json()) as { items: { url: string }[] }).items[0]!.url}`, { headers: { authorization: `Bearer ${tokens.agent}` } });
    assert.equal(file.status, 200);
    const users = await s.api('GET', '/api/admin/users', { token: tokens.admin });
    dispatcherId = users.body.items.find((u: { username: string }) => u.username === 'dispatcher').id;
  });
  after(() => s.close());

  it('lists every reveal newest first, naming the fields revealed and never a value', async () => {
    const res = await reveals();
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.total, 3);
    assert.deepEqual(res.body.items.map((r: any) => [r.kind, r.appeal.number, r.fields, r.user.username, r.reason]), [
      ['attachment', appeals.a.number, ['attachment'], 'agent', null],
      ['citizen', appeals.b.number, ['phone'], 'dispatcher', '派单前联系诉求人'],
      ['citizen', appeals.a.number, ['name', 'phone', 'address'], 'agent', '回访核实'],
    ]);
    assert.equal(res.body.items[1].user.displayName, '刘振华');
    const text = JSON.stringify(res.body);
    for (const plain of [PHONE_A, PHONE_B, NAME_A, ADDRESS_A, '1234', '现场照片']) assert.ok(!text.includes(plain), plain);
  });

  it('filters by kind, staff user, appeal number and period, and pages', async () => {
    const numbers = async (q: string) => { const r = await reveals(q); assert.equal(r.status, 200, JSON.stringify(r.body)); return r.body.items.map((i: any) => `${i.kind}:${i.appeal.number}`); };
    assert.deepEqual(await numbers('?kind=address'), [`citizen:${appeals.a.number}`]);
    assert.deepEqual(await numbers('?kind=phone'), [`citizen:${appeals.b.number}`, `citizen:${appeals.a.number}`]);
    assert.deepEqual(await numbers('?kind=id_number'), []);
    assert.deepEqual(await numbers('?kind=attachment'), [`attachment:${appeals.a.number}`]);
    assert.deepEqual(await numbers(`?userId=${dispatcherId}`), [`citizen:${appeals.b.number}`]);
    assert.deepEqual(await numbers(`?appealNumber=${appeals.a.number}`), [`attachment:${appeals.a.number}`, `citizen:${appeals.a.number}`]);
    assert.deepEqual(await numbers(`?appealNumber=${appeals.a.number}&kind=phone&userId=${dispatcherId}`), []);
    assert.equal((await numbers(`?from=${encodeURIComponent(startedAt)}`)).length, 3);
    assert.deepEqual(await numbers(`?to=${encodeURIComponent(startedAt)}`), []);
    assert.deepEqual(await numbers(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`), []);
    const page2 = await reveals('?pageSize=1&page=2');
    assert.equal(page2.status, 200, JSON.stringify(page2.body));
    assert.deepEqual([page2.body.total, page2.body.page, page2.body.pageSize, page2.body.items.length, page2.body.items[0].appeal.number], [3, 2, 1, 1, appeals.b.number]);
    assert.deepEqual((await reveals('?page=9')).body.items, []);
  });

  it('exports the filtered reveals as CSV (fields named in Chinese, no values)', async () => {
    const res = await fetch(`${s.baseUrl}/api/admin/audit/reveals.csv?kind=phone`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], '时间,用户名,姓名,诉求编号,查看内容,事由');
    assert.equal(lines.length, 3);
    assert.match(lines[2]!, new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,agent,孙晓静,${appeals.a.number},姓名、电话、地址,回访核实$`));
    for (const plain of [PHONE_A, PHONE_B, NAME_A, ADDRESS_A]) assert.ok(!text.includes(plain), plain);
  });

  it('is for administrators at the root unit: intake, supervisors and a unit administrator are refused', async () => {
    const created = await s.api('POST', '/api/admin/users', { token: tokens.admin, body: {
      username: 'zhujian.admin', displayName: '住建管理员', password: 'Zhujian-Admin-2026!', roles: [{ role: 'admin', unitId: s.unit('dept-zhujian') }] } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const unitAdmin = await s.login('zhujian.admin', 'Zhujian-Admin-2026!');
    for (const token of [tokens.agent, tokens.dispatcher, tokens.supervisor, unitAdmin]) {
      const res = await reveals('', token);
      assert.deepEqual([res.status, res.body.error.code], [403, 'FORBIDDEN']);
      assert.equal((await fetch(`${s.baseUrl}/api/admin/audit/reveals.csv`, { headers: { authorization: `Bearer ${token}` } })).status, 403);
    }
    assert.equal((await s.api('GET', '/api/admin/audit/reveals')).status, 401);
  });

  it('refuses bad input with a stable code', async () => {
    for (const q of ['?kind=email', '?pageSize=0', '?pageSize=101', '?page=0', '?from=yesterday', '?userId=abc', '?appealNumber=%27%20OR%201%3D1', '?extra=1']) {
      const res = await reveals(q);
      assert.deepEqual([res.status, res.body.error.code], [400, 'VALIDATION_FAILED'], q);
    }
    const backwards = await reveals(`?from=${encodeURIComponent('2026-11-24T00:00:00Z')}&to=${encodeURIComponent('2026-11-23T00:00:00Z')}`);
    assert.deepEqual([backwards.status, backwards.body.error.code, backwards.body.error.details?.field], [400, 'VALIDATION_FAILED', 'to']);
  });
});
