import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import { intakeBody, startTestServer } from './harness';
import type { TestServer } from './harness';

/** A real (tiny) PNG: signature, IHDR 1×1, IDAT, IEND. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

/** 附件 over HTTP: type by content, limits, encryption at rest, scoping, audit, and nothing stored on refusal. */
describe('appeal attachments over HTTP', () => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  let appealId = '';

  before(async () => {
    s = await startTestServer();
    for (const u of ['agent', 'dispatcher', 'weiyuan.handler']) tokens[u] = await s.login(u);
    const res = await s.api('POST', '/api/appeals', { token: tokens.agent, body: intakeBody() });
    assert.equal(res.status, 201);
    appealId = res.body.id;
  });
  after(() => s.close());

  async function upload(files: { name: string; bytes: Buffer; type?: string }[], token = tokens.agent, id = appealId) {
    const form = new FormData();
    for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
    const res = await fetch(`${s.baseUrl}/api/appeals/${id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: await res.json() as any };
  }
  const stored = async () => Number((await queryRows<{ n: string }>(s.deps.database.db, sql`SELECT count(*) AS n FROM attachments`))[0]!.n);

  it('stores images and PDFs judged by their bytes, encrypted, and serves them back unchanged with safe headers', async () => {
    const res = await upload([{ name: '现场照片.png', bytes: PNG, type: 'image/png' }, { name: '../../答复函', bytes: PDF, type: 'text/plain' }]);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.items.map((a: any) => [a.filename, a.contentType, a.sizeBytes]), [['现场照片.png', 'image/png', PNG.length], ['答复函.pdf', 'application/pdf', PDF.length]]);

    const list = await s.api('GET', `/api/appeals/${appealId}/attachments`, { token: tokens.dispatcher });
    assert.equal(list.body.items.length, 2);
    const file = await fetch(`${s.baseUrl}${list.body.items[0].url}`, { headers: { authorization: `Bearer ${tokens.dispatcher}` } });
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'image/png');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(file.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.match(file.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E7%8E%B0/);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), PNG);

    const rows = await queryRows<{ data_enc: Uint8Array }>(s.deps.database.db, sql`SELECT data_enc FROM attachments`);
    for (const r of rows) assert.ok(!Buffer.from(r.data_enc).includes(Buffer.from('PDF')) && !Buffer.from(r.data_enc).subarray(0, 8).equals(PNG.subarray(0, 8)), 'bytes at rest are encrypted');
    const audit = await queryRows<{ action: string }>(s.deps.database.db, sql`SELECT action FROM audit_log WHERE target_id = ${appealId} AND action LIKE 'attachment.%' ORDER BY at`);
    assert.deepEqual(audit.map((a) => a.action), ['attachment.add', 'attachment.read']);
  });

  it('refuses a file whose bytes are not an image or PDF, whatever its name says, and stores nothing of that upload', async () => {
    const before = await stored();
    const res = await upload([{ name: 'ok.png', bytes: PNG }, { name: 'photo.jpg', bytes: HTML, type: 'image/jpeg' }]);
    assert.equal(res.status, 415);
    assert.equal(res.body.error.code, 'ATTACHMENT_TYPE');
    assert.equal(await stored(), before);
  });

  it('refuses more than five files per appeal, counting those already attached', async () => {
    const before = await stored();
    const six = await upload(Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, bytes: PNG })));
    assert.equal(six.status, 422);
    assert.equal(six.body.error.code, 'TOO_MANY_ATTACHMENTS');
    const four = await upload(Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.png`, bytes: PNG })));
    assert.equal(four.body.error.code, 'TOO_MANY_ATTACHMENTS', 'two are already attached');
    assert.equal(await stored(), before);
  });

  it('refuses a file over 10 MB while it streams', async () => {
    const before = await stored();
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload([{ name: 'big.png', bytes: big }]);
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'ATTACHMENT_TOO_LARGE');
    assert.equal(await stored(), before);
  });

  it('answers bad requests with a code: not multipart, no session, out of scope', async () => {
    const json = await s.api('POST', `/api/appeals/${appealId}/attachments`, { token: tokens.agent, body: { files: [] } });
    assert.equal(json.status, 415);
    assert.equal(json.body.error.code, 'UNSUPPORTED_MEDIA_TYPE');
    const anon = await fetch(`${s.baseUrl}/api/appeals/${appealId}/attachments`);
    assert.equal(anon.status, 401);
    // A unit that has nothing to do with the appeal cannot see, open or add to its attachments: "not found" alike.
    const list = await s.api('GET', `/api/appeals/${appealId}/attachments`, { token: tokens['weiyuan.handler'] });
    assert.equal(list.status, 404);
    const [first] = (await s.api('GET', `/api/appeals/${appealId}/attachments`, { token: tokens.agent })).body.items;
    assert.equal((await s.api('GET', first.url, { token: tokens['weiyuan.handler'] })).status, 404);
    assert.equal((await upload([{ name: 'p.png', bytes: PNG }], tokens['weiyuan.handler'])).status, 404);
    assert.equal((await s.api('GET', '/api/attachments/01234567-89ab-7def-8123-456789abcdef', { token: tokens.agent })).status, 404);
  });
});
