import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { idCheckDigit } from '@minsheng/domain';
import { countStaleRows, createPiiCipher, ENCRYPTED_TABLES, openDatabase, piiKeyId, queryRows } from '@minsheng/db';
import type { Database, PiiCipher } from '@minsheng/db';
import { createTestDatabase, testEngine } from '@minsheng/db/testing';
import { DEMO_PASSWORD } from '@minsheng/db/demo';
import { loadConfig } from '../src/config';
import { createDeps } from '../src/compose';
import { buildApp } from '../src/http/app';
import { seedDemo } from '../src/demo/seed-demo';
import { intakeBody, TEST_SECRET } from './harness';
import { verifyAllChains } from './db-census';
import { runMinsheng } from './cli-process';

const engine = testEngine();
const OLD = TEST_SECRET;
const NEW = 'the-rotated-secret-for-minsheng-4242';
const PHONE = '13905371234';
const ID17 = '37081219800101123';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** What releases before the key ring wrote: `v1:` and no key id. */
function legacyV1(secret: string, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', Buffer.from(hkdfSync('sha256', secret, 'minsheng', 'pii-encryption', 32)), iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}

/** Every encrypted value in the registry, decrypted: `table/jid/id/column` → plain text (files: their SHA-256). */
async function decryptAll(db: Database['db'], cipher: PiiCipher): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of ENCRYPTED_TABLES) {
    const columns = [...(t.text ?? []), ...(t.bytes ?? []), ...(t.jsonArrays ?? []).map((j) => j.column)];
    const rows = await queryRows<Record<string, unknown>>(db, sql`SELECT jurisdiction_id, id, ${sql.join(columns.map((c) => sql.identifier(c)), sql`, `)} FROM ${sql.identifier(t.table)}`);
    for (const r of rows) {
      const key = (c: string) => `${t.table}/${String(r.jurisdiction_id)}/${String(r.id)}/${c}`;
      for (const c of t.text ?? []) if (typeof r[c] === 'string') out.set(key(c), cipher.decrypt(r[c] as string));
      for (const c of t.bytes ?? []) if (r[c]) out.set(key(c), createHash('sha256').update(cipher.decryptBytes(r[c] as Uint8Array)).digest('hex'));
      for (const j of t.jsonArrays ?? []) {
        (r[j.column] as Record<string, string | null>[]).forEach((item, i) => {
          for (const f of j.fields) if (item[f]) out.set(`${key(j.column)}[${i}].${f}`, cipher.decrypt(item[f]!));
        });
      }
    }
  }
  return out;
}

/** An in-process server on the given secrets, for one phase of the test. */
async function serve(database: Database, secret: string, previous: string[]) {
  const config = loadConfig({ MINSHENG_SECRET: secret, MINSHENG_SECRET_PREVIOUS: previous.join(','), PORT: '0', LOG_LEVEL: 'warn', MINSHENG_WORKERS: '0' } as NodeJS.ProcessEnv);
  const deps = await createDeps(config, database, { now: () => new Date('2026-11-23T09:00:00+08:00') });
  deps.defaultJurisdictionId = '370812';
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(base + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const login = async (username: string) => (await api('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD })).body.token as string;
  return { deps, api, base, login, close: () => app.close() };
}
type Server = Awaited<ReturnType<typeof serve>>;

/** What staff see through the API: caller histories, file bytes and a revealed identity. */
async function observe(s: Server, appealId: string, phones: string[]) {
  const agent = await s.login('agent');
  const histories: Record<string, string[]> = {};
  for (const p of phones) {
    const res = await s.api('GET', `/api/citizens/history?phone=${p}`, agent);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    histories[p] = res.body.items.map((a: { number: string }) => a.number).sort();
  }
  const list = await s.api('GET', `/api/appeals/${appealId}/attachments`, agent);
  const files: string[] = [];
  for (const a of list.body.items as { url: string }[]) {
    const f = await fetch(s.base + a.url, { headers: { authorization: `Bearer ${agent}` } });
    assert.equal(f.status, 200);
    files.push(createHash('sha256').update(Buffer.from(await f.arrayBuffer())).digest('hex'));
  }
  const reveal = await s.api('POST', `/api/appeals/${appealId}/citizen/reveal`, agent, { reason: '回访核实身份' });
  assert.equal(reveal.status, 200, JSON.stringify(reveal.body));
  return { histories, files, reveal: reveal.body };
}

/**
 * Issue 9 §6: `minsheng secrets rotate` moves every encrypted value and file to the current key and recomputes the
 * phone hashes, with zero data loss, resumably; `secrets check` says when the old secret can go.
 */
describe(`personal-data key rotation (${engine})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'minsheng-rotate-'));
  let pg: (Database & { url: string | undefined }) | null = null;
  let env: Record<string, string> = {};
  let plainBefore = new Map<string, string>();
  let seen: Awaited<ReturnType<typeof observe>>;
  let appealId = '';
  let phones: string[] = [];
  let staleBefore: { table: string; rows: number }[] = [];

  /** PGlite is one process: each phase opens the folder and lets go before the CLI runs. */
  const open = async (): Promise<{ database: Database; done: () => Promise<void> }> => {
    if (pg) return { database: pg, done: async () => {} };
    const database = await openDatabase({ dataDir: join(dir, 'data') });
    return { database, done: () => database.close() };
  };
  const cli = (args: string[], previous = OLD) => runMinsheng(args, { ...env, MINSHENG_SECRET: NEW, MINSHENG_SECRET_PREVIOUS: previous, MINSHENG_WORKERS: '0' });

  before(async () => {
    if (engine === 'postgres') {
      pg = await createTestDatabase();
      env = { DATABASE_URL: pg.url! };
    } else {
      env = { MINSHENG_DATA_DIR: join(dir, 'data') };
    }
    const { database, done } = await open();
    await database.migrate();
    const s = await serve(database, OLD, []);
    try {
      // Demo data reaches every encrypted table but attachments: citizens, group-visit representatives, the SMS
      // outbox, information officers, dispute parties, hearing representatives, proxy applicants, reception visitors.
      await seedDemo(s.deps, { appeals: 40, compactAreas: true });
      const agent = await s.login('agent');
      const citizen = { name: '王建国', phone: PHONE, idNumber: `${ID17}${idCheckDigit(ID17)}`, address: '兖州区建设东路18号3单元201' };
      const first = await s.api('POST', '/api/appeals', agent, intakeBody({ citizen }));
      assert.equal(first.status, 201, JSON.stringify(first.body));
      appealId = first.body.id;
      assert.equal((await s.api('POST', '/api/appeals', agent, intakeBody({ citizen: { name: '王建国', phone: `+86 ${PHONE}` }, title: '同一来电人的第二次诉求' }))).status, 201);
      const form = new FormData();
      form.append('files', new Blob([PNG], { type: 'image/png' }), '现场照片.png');
      form.append('files', new Blob([PDF], { type: 'application/pdf' }), '材料.pdf');
      const up = await fetch(`${s.base}/api/appeals/${appealId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${agent}` }, body: form });
      assert.equal(up.status, 201);
      // One value as releases before the key ring wrote it: the legacy v1 format is read and rotated too.
      const [officer] = await queryRows<{ id: string; phone_enc: string }>(database.db, sql`SELECT id, phone_enc FROM information_officers WHERE phone_enc IS NOT NULL ORDER BY id LIMIT 1`);
      await database.db.execute(sql`UPDATE information_officers SET phone_enc = ${legacyV1(OLD, s.deps.cipher.decrypt(officer!.phone_enc))} WHERE id = ${officer!.id}`);

      plainBefore = await decryptAll(database.db, s.deps.cipher);
      staleBefore = await countStaleRows(database.db, createPiiCipher(NEW, [OLD]));
      for (const t of staleBefore) assert.ok(t.rows > 0, `test data reaches ${t.table}`);
      const citizenPhones = [...plainBefore].filter(([k]) => k.startsWith('citizens/') && k.endsWith('/phone_enc')).map(([, v]) => v);
      phones = [PHONE, ...new Set(citizenPhones.filter((p) => p !== PHONE).slice(0, 3))];
      seen = await observe(s, appealId, phones);
      assert.equal(seen.histories[PHONE]!.length, 2, 'both appeals of the caller');
      assert.equal(seen.files.length, 2);
      assert.equal(seen.reveal.idNumber, citizen.idNumber);
    } finally {
      await s.close();
      await done();
    }
  });
  after(async () => {
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses clearly and changes nothing when the old secret is not configured; bad flags are refused', async () => {
    // Refused flags never open the database, so they run alongside the one run that does.
    const [res, zero, unknown, usage] = await Promise.all([
      cli(['secrets', 'rotate'], ''), cli(['secrets', 'rotate', '--batch-size', '0']), cli(['secrets', 'rotate', '--nope']), cli(['secrets'])]);
    assert.equal(res.code, 1);
    assert.match(res.stderr, new RegExp(`encrypted under key ${piiKeyId(OLD)}, which is neither MINSHENG_SECRET nor listed in MINSHENG_SECRET_PREVIOUS`));
    assert.deepEqual([zero.code, unknown.code, usage.code], [1, 1, 2]);
    assert.match(zero.stderr, /--batch-size must be a whole number/);
    const check = await cli(['secrets', 'check']);
    assert.equal(check.code, 1, 'everything is still under the old key');
    assert.match(check.stderr, /citizens: \d+ rows still hold personal data under a retired key/);
  });

  it('--dry-run counts per table and changes nothing', async () => {
    const res = await cli(['secrets', 'rotate', '--dry-run']);
    assert.equal(res.code, 0, res.stderr);
    for (const t of staleBefore) assert.match(res.stdout, new RegExp(`^${t.table}: ${t.rows} rows would be re-encrypted$`, 'm'));
    assert.match(res.stdout, new RegExp(`current key ${piiKeyId(NEW)}; retired keys accepted: ${piiKeyId(OLD)}`));
    assert.ok(!res.stdout.includes(NEW) && !res.stdout.includes(OLD), 'secrets are never printed');
    const { database, done } = await open();
    try {
      assert.deepEqual(await countStaleRows(database.db, createPiiCipher(NEW, [OLD])), staleBefore);
    } finally { await done(); }
  });

  it('an interrupted rotation (one batch) leaves a readable mix; the caller history still finds every appeal', async () => {
    const res = await cli(['secrets', 'rotate', '--batch-size', '5', '--max-batches', '1']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /citizens: batch 1, 5 rows/);
    assert.match(res.stdout, /stopped after 1 batches .*run the command again to continue/);
    const { database, done } = await open();
    const s = await serve(database, NEW, [OLD]);
    try {
      const stale = await countStaleRows(database.db, s.deps.cipher);
      assert.equal(stale.find((t) => t.table === 'citizens')!.rows, staleBefore.find((t) => t.table === 'citizens')!.rows - 5);
      assert.deepEqual(await decryptAll(database.db, s.deps.cipher), plainBefore);
      assert.deepEqual(await observe(s, appealId, phones), seen);
    } finally {
      await s.close();
      await done();
    }
  });

  it('resumed, it re-encrypts the rest with per-table counts; a third run is a no-op; check and audit verify pass', async (t) => {
    const started = Date.now();
    const res = await cli(['secrets', 'rotate', '--batch-size', '7']);
    assert.equal(res.code, 0, res.stderr);
    t.diagnostic(`rotate (process included) took ${Date.now() - started} ms:\n${res.stdout.split('\n').filter((l) => !/batch \d+,/.test(l)).join('\n')}`);
    const total = staleBefore.reduce((n, t) => n + t.rows, 0) - 5;
    assert.match(res.stdout, new RegExp(`done: ${total} rows re-encrypted in \\d+ batches`));
    assert.match(res.stdout, /citizens: \d+ rows re-encrypted \(\d+ values, \d+ phone hashes recomputed\)/);
    assert.match(res.stdout, /attachments: 2 rows re-encrypted \(2 values\)/);
    const again = await cli(['secrets', 'rotate']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /done: 0 rows re-encrypted in 0 batches/);
    const check = await cli(['secrets', 'check']);
    assert.equal(check.code, 0, check.stderr);
    assert.match(check.stdout, /MINSHENG_SECRET_PREVIOUS can be emptied/);
    const verify = await runMinsheng(['audit', 'verify'], { ...env, MINSHENG_SECRET: NEW });
    assert.equal(verify.code, 0, verify.stderr);
  });

  it('a server with only the new secret reads every value, file, identity and caller history as before', async () => {
    const { database, done } = await open();
    const s = await serve(database, NEW, []);
    try {
      assert.deepEqual(await decryptAll(database.db, s.deps.cipher), plainBefore, 'zero data loss');
      assert.deepEqual(await observe(s, appealId, phones), seen);
      // Phone hashes are the new key's: the old one can no longer link anything.
      const citizens = await queryRows<{ phone_enc: string | null; phone_hash: string | null }>(database.db, sql`SELECT phone_enc, phone_hash FROM citizens`);
      for (const c of citizens) assert.equal(c.phone_hash, c.phone_enc ? s.deps.cipher.phoneHash(s.deps.cipher.decrypt(c.phone_enc)) : null);
      // No ciphertext under the old key (or the legacy format) is left anywhere, registered or not.
      const tables = await queryRows<{ name: string }>(database.db, sql`
        SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      for (const t of tables) {
        const [hit] = await queryRows<{ n: string | number }>(database.db, sql`
          SELECT count(*) AS n FROM ${sql.identifier(t.name)} r WHERE r::text LIKE ${`%v2:${piiKeyId(OLD)}:%`} OR r::text ~ '(^|[^A-Za-z0-9/])v1:[A-Za-z0-9+/]{20}'`);
        assert.equal(Number(hit!.n), 0, `${t.name} still holds a value under the old key`);
      }
      const chains = await verifyAllChains(s.deps);
      assert.deepEqual(chains.broken, []);
      assert.ok(chains.appeals >= 42);
    } finally {
      await s.close();
      await done();
    }
  });
});
