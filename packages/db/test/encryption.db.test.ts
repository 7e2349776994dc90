import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { DEFAULT_HOTLINE_POLICIES, idCheckDigit, normalizePhone } from '@minsheng/domain';
import { createPiiCipher, findCitizen, insertIntake, newId, queryRows, seedReference } from '@minsheng/db';
import type { PiiCipher, ReferenceSeed } from '@minsheng/db';
import { createTestDatabase } from '@minsheng/db/testing';

/** DOMAIN.md §8: phone numbers, names, ID numbers and addresses are encrypted at rest; a keyed phone hash finds callers. */

const JID = '999001';
const SEED: ReferenceSeed = {
  jurisdiction: { id: JID, name: '测试区', numberPrefix: 'CS' },
  areas: [{ code: JID, name: '测试区', level: 'county', parentCode: null }],
  units: [{ key: 'centre', name: '测试区12345热线', shortName: '热线', kind: 'hotline_centre', parentKey: null, areaCodes: [JID], phone: '', address: '', receptionHours: '' }],
  categories: [{ key: 'misc', name: '其他', parentKey: null, defaultKind: 'consultation', open311Code: 'misc', defaultUnitKey: null, keywords: [] }],
  policies: DEFAULT_HOTLINE_POLICIES,
};

const PHONE = '13905371234';
const NAME = '王建国';
const ID17 = '37081219800101123';
const ID_NUMBER = `${ID17}${idCheckDigit(ID17)}`;
const ADDRESS = '兖州区建设东路18号3单元201';

interface RawCitizen { id: string; name_enc: string | null; phone_enc: string | null; id_number_enc: string | null; address_enc: string | null; phone_hash: string | null; row_text: string }

describe('personal data at rest', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let cipher: PiiCipher;
  let citizenId = '';

  const citizenRow = (phone: string, extra: { name?: string; idNumber?: string; address?: string } = {}) => ({
    jurisdictionId: JID, id: newId(),
    nameEnc: extra.name ? cipher.encrypt(extra.name) : null,
    phoneEnc: cipher.encrypt(normalizePhone(phone)),
    idNumberEnc: extra.idNumber ? cipher.encrypt(extra.idNumber) : null,
    addressEnc: extra.address ? cipher.encrypt(extra.address) : null,
    phoneHash: cipher.phoneHash(phone),
  });
  let ownerUnitId = '';
  /** Citizens are written the way intake writes them: with an appeal, in the one intake statement. */
  const upsert = async (row: ReturnType<typeof citizenRow>): Promise<string> => {
    const id = newId();
    const now = new Date('2026-11-23T01:00:00Z');
    const written = await insertIntake(database, {
      appeal: { jurisdictionId: JID, id, queryCode: 'ABCDEF', track: 'hotline', channel: 'phone_12345', kind: 'help', urgency: 'normal', status: 'registered',
        title: '测试', content: '测试', ownerUnitId, createdAt: now, updatedAt: now },
      numberPrefix: 'CS', day: '20261123', citizen: row,
      event: { jurisdictionId: JID, appealId: id, seq: 1, action: 'register', toStatus: 'registered', visibility: 'public', occurredAt: now, prevHash: '', hash: 'h' },
    });
    return written.citizen!.id;
  };
  const raw = async (id: string): Promise<RawCitizen> => {
    const [row] = await queryRows<RawCitizen>(database.db, sql`
      SELECT id, name_enc, phone_enc, id_number_enc, address_enc, phone_hash, c::text AS row_text FROM citizens c
      WHERE jurisdiction_id = ${JID} AND id = ${id}`);
    assert.ok(row, `citizen ${id}`);
    return row;
  };

  before(async () => {
    database = await createTestDatabase();
    cipher = createPiiCipher('a-test-secret-of-enough-length');
    ownerUnitId = (await seedReference(database.db, SEED)).unitIdByKey.get('centre')!;
    citizenId = await upsert(citizenRow(PHONE, { name: NAME, idNumber: ID_NUMBER, address: ADDRESS }));
  });
  after(() => database.close());

  it('stores no plaintext: not the phone, name, ID number or address, nor the last 4 digits of the phone', async () => {
    const r = await raw(citizenId);
    for (const plain of [PHONE, NAME, ID_NUMBER, ADDRESS, '王', '建设东路', '139****1234']) {
      assert.ok(!r.row_text.includes(plain), `row text contains ${plain}: ${r.row_text}`);
    }
    // The phone's tail must not leak through any stored personal-data column (hash or ciphertexts).
    for (const column of [r.name_enc, r.phone_enc, r.id_number_enc, r.address_enc, r.phone_hash]) {
      assert.ok(column, 'every column is filled');
      assert.ok(!column.includes(PHONE.slice(-4)), `column leaks the phone tail: ${column}`);
      assert.ok(!column.includes(ID_NUMBER.slice(-4)), `column leaks the ID tail: ${column}`);
    }
    for (const enc of [r.name_enc, r.phone_enc, r.id_number_enc, r.address_enc]) assert.match(enc!, /^v2:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
    assert.match(r.phone_hash!, /^[0-9a-f]{64}$/);
  });

  it('no other table holds the plaintext either', async () => {
    const rows = await queryRows<{ t: string }>(database.db, sql`
      SELECT string_agg(x::text, '|') AS t FROM (
        SELECT c::text AS x FROM citizens c UNION ALL SELECT a::text FROM appeals a UNION ALL SELECT e::text FROM appeal_events e
        UNION ALL SELECT l::text FROM audit_log l) all_rows`);
    const text = rows[0]?.t ?? '';
    for (const plain of [PHONE, NAME, ID_NUMBER, ADDRESS]) assert.ok(!text.includes(plain), plain);
  });

  it('decrypts back to the original values', async () => {
    const row = await findCitizen(database.db, JID, citizenId);
    assert.ok(row);
    assert.equal(cipher.decrypt(row.phoneEnc!), PHONE);
    assert.equal(cipher.decrypt(row.nameEnc!), NAME);
    assert.equal(cipher.decrypt(row.idNumberEnc!), ID_NUMBER);
    assert.equal(cipher.decrypt(row.addressEnc!), ADDRESS);
    for (const s of ['', 'a', '张三丰 😀 \u0000 end', 'x'.repeat(5000)]) assert.equal(cipher.decrypt(cipher.encrypt(s)), s);
  });

  it('the same phone in other formats hashes alike; each appeal keeps its own identity snapshot', async () => {
    const formats = ['139 0537 1234', '+8613905371234', '+86 139-0537-1234', '008613905371234', '8613905371234', '(139)05371234'];
    for (const f of formats) assert.equal(cipher.phoneHash(f), cipher.phoneHash(PHONE), f);
    const later = await upsert(citizenRow('+8613905371234', { name: '王建军' }));
    assert.notEqual(later, citizenId, 'a later call is a new snapshot, never an update');
    const hashes = await queryRows<{ n: number }>(database.db, sql`
      SELECT count(*)::int AS n FROM citizens WHERE jurisdiction_id = ${JID} AND phone_hash = ${cipher.phoneHash(PHONE)}`);
    assert.equal(hashes[0]?.n, 2, 'both snapshots are linked by the phone hash');
    // The earlier appeal's identity is untouched by the later call.
    const first = await findCitizen(database.db, JID, citizenId);
    assert.equal(cipher.decrypt(first!.nameEnc!), NAME);
    assert.equal(cipher.decrypt(first!.addressEnc!), ADDRESS);
    const second = await findCitizen(database.db, JID, later);
    assert.equal(cipher.decrypt(second!.nameEnc!), '王建军');
    assert.equal(second!.addressEnc, null, 'nothing is carried over from an earlier appeal');
  });

  it('a different phone hashes differently; a landline in both forms hashes alike', async () => {
    assert.notEqual(cipher.phoneHash('13905371235'), cipher.phoneHash(PHONE));
    assert.equal(cipher.phoneHash('+86 537 3412345'), cipher.phoneHash('0537-3412345'));
  });

  it('encrypting the same value twice gives different ciphertexts (random IV)', async () => {
    const a = cipher.encrypt(PHONE), b = cipher.encrypt(PHONE);
    assert.notEqual(a, b);
    assert.equal(cipher.decrypt(a), cipher.decrypt(b));
    const x = await upsert(citizenRow('13800000001', { name: NAME }));
    const y = await upsert(citizenRow('13800000002', { name: NAME }));
    const [rx, ry] = [await raw(x), await raw(y)];
    assert.notEqual(rx.name_enc, ry.name_enc);
    assert.notEqual(rx.name_enc!.slice(12, 28), ry.name_enc!.slice(12, 28), 'IVs differ');
  });

  it('another secret can neither decrypt nor recompute the phone hash', async () => {
    const r = await raw(citizenId);
    const stranger = createPiiCipher('another-secret-of-enough-length');
    assert.throws(() => stranger.decrypt(r.phone_enc!));
    assert.throws(() => stranger.decrypt(r.name_enc!));
    assert.notEqual(stranger.phoneHash(PHONE), r.phone_hash);
    assert.throws(() => createPiiCipher('too-short'), /at least 16/);
  });

  it('a tampered ciphertext is refused, wherever it was changed', async () => {
    const r = await raw(citizenId);
    const stored = r.address_enc!;
    const prefix = stored.slice(0, stored.lastIndexOf(':') + 1);
    const bytes = Buffer.from(stored.slice(prefix.length), 'base64');
    const flip = (at: number) => { const b = Buffer.from(bytes); b[at] = b[at]! ^ 0x01; return `${prefix}${b.toString('base64')}`; };
    assert.throws(() => cipher.decrypt(flip(0)), 'IV changed');
    assert.throws(() => cipher.decrypt(flip(15)), 'auth tag changed');
    assert.throws(() => cipher.decrypt(flip(bytes.length - 1)), 'body changed');
    assert.throws(() => cipher.decrypt(`${prefix}${bytes.subarray(0, bytes.length - 1).toString('base64')}`), 'truncated');
    assert.throws(() => cipher.decrypt(`v3:${stored.slice(3)}`), /unknown personal-data encryption format/);
    assert.throws(() => cipher.decrypt(ADDRESS), /unknown personal-data encryption format/);
    // The untouched value still opens.
    assert.equal(cipher.decrypt(stored), ADDRESS);
  });
});
