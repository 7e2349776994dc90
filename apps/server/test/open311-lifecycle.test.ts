import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';
import { assertError, assertWire, FORMATS, o311, xmlValues } from './open311-helpers';

/**
 * OPEN311.md §10.11 and §10.12 with DOMAIN.md §8: an Open311 request is an ordinary appeal that staff handle through
 * their own API, its progress (lead unit, expected time, reply, closing) shows in GeoReport reads, and nothing of
 * the submitter's identity — nor any confidential or 举报 appeal — leaks to other clients. Also the 90-day and
 * 1000-record defaults.
 */
const STREETLIGHT = '020401';
const IDENTITY = ['13905371234', '张三', 'zhang.san@example.com', '139****1234', 'first_name', 'last_name', '<email>', '"email"', '<phone>', '"phone"'];

describe('Open311 requests through their lifecycle, privacy and defaults', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let keyA = '';
  let keyB = '';
  let keyAId = '';
  let number = '';
  let appealId = '';
  let version = 0;

  const submit = (key: string, extra: Record<string, string | string[]> = {}) => o311(s, 'POST', 'requests.json', {
    api_key: key, service_code: STREETLIGHT, lat: '35.5503', long: '116.8271', address_string: '兖州区建设路与九州大道路口',
    description: '路口东侧三盏路灯整夜不亮，行人过马路很危险。', 'attribute[lamp_count]': '3', 'attribute[fault_type]': 'off', ...extra,
  });
  async function act(user: string, body: Record<string, unknown>) {
    const res = await s.api('POST', `/api/appeals/${appealId}/transitions`, { token: tokens[user], body: { ...body, version } });
    assert.equal(res.status, 200, `${user} ${String(body.action)}: ${JSON.stringify(res.body)}`);
    version = res.body.version;
    return res.body;
  }
  const read = async (key?: string) => (await o311(s, 'GET', `requests/${number}.json${key ? `?api_key=${key}` : ''}`)).json[0];

  before(async () => {
    s = await startTestServer();
    for (const u of ['admin', 'agent', 'dispatcher', 'chengguan.handler', 'chengguan.leader', 'callback']) tokens[u] = await s.login(u);
    const a = await s.api('POST', '/api/admin/open311-keys', { token: tokens.admin, body: { name: '随手拍 App' } });
    const b = await s.api('POST', '/api/admin/open311-keys', { token: tokens.admin, body: { name: '第三方地图' } });
    keyA = a.body.apiKey;
    keyAId = a.body.id;
    keyB = b.body.apiKey;
  });
  after(() => s.close());

  it('§10.11 a POSTed request reads back with its service_code, lat/long and description', async () => {
    const res = await submit(keyA, { first_name: '三', last_name: '张', phone: '13905371234', email: 'zhang.san@example.com', device_id: 'dev-1', account_id: 'acct-9' });
    assertWire(res, 'json');
    assert.equal(res.json[0].account_id, 'acct-9');
    number = res.json[0].service_request_id;
    const r = await read(keyA);
    assert.equal(r.service_request_id, number);
    assert.equal(r.service_code, STREETLIGHT);
    assert.equal(r.service_name, '路灯照明');
    assert.equal(r.status, 'open');
    assert.equal(r.lat, 35.5503);
    assert.equal(r.long, 116.8271);
    assert.equal(r.address, '兖州区建设路与九州大道路口');
    assert.ok(r.description.startsWith('路口东侧三盏路灯整夜不亮，行人过马路很危险。'), r.description);
    assert.match(r.description, /不亮的路灯数量（盏）：3\n故障情况：整夜不亮/);
    assert.equal(r.agency_responsible, null);
    assert.equal(r.expected_datetime, null);
    assert.equal(r.requested_datetime, '2026-11-23T01:00:00Z');
    const xml = await o311(s, 'GET', `requests/${number}.xml?api_key=${keyA}`);
    assert.deepEqual(xmlValues(xml.text, 'lat'), ['35.5503']);
    assert.deepEqual(xmlValues(xml.text, 'service_code'), [STREETLIGHT]);
    assert.deepEqual(xmlValues(xml.text, 'agency_responsible'), ['']);
  });

  it('staff see it as an ordinary appeal of channel open311 with the citizen masked', async () => {
    const list = await s.api('GET', '/api/appeals?channel=open311', { token: tokens.dispatcher });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const item = list.body.items.find((x: any) => x.number === number);
    assert.ok(item, 'listed for staff');
    assert.equal(item.channel, 'open311');
    appealId = item.id;
    const detail = await s.api('GET', `/api/appeals/${appealId}`, { token: tokens.dispatcher });
    assert.equal(detail.body.status, 'registered');
    assert.equal(detail.body.citizen.phone, '139****1234');
    assert.equal(detail.body.citizen.name, '张*');
    version = detail.body.version;
    const [citizen] = await queryRows<{ name_enc: string; phone_enc: string; phone_hash: string }>(s.deps.database.db,
      sql`SELECT c.name_enc, c.phone_enc, c.phone_hash FROM citizens c JOIN appeals a ON a.jurisdiction_id = c.jurisdiction_id AND a.citizen_id = c.id WHERE a.id = ${appealId}`);
    assert.ok(citizen!.phone_hash);
    assert.ok(!citizen!.name_enc.includes('张') && !citizen!.phone_enc.includes('13905371234'), 'identity is stored encrypted');
  });

  it('dispatch and sign show the lead unit and the handling clock as agency_responsible and expected_datetime', async () => {
    await act('agent', { action: 'accept' });
    await act('dispatcher', { action: 'dispatch', leadUnitId: s.unit('dept-chengguan') });
    const signed = await act('chengguan.handler', { action: 'sign' });
    const handling = signed.deadlines.find((d: { clock: string }) => d.clock === 'handling');
    const r = await read();
    assert.equal(r.status, 'open');
    assert.equal(r.agency_responsible, '兖州区综合行政执法局');
    assert.equal(r.expected_datetime, handling.dueAt.replace(/\.\d{3}Z$/, 'Z'));
    assert.equal(r.service_notice, '承办单位正在办理');
  });

  it('the approved public reply becomes status_notes; closing flips status to closed at the close time', async () => {
    const text = '已安排路灯维修班组更换损坏的灯具，三盏路灯已恢复照明。';
    await act('chengguan.handler', { action: 'reply', reply: { text, result: 'solved' } });
    assert.equal((await read(keyA)).status_notes, null, 'a reply under review is not public yet');
    await act('chengguan.leader', { action: 'approve_reply' });
    assert.equal((await read(keyA)).status_notes, text);
    s.clock.now = new Date(s.clock.now.getTime() + 3_600_000);
    await act('callback', { action: 'callback', satisfaction: 'satisfied', contacted: true, solved: true });
    const closed = await act('callback', { action: 'close' });
    for (const fmt of FORMATS) {
      const res = await o311(s, 'GET', `requests/${number}.${fmt}?api_key=${keyA}`);
      assertWire(res, fmt);
      const r = fmt === 'json' ? res.json[0] : { status: xmlValues(res.text, 'status')[0], updated_datetime: xmlValues(res.text, 'updated_datetime')[0], expected_datetime: xmlValues(res.text, 'expected_datetime')[0] || null };
      assert.equal(r.status, 'closed');
      assert.equal(r.updated_datetime, closed.closedAt.replace(/\.\d{3}Z$/, 'Z'));
      assert.equal(r.expected_datetime, null);
    }
    const closedList = (await o311(s, 'GET', 'requests.json?status=closed')).json as any[];
    assert.deepEqual(closedList.map((x) => x.service_request_id), [number]);
  });

  it('§10.12 no identity field or value appears in any answer, to anyone, in either format', async () => {
    for (const fmt of FORMATS) {
      for (const q of ['', `?api_key=${keyA}`, `?api_key=${keyB}`]) {
        for (const path of [`requests.${fmt}${q}`, `requests/${number}.${fmt}${q}`]) {
          const res = await o311(s, 'GET', path);
          assert.equal(res.status, 200);
          for (const needle of IDENTITY) assert.ok(!res.text.includes(needle), `${path} leaks ${needle}`);
          assert.ok(!res.text.includes('dev-1') && !res.text.includes('acct-9'), `${path} leaks device/account ids`);
        }
      }
    }
  });

  it('content is shown to other clients only with the citizen\'s consent (consent_publish=true)', async () => {
    const anonymous = await read();
    assert.equal(anonymous.status, 'closed');
    for (const f of ['description', 'status_notes', 'address', 'lat', 'long', 'media_url']) assert.equal(anonymous[f], null, f);
    assert.equal(anonymous.agency_responsible, '兖州区综合行政执法局');
    assert.equal((await read(keyB)).description, null, 'another client sees no content either');
    const consented = await submit(keyA, { consent_publish: 'true', media_url: 'https://img.example.com/p/1.jpg' });
    const r = (await o311(s, 'GET', `requests/${consented.json[0].service_request_id}.json`)).json[0];
    assert.ok(r.description.startsWith('路口东侧'));
    assert.equal(r.media_url, 'https://img.example.com/p/1.jpg');
    assertError(await o311(s, 'POST', 'requests.json', { api_key: keyA, service_code: STREETLIGHT, address_id: 'X', 'attribute[lamp_count]': '1', 'attribute[fault_type]': 'off', consent_publish: 'yes' }), 'json', 400);
  });

  it('confidential and 举报 (accused unit) requests are returned only to the client that created them', async () => {
    const conf = (await submit(keyA)).json[0].service_request_id as string;
    const accused = (await submit(keyA)).json[0].service_request_id as string;
    await queryRows(s.deps.database.db, sql`UPDATE appeals SET confidential = true WHERE number = ${conf}`);
    await queryRows(s.deps.database.db, sql`UPDATE appeals SET accused_unit_id = ${s.unit('dept-chengguan')}, confidential = false WHERE number = ${accused}`);
    for (const fmt of FORMATS) {
      for (const id of [conf, accused]) {
        assertError(await o311(s, 'GET', `requests/${id}.${fmt}`), fmt, 404);
        assertError(await o311(s, 'GET', `requests/${id}.${fmt}?api_key=${keyB}`), fmt, 404);
        assertWire(await o311(s, 'GET', `requests/${id}.${fmt}?api_key=${keyA}`), fmt);
      }
      const publicList = await o311(s, 'GET', `requests.${fmt}?service_request_id=${conf},${accused}`);
      assertWire(publicList, fmt);
      assert.equal(fmt === 'json' ? publicList.json.length : xmlValues(publicList.text, 'request').length, 0);
      const everything = await o311(s, 'GET', `requests.${fmt}?api_key=${keyB}`);
      assert.ok(!everything.text.includes(conf) && !everything.text.includes(accused));
    }
    const own = (await o311(s, 'GET', `requests.json?api_key=${keyA}&service_request_id=${conf},${accused}`)).json as any[];
    assert.equal(own.length, 2);
    assertError(await o311(s, 'GET', `requests.json?api_key=mso_370812_${'B'.repeat(43)}`), 'json', 403);
  });

  it('appeals from other channels are never published through Open311', async () => {
    const phone = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody({ consentPublish: true }) });
    assert.equal(phone.status, 201, JSON.stringify(phone.body));
    assertError(await o311(s, 'GET', `requests/${phone.body.number}.json`), 'json', 404);
    assert.ok(!((await o311(s, 'GET', 'requests.json')).json as any[]).some((x) => x.service_request_id === phone.body.number));
  });

  it('a deactivated key is refused at once (403) and its requests keep their history', async () => {
    const admin = tokens.admin;
    const off = await s.api('DELETE', `/api/admin/open311-keys/${keyAId}`, { token: admin });
    assert.equal(off.status, 200);
    assertError(await submit(keyA), 'json', 403);
    assertError(await o311(s, 'GET', `requests/${number}.xml?api_key=${keyA}`), 'xml', 403);
    assertWire(await o311(s, 'GET', `requests/${number}.json`), 'json');
  });

  it('§10.9 by default only the last 90 days come back, newest first; older ones by explicit window', async () => {
    const old = (await submit(keyB)).json[0].service_request_id as string;
    const t0 = s.clock.now;
    s.clock.now = new Date(t0.getTime() + 91 * 86_400_000);
    const fresh = (await submit(keyB)).json[0].service_request_id as string;
    const recent = (await o311(s, 'GET', 'requests.json')).json as any[];
    assert.deepEqual(recent.map((x) => x.service_request_id), [fresh]);
    const from = new Date(t0.getTime() - 86_400_000).toISOString();
    const to = new Date(t0.getTime() + 86_400_000).toISOString();
    const window = (await o311(s, 'GET', `requests.json?start_date=${from}&end_date=${to}`)).json as any[];
    assert.ok(window.some((x) => x.service_request_id === old));
    const byStart = (await o311(s, 'GET', `requests.json?start_date=${from}`)).json as any[];
    assert.ok(byStart.some((x) => x.service_request_id === old) && !byStart.some((x) => x.service_request_id === fresh), 'start alone spans 90 days');
  });

  it('§10.9 at most 1000 records come back, newest first', async () => {
    const [key] = await queryRows<{ id: string }>(s.deps.database.db, sql`SELECT id FROM open311_api_keys WHERE active LIMIT 1`);
    const now = s.clock.now;
    await queryRows(s.deps.database.db, sql`
      INSERT INTO appeals (jurisdiction_id, id, number, query_code, track, channel, kind, urgency, status, title, content, owner_unit_id, created_at, updated_at)
      SELECT '370812', 'bulk-' || i, 'BK' || lpad(i::text, 6, '0'), 'QQQQQQ', 'hotline', 'open311', 'help', 'normal', 'registered', '路灯不亮', '路灯不亮',
        ${s.unit('centre')}, ${now}::timestamptz - make_interval(mins => i), ${now}::timestamptz - make_interval(mins => i)
      FROM generate_series(1, 1005) AS i`);
    await queryRows(s.deps.database.db, sql`
      INSERT INTO open311_requests (jurisdiction_id, appeal_id, token, api_key_id, service_code, address_id, requested_at)
      SELECT '370812', 'bulk-' || i, 'bulktoken' || i, ${key!.id}, ${STREETLIGHT}, 'A' || i, ${now}::timestamptz - make_interval(mins => i)
      FROM generate_series(1, 1005) AS i`);
    for (const fmt of FORMATS) {
      const res = await o311(s, 'GET', `requests.${fmt}`);
      assertWire(res, fmt);
      const ids = fmt === 'json' ? (res.json as any[]).map((x) => x.service_request_id) : xmlValues(res.text, 'service_request_id');
      assert.equal(ids.length, 1000);
      const times = fmt === 'json' ? (res.json as any[]).map((x) => x.requested_datetime) : xmlValues(res.text, 'requested_datetime');
      assert.deepEqual([...times].sort().reverse(), times, 'newest first');
      assert.ok(!ids.includes('BK001005') && !ids.includes('BK001004'), 'the oldest beyond 1000 are cut');
    }
  });
});
