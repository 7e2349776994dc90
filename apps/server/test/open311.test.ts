import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { assertError, assertWire, FORMATS, o311, xmlValues } from './open311-helpers';

/**
 * Open311 GeoReport v2 conformance: one test per point of shared/design/OPEN311.md §10 (1–10), each in XML and
 * JSON where the point applies, plus the bad input a client can send. Round trip and privacy (§10.11, §10.12) are
 * in open311-lifecycle.test.ts, the admin API in open311-admin.test.ts.
 */
const STREETLIGHT = '020401';
const ROAD = '020403';
const PLAIN = '120103'; // 供水管道漏水: no attributes
const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

describe('Open311 GeoReport v2 conformance (OPEN311.md §10)', () => {
  let s: TestServer;
  let apiKey = '';
  const created: Record<string, { id: string; token: string }> = {};

  const streetlight = (extra: Record<string, string | string[]> = {}) => ({
    api_key: apiKey, service_code: STREETLIGHT, lat: '35.5503', long: '116.8271', description: '建设路与九州大道路口东侧三盏路灯整夜不亮',
    'attribute[lamp_count]': '3', 'attribute[fault_type]': 'off', ...extra,
  });

  before(async () => {
    s = await startTestServer();
    const admin = await s.login('admin');
    const res = await s.api('POST', '/api/admin/open311-keys', { token: admin, body: { name: '随手拍 App' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    apiKey = res.body.apiKey;
  });
  after(() => s.close());

  it('§10.1 discovery exists in XML and JSON with every field, each endpoint listing text/xml', async () => {
    const json = await o311(s, 'GET', 'discovery.json');
    assertWire(json, 'json');
    for (const f of ['changeset', 'contact', 'key_service']) assert.equal(typeof json.json[f], 'string', f);
    assert.ok(Array.isArray(json.json.endpoints) && json.json.endpoints.length === 1);
    const ep = json.json.endpoints[0];
    assert.equal(ep.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.equal(ep.url, `${s.baseUrl}/open311/v2`);
    assert.ok(['production', 'test'].includes(ep.type));
    assert.match(ep.changeset, /Z$|[+-]\d\d:\d\d$/);
    assert.deepEqual(ep.formats, ['text/xml', 'application/json']);
    const xml = await o311(s, 'GET', 'discovery.xml');
    assertWire(xml, 'xml');
    assert.match(xml.text, /<discovery><changeset>[^<]+<\/changeset><contact>[^<]+<\/contact><key_service>[^<]+<\/key_service><endpoints><endpoint>/);
    assert.deepEqual(xmlValues(xml.text, 'format'), ['text/xml', 'application/json']);
    assert.deepEqual(xmlValues(xml.text, 'specification'), ['http://wiki.open311.org/GeoReport_v2']);
  });

  it('§10.7/§10.8 a realtime POST answers service_request_id and no token; attribute[CODE][] multi-values are accepted', async () => {
    for (const fmt of FORMATS) {
      const res = await o311(s, 'POST', `requests.${fmt}`, streetlight());
      assertWire(res, fmt);
      const token = res.headers.get('x-open311-token') ?? '';
      assert.match(token, /^[A-Za-z0-9_-]{24}$/);
      if (fmt === 'json') {
        assert.ok(Array.isArray(res.json) && res.json.length === 1);
        assert.match(res.json[0].service_request_id, /^YZ\d{14}$/);
        assert.ok(!('token' in res.json[0]), 'service_request_id XOR token');
        created.json = { id: res.json[0].service_request_id, token };
      } else {
        assert.match(res.text, /<service_requests><request><service_request_id>YZ\d{14}<\/service_request_id>/);
        assert.equal(xmlValues(res.text, 'token').length, 0, 'service_request_id XOR token');
        created.xml = { id: xmlValues(res.text, 'service_request_id')[0]!, token };
      }
    }
    const multi = await o311(s, 'POST', 'requests.json', {
      api_key: apiKey, service_code: ROAD, address_string: '兖州区九州中路 与 建设路交叉口', 'attribute[damage_kinds][]': ['pothole', 'crack', 'pothole'],
      'attribute[first_seen]': '2026-11-20T08:00:00+08:00',
    });
    assertWire(multi, 'json');
    const [stored] = await queryRows<{ attributes: Record<string, unknown>; service_code: string }>(s.deps.database.db,
      sql`SELECT r.attributes, r.service_code FROM open311_requests r JOIN appeals a ON a.jurisdiction_id = r.jurisdiction_id AND a.id = r.appeal_id WHERE a.number = ${multi.json[0].service_request_id}`);
    assert.deepEqual(stored!.attributes, { damage_kinds: ['pothole', 'crack'], first_seen: '2026-11-20T00:00:00.000Z' });
    created.road = { id: multi.json[0].service_request_id, token: multi.headers.get('x-open311-token')! };
  });

  it('§10.8 the token resolves through tokens/{token} in both formats; an unknown token is 404', async () => {
    for (const fmt of FORMATS) {
      const { id, token } = created.json!;
      const res = await o311(s, 'GET', `tokens/${token}.${fmt}`);
      assertWire(res, fmt);
      if (fmt === 'json') assert.deepEqual(res.json, [{ service_request_id: id, token }]);
      else assert.equal(res.text.split('\n')[1], `<service_requests><request><service_request_id>${id}</service_request_id><token>${token}</token></request></service_requests>`);
      assertError(await o311(s, 'GET', `tokens/NoSuchToken123.${fmt}`), fmt, 404);
    }
  });

  it('§10.2/§10.3 every method answers in XML and JSON; collections are arrays even with one element', async () => {
    const { id, token } = created.json!;
    const paths = ['discovery', 'services', `services/${STREETLIGHT}`, 'requests', `requests/${id}`, `tokens/${token}`];
    for (const p of paths) {
      for (const fmt of FORMATS) assertWire(await o311(s, 'GET', `${p}.${fmt}`), fmt);
    }
    const one = await o311(s, 'GET', `requests.json?service_request_id=${id}`);
    assert.ok(Array.isArray(one.json) && one.json.length === 1);
    const single = await o311(s, 'GET', `requests/${id}.json`);
    assert.ok(Array.isArray(single.json) && single.json.length === 1);
    assert.ok(Array.isArray((await o311(s, 'GET', 'services.json')).json));
    assert.ok(Array.isArray((await o311(s, 'GET', `tokens/${token}.json`)).json));
    const oneXml = await o311(s, 'GET', `requests.xml?service_request_id=${id}`);
    assert.equal(xmlValues(oneXml.text, 'request').length, 1);
    assert.match(oneXml.text, /^<\?xml[^>]+>\n<service_requests><request>/);
    const defXml = await o311(s, 'GET', `services/${STREETLIGHT}.xml`);
    assert.match(defXml.text, /^<\?xml[^>]+>\n<service_definition><service_code>020401<\/service_code><attributes><attribute>/);
    assert.match(defXml.text, /<values><value><key>off<\/key><name>整夜不亮<\/name><\/value>/);
  });

  it('§10.4 codes and ids are strings, lat/long numbers, booleans real booleans (and true/false in XML)', async () => {
    const services = (await o311(s, 'GET', 'services.json')).json as any[];
    assert.ok(services.length > 50);
    for (const sv of services) {
      assert.equal(typeof sv.service_code, 'string');
      assert.equal(typeof sv.service_name, 'string');
      assert.equal(typeof sv.metadata, 'boolean');
      assert.equal(typeof sv.group, 'string');
    }
    const def = (await o311(s, 'GET', `services/${ROAD}.json`)).json;
    for (const a of def.attributes) {
      assert.equal(typeof a.variable, 'boolean');
      assert.equal(typeof a.required, 'boolean');
      assert.equal(typeof a.code, 'string');
      assert.ok(Number.isInteger(a.order) && a.order > 0);
      for (const v of a.values ?? []) assert.equal(typeof v.key, 'string');
    }
    const [req] = (await o311(s, 'GET', `requests/${created.json!.id}.json?api_key=${apiKey}`)).json;
    assert.equal(typeof req.service_request_id, 'string');
    assert.equal(typeof req.service_code, 'string');
    assert.equal(req.lat, 35.5503);
    assert.equal(req.long, 116.8271);
    assert.equal(req.zipcode, null);
    assert.equal(req.address_id, null);
    const xmlServices = (await o311(s, 'GET', 'services.xml')).text;
    assert.ok(xmlValues(xmlServices, 'metadata').every((m) => m === 'true' || m === 'false'));
    assert.ok(xmlValues(xmlServices, 'metadata').includes('true'));
  });

  it('§10.5 type, datatype and status come from the closed lists; the demo definitions use all six datatypes', async () => {
    for (const fmt of FORMATS) {
      const res = await o311(s, 'GET', `services.${fmt}`);
      const types = fmt === 'json' ? (res.json as any[]).map((x) => x.type) : xmlValues(res.text, 'type');
      assert.ok(types.length > 0 && types.every((t) => ['realtime', 'batch', 'blackbox'].includes(t)));
      const statuses = fmt === 'json' ? ((await o311(s, 'GET', 'requests.json')).json as any[]).map((x) => x.status) : xmlValues((await o311(s, 'GET', 'requests.xml')).text, 'status');
      assert.ok(statuses.length >= 3 && statuses.every((x) => x === 'open' || x === 'closed'), String(statuses));
    }
    const seen = new Set<string>();
    const withMetadata = ((await o311(s, 'GET', 'services.json')).json as any[]).filter((x) => x.metadata);
    for (const sv of withMetadata) {
      const def = await o311(s, 'GET', `services/${sv.service_code}.json`);
      for (const a of def.json.attributes) {
        assert.ok(DATATYPES.includes(a.datatype));
        seen.add(a.datatype);
      }
      for (const d of xmlValues((await o311(s, 'GET', `services/${sv.service_code}.xml`)).text, 'datatype')) assert.ok(DATATYPES.includes(d));
    }
    assert.deepEqual([...seen].sort(), [...DATATYPES].sort());
  });

  it('§10.6 every metadata=true service has a definition; an unknown code is 404 with an error document', async () => {
    const services = (await o311(s, 'GET', 'services.json')).json as any[];
    const meta = services.filter((x) => x.metadata);
    assert.deepEqual(meta.map((x) => x.service_code).sort(), ['020301', STREETLIGHT, ROAD].sort());
    for (const sv of meta) {
      const def = await o311(s, 'GET', `services/${sv.service_code}.json`);
      assert.equal(def.json.service_code, sv.service_code);
      assert.ok(def.json.attributes.length > 0);
    }
    const list = def311(await o311(s, 'GET', `services/${STREETLIGHT}.json`));
    assert.deepEqual(list.map((a: any) => [a.code, a.datatype, a.required, a.variable, a.order]), [
      ['pole_number', 'string', false, true, 1], ['lamp_count', 'number', true, true, 2], ['fault_type', 'singlevaluelist', true, true, 3], ['safety_note', 'text', false, false, 4],
    ]);
    for (const fmt of FORMATS) {
      assertError(await o311(s, 'GET', `services/999999.${fmt}`), fmt, 404);
      assertError(await o311(s, 'GET', `services/${encodeURIComponent('<x>')}.${fmt}`), fmt, 404);
    }
  });

  it('§10.7 POST: no or wrong api_key → 403; no service_code → 400; unknown code → 404; no location → 400 (XML and JSON)', async () => {
    const before = await countAppeals(s);
    for (const fmt of FORMATS) {
      const { api_key: _k, ...noKey } = streetlight();
      assertError(await o311(s, 'POST', `requests.${fmt}`, noKey), fmt, 403);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { ...noKey, api_key: '' }), fmt, 403);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { ...noKey, api_key: `mso_370812_${'A'.repeat(43)}` }), fmt, 403);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { ...noKey, api_key: 'not-a-key' }), fmt, 403);
      const { service_code: _c, ...noCode } = streetlight();
      assertError(await o311(s, 'POST', `requests.${fmt}`, noCode), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ service_code: '999999' })), fmt, 404);
      const { lat: _a, long: _b, ...noLocation } = streetlight();
      assertError(await o311(s, 'POST', `requests.${fmt}`, noLocation), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { ...noLocation, lat: '35.1' }), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { ...noLocation, address_string: '', address_id: '' }), fmt, 400);
    }
    assert.equal(await countAppeals(s), before, 'refused requests write nothing');
  });

  it('§10.7 attributes: a missing required one, a wrong datatype, an unknown key or code → 400; over-long description → 400', async () => {
    const before = await countAppeals(s);
    const { 'attribute[lamp_count]': _n, ...noCount } = streetlight();
    for (const fmt of FORMATS) {
      assertError(await o311(s, 'POST', `requests.${fmt}`, noCount), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ 'attribute[lamp_count]': '三盏' })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ 'attribute[fault_type]': 'broken' })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ 'attribute[fault_type]': ['off', 'flicker'] })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ 'attribute[colour]': 'red' })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ 'attribute[safety_note]': 'informational only' })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ description: '灯'.repeat(4001) })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { api_key: apiKey, service_code: ROAD, address_id: 'A-1', 'attribute[damage_kinds][]': 'pothole', 'attribute[first_seen]': '2026-11-20 08:00' }), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { api_key: apiKey, service_code: ROAD, address_id: 'A-1', 'attribute[damage_kinds][]': ['pothole', 'lava'] }), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, { api_key: apiKey, service_code: ROAD, address_id: 'A-1' }), fmt, 400);
    }
    assert.equal(await countAppeals(s), before);
    const exact = await o311(s, 'POST', 'requests.json', streetlight({ description: '灯'.repeat(4000) }));
    assertWire(exact, 'json');
  });

  it('bad input never gives a 500: bad lat/long, bad phone or e-mail, repeated fields, malformed bodies → 400', async () => {
    for (const fmt of FORMATS) {
      for (const [lat, long] of [['91', '116'], ['35', '181'], ['north', '116'], ['35.5', '1e3']]) {
        assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ lat: lat!, long: long! })), fmt, 400);
      }
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ phone: 'call me' })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ email: 'not-an-address' })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ service_code: [STREETLIGHT, ROAD] })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ media_url: 'javascript:alert(1)' })), fmt, 400);
      assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ description: 'a\u0000b' })), fmt, 400);
      const raw = await fetch(`${s.baseUrl}/open311/v2/requests.${fmt}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key":' });
      assert.equal(raw.status, 400);
      const plain = await fetch(`${s.baseUrl}/open311/v2/requests.${fmt}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
      assert.equal(plain.status, 400);
    }
  });

  it('unknown resources and formats are 404 in the spec format, never the web console', async () => {
    for (const path of ['services.html', 'services', 'nothing.json', 'requests/abc/def.json', 'servicerequestupdates.xml']) {
      const res = await o311(s, 'GET', path);
      assert.equal(res.status, 404, path);
      assert.ok(res.type.startsWith('text/xml') || res.type.startsWith('application/json'), `${path}: ${res.type}`);
    }
    assertError(await o311(s, 'GET', 'nothing.json'), 'json', 404);
    assertError(await o311(s, 'GET', 'requests/YZ00000000000000.json'), 'json', 404);
    assertError(await o311(s, 'GET', 'requests/YZ00000000000000.xml'), 'xml', 404);
    assertError(await o311(s, 'DELETE', 'requests.json'), 'json', 404);
    assertError(await o311(s, 'POST', 'services.json', { api_key: apiKey }), 'json', 404);
  });

  it('§10.9 service_request_id overrides every other filter; status and service_code take comma lists', async () => {
    const ids = [created.json!.id, created.road!.id];
    for (const fmt of FORMATS) {
      const res = await o311(s, 'GET', `requests.${fmt}?service_request_id=${ids.join(',')}&status=closed&service_code=999&start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00Z`);
      assertWire(res, fmt);
      const got = fmt === 'json' ? (res.json as any[]).map((x) => x.service_request_id) : xmlValues(res.text, 'service_request_id');
      assert.deepEqual(got.sort(), [...ids].sort());
    }
    const road = (await o311(s, 'GET', `requests.json?service_code=${ROAD}`)).json as any[];
    assert.deepEqual(road.map((x) => x.service_code), [ROAD]);
    const both = (await o311(s, 'GET', `requests.json?service_code=${ROAD},${STREETLIGHT}`)).json as any[];
    const all = (await o311(s, 'GET', 'requests.json')).json as any[];
    assert.equal(both.length, all.length);
    assert.equal(((await o311(s, 'GET', 'requests.json?status=closed')).json as any[]).length, 0);
    assert.equal(((await o311(s, 'GET', 'requests.json?status=open')).json as any[]).length, all.length);
    assert.equal(((await o311(s, 'GET', 'requests.json?status=open,closed')).json as any[]).length, all.length);
    assertError(await o311(s, 'GET', 'requests.json?status=pending'), 'json', 400);
    assertError(await o311(s, 'GET', 'requests.xml?status=pending'), 'xml', 400);
  });

  it('§10.9 dates carry a time zone; a window over 90 days, a reversed one or a zone-less date → 400; empty ≡ absent', async () => {
    const all = (await o311(s, 'GET', 'requests.json')).json as any[];
    for (const r of all) for (const f of ['requested_datetime', 'updated_datetime']) assert.match(r[f], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    for (const fmt of FORMATS) {
      assertError(await o311(s, 'GET', `requests.${fmt}?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`), fmt, 400);
      assertError(await o311(s, 'GET', `requests.${fmt}?start_date=2026-11-24T00:00:00Z&end_date=2026-11-01T00:00:00Z`), fmt, 400);
      assertError(await o311(s, 'GET', `requests.${fmt}?start_date=2026-11-01`), fmt, 400);
      assertError(await o311(s, 'GET', `requests.${fmt}?end_date=yesterday`), fmt, 400);
    }
    const empty = (await o311(s, 'GET', 'requests.json?service_request_id=&service_code=&status=&start_date=&end_date=&jurisdiction_id=')).json as any[];
    assert.deepEqual(empty, all);
    const window = (await o311(s, 'GET', `requests.json?start_date=${encodeURIComponent('2026-11-23T00:00:00+08:00')}&end_date=${encodeURIComponent('2026-11-23T23:59:59+08:00')}`)).json as any[];
    assert.equal(window.length, all.length);
    const before = (await o311(s, 'GET', 'requests.json?start_date=2026-11-01T00:00:00Z&end_date=2026-11-22T00:00:00Z')).json as any[];
    assert.equal(before.length, 0);
  });

  it('§10.10 an unknown or malformed jurisdiction_id is 404 on every method; a missing one means the default', async () => {
    for (const fmt of FORMATS) {
      for (const j of ['110101', 'sfgov.org']) {
        for (const p of ['discovery', 'services', `services/${STREETLIGHT}`, 'requests', `requests/${created.json!.id}`, `tokens/${created.json!.token}`]) {
          assertError(await o311(s, 'GET', `${p}.${fmt}?jurisdiction_id=${j}`), fmt, 404);
        }
        assertError(await o311(s, 'POST', `requests.${fmt}`, streetlight({ jurisdiction_id: j })), fmt, 404);
      }
      assertWire(await o311(s, 'GET', `services.${fmt}?jurisdiction_id=370812`), fmt);
      assertWire(await o311(s, 'POST', `requests.${fmt}`, streetlight({ jurisdiction_id: '370812' })), fmt);
    }
  });

  it('services: group is the parent category, keywords a comma list, and deactivated categories disappear', async () => {
    const sv = ((await o311(s, 'GET', 'services.json')).json as any[]).find((x) => x.service_code === STREETLIGHT);
    assert.deepEqual({ ...sv, description: undefined }, {
      service_code: STREETLIGHT, service_name: '路灯照明', description: undefined, metadata: true, type: 'realtime', keywords: '路灯,不亮,照明,黑', group: '市政设施',
    });
    await queryRows(s.deps.database.db, sql`UPDATE categories SET active = false WHERE jurisdiction_id = '370812' AND open311_code = ${PLAIN}`);
    const after = ((await o311(s, 'GET', 'services.json')).json as any[]).map((x) => x.service_code);
    assert.ok(!after.includes(PLAIN));
    assertError(await o311(s, 'GET', `services/${PLAIN}.json`), 'json', 404);
  });
});

function def311(res: { json: any }) {
  return res.json.attributes as any[];
}

async function countAppeals(s: TestServer): Promise<number> {
  return (await queryRows<{ n: number }>(s.deps.database.db, sql`SELECT count(*)::int AS n FROM appeals`))[0]!.n;
}
