import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { startTestServer } from './harness';
import type { TestServer } from './harness';
import { assertError, assertWire, o311 } from './open311-helpers';
import { open311KeyJurisdiction, open311KeyPrefix } from '../src/modules/open311/api-key';

/** Administration of Open311: API keys (shown once, hashed, deactivated) and a category's attributes, audited. */
const JID = '370812';

describe('Open311 administration', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let categoryId = '';

  const audit = (action: string) => queryRows<{ target_id: string; detail: any }>(s.deps.database.db,
    sql`SELECT target_id, detail FROM audit_log WHERE jurisdiction_id = ${JID} AND action = ${action} ORDER BY at`);

  before(async () => {
    s = await startTestServer();
    for (const u of ['admin', 'dispatcher']) tokens[u] = await s.login(u);
    const [row] = await queryRows<{ id: string }>(s.deps.database.db, sql`SELECT id FROM categories WHERE jurisdiction_id = ${JID} AND open311_code = '120103'`);
    categoryId = row!.id;
  });
  after(() => s.close());

  it('a key\'s shown prefix ends four characters after the jurisdiction, even when the random part holds an underscore', () => {
    const key = `mso_370812_ab_d${'x'.repeat(39)}`;
    assert.equal(open311KeyJurisdiction(key), '370812');
    assert.equal(open311KeyPrefix(key), 'mso_370812_ab_d');
  });

  it('an administrator issues a key that is shown once; only its hash is stored and the issue is audited', async () => {
    const res = await s.api('POST', '/api/admin/open311-keys', { token: tokens.admin, body: { name: '随手拍 App' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.apiKey, /^mso_370812_[A-Za-z0-9_-]{43}$/);
    assert.equal(res.body.keyPrefix, res.body.apiKey.slice(0, 15));
    const list = await s.api('GET', '/api/admin/open311-keys', { token: tokens.admin });
    assert.deepEqual(list.body.items.map((k: any) => [k.id, k.name, k.active, k.lastUsedAt]), [[res.body.id, '随手拍 App', true, null]]);
    assert.ok(!JSON.stringify(list.body).includes(res.body.apiKey));
    const [stored] = await queryRows<{ key_hash: string }>(s.deps.database.db, sql`SELECT key_hash FROM open311_api_keys WHERE id = ${res.body.id}`);
    assert.match(stored!.key_hash, /^[0-9a-f]{64}$/);
    assert.deepEqual((await audit('issue_open311_key')).map((a) => a.target_id), [res.body.id]);
    // Using it stamps last_used_at.
    const post = await o311(s, 'POST', 'requests.json', { api_key: res.body.apiKey, service_code: '120103', address_string: '兖州区龙桥路 12 号' });
    assertWire(post, 'json');
    const after = await s.api('GET', '/api/admin/open311-keys', { token: tokens.admin });
    assert.ok(after.body.items[0].lastUsedAt);
  });

  it('deactivating a key refuses it from then on and is audited; unknown ids are 404', async () => {
    const res = await s.api('POST', '/api/admin/open311-keys', { token: tokens.admin, body: { name: '待停用' } });
    const off = await s.api('DELETE', `/api/admin/open311-keys/${res.body.id}`, { token: tokens.admin });
    assert.equal(off.status, 200);
    assert.equal(off.body.active, false);
    assertError(await o311(s, 'POST', 'requests.xml', { api_key: res.body.apiKey, service_code: '120103', address_id: 'A1' }), 'xml', 403);
    assert.deepEqual((await audit('deactivate_open311_key')).map((a) => a.target_id), [res.body.id]);
    const missing = await s.api('DELETE', '/api/admin/open311-keys/00000000-0000-4000-8000-000000000000', { token: tokens.admin });
    assert.equal(missing.status, 404);
  });

  it('only administrators manage keys and attributes; without a session it is 401', async () => {
    assert.equal((await s.api('GET', '/api/admin/open311-keys', { token: tokens.dispatcher })).status, 403);
    assert.equal((await s.api('POST', '/api/admin/open311-keys', { token: tokens.dispatcher, body: { name: 'x' } })).status, 403);
    assert.equal((await s.api('GET', '/api/admin/open311-keys')).status, 401);
    assert.equal((await s.api('GET', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.dispatcher })).status, 403);
    assert.equal((await s.api('PUT', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.dispatcher, body: { attributes: [] } })).status, 403);
    assert.equal((await s.api('POST', '/api/admin/open311-keys', { token: tokens.admin, body: { name: ' ' } })).status, 400);
    assert.equal((await s.api('POST', '/api/admin/open311-keys', { token: tokens.admin, body: { name: 'x', extra: 1 } })).status, 400);
  });

  it('PUT replaces the attribute list, which the service definition then serves in that order', async () => {
    const attributes = [
      { code: 'severity', datatype: 'singlevaluelist', required: true, description: '漏水程度', values: [{ key: 'drip', name: '滴漏' }, { key: 'burst', name: '爆管' }] },
      { code: 'since', datatype: 'datetime', description: '开始时间', datatypeDescription: 'ISO 8601' },
      { code: 'note', datatype: 'text', variable: false, description: '爆管请同时关闭总阀。' },
    ];
    const res = await s.api('PUT', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.admin, body: { attributes } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.items.map((a: any) => [a.code, a.order, a.required, a.variable]), [['severity', 1, true, true], ['since', 2, false, true], ['note', 3, false, false]]);
    const got = await s.api('GET', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.admin });
    assert.deepEqual(got.body, res.body);
    const def = await o311(s, 'GET', 'services/120103.json');
    assert.deepEqual(def.json.attributes.map((a: any) => [a.code, a.datatype, a.order]), [['severity', 'singlevaluelist', 1], ['since', 'datetime', 2], ['note', 'text', 3]]);
    assert.deepEqual(def.json.attributes[0].values, [{ key: 'drip', name: '滴漏' }, { key: 'burst', name: '爆管' }]);
    assert.equal(def.json.attributes[1].datatype_description, 'ISO 8601');
    const services = (await o311(s, 'GET', 'services.json')).json as any[];
    assert.equal(services.find((x) => x.service_code === '120103').metadata, true);
    const [entry] = await audit('replace_category_attributes');
    assert.equal(entry!.target_id, categoryId);
    assert.deepEqual(entry!.detail.before, []);
    assert.equal(entry!.detail.after.length, 3);
    // The new required attribute is enforced at once.
    const key = (await s.api('POST', '/api/admin/open311-keys', { token: tokens.admin, body: { name: 'k' } })).body.apiKey;
    assertError(await o311(s, 'POST', 'requests.json', { api_key: key, service_code: '120103', address_id: 'A1' }), 'json', 400);
    assertWire(await o311(s, 'POST', 'requests.json', { api_key: key, service_code: '120103', address_id: 'A1', 'attribute[severity]': 'burst' }), 'json');
    // Deactivated attributes stay in the admin list but leave the definition.
    await s.api('PUT', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.admin, body: { attributes: attributes.map((a) => ({ ...a, active: a.code !== 'severity' })) } });
    assert.deepEqual((await o311(s, 'GET', 'services/120103.json')).json.attributes.map((a: any) => a.code), ['since', 'note']);
    assert.equal((await s.api('GET', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.admin })).body.items.length, 3);
  });

  it('refuses inconsistent lists: duplicate codes, list types without values, values on other types, bad datatypes', async () => {
    const put = (attributes: unknown[]) => s.api('PUT', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.admin, body: { attributes } });
    const before = await s.api('GET', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.admin });
    const dup = await put([{ code: 'a', datatype: 'string', description: 'x' }, { code: 'a', datatype: 'number', description: 'y' }]);
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'DUPLICATE_CODE');
    assert.equal((await put([{ code: 'a', datatype: 'multivaluelist', description: 'x' }])).status, 400);
    assert.equal((await put([{ code: 'a', datatype: 'singlevaluelist', description: 'x', values: [{ key: 'k', name: 'n' }, { key: 'k', name: 'm' }] }])).status, 400);
    assert.equal((await put([{ code: 'a', datatype: 'string', description: 'x', values: [{ key: 'k', name: 'n' }] }])).status, 400);
    assert.equal((await put([{ code: 'a', datatype: 'date', description: 'x' }])).status, 400);
    assert.equal((await put([{ code: 'a b', datatype: 'string', description: 'x' }])).status, 400);
    assert.equal((await put([{ code: 'a', datatype: 'string', description: 'x', required: true, variable: false }])).status, 400);
    assert.deepEqual((await s.api('GET', `/api/admin/categories/${categoryId}/attributes`, { token: tokens.admin })).body, before.body, 'nothing changed');
    assert.equal((await s.api('GET', '/api/admin/categories/00000000-0000-4000-8000-000000000000/attributes', { token: tokens.admin })).status, 404);
  });
});
