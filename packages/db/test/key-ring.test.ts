import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createPiiCipher, parsePreviousSecrets, piiKeyId, UnknownPiiKeyError } from '../src/index';

/** Issue 9 §6: ciphertexts name their key; retired secrets still decrypt; a key nobody configured fails loudly. */

const OLD = 'the-old-secret-of-enough-length';
const NEW = 'the-new-secret-of-enough-length';

/** A value in the legacy v1 format, as releases before the key ring wrote it. */
function legacyV1(secret: string, plain: string): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'minsheng', 'pii-encryption', 32));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
}
function legacyV1Bytes(secret: string, plain: Buffer): Buffer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'minsheng', 'pii-encryption', 32));
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([Buffer.from([1]), iv, c.getAuthTag(), body]);
}

describe('personal-data key ring', () => {
  it('the key id is 8 hex derived from the secret, stable, and never contains the secret', () => {
    assert.match(piiKeyId(OLD), /^[0-9a-f]{8}$/);
    assert.equal(piiKeyId(OLD), piiKeyId(OLD));
    assert.notEqual(piiKeyId(OLD), piiKeyId(NEW));
    const c = createPiiCipher(NEW);
    assert.equal(c.keyId, piiKeyId(NEW));
    const stored = c.encrypt('王建国');
    assert.ok(stored.startsWith(`v2:${piiKeyId(NEW)}:`), stored);
    assert.ok(!stored.includes(NEW) && !stored.includes(Buffer.from(NEW).toString('base64').slice(0, 12)));
  });

  it('text and files round-trip and name the current key', () => {
    const c = createPiiCipher(NEW, [OLD]);
    for (const s of ['', '13905371234', '张三丰 😀 \u0000 end', 'x'.repeat(5000)]) {
      const stored = c.encrypt(s);
      assert.equal(c.decrypt(stored), s);
      assert.equal(c.storedKeyId(stored), c.keyId);
      assert.ok(c.isCurrent(stored));
    }
    const file = randomBytes(4096);
    const enc = c.encryptBytes(file);
    assert.equal(enc[0], 2);
    assert.equal(enc.subarray(1, 5).toString('hex'), c.keyId);
    assert.deepEqual(c.decryptBytes(new Uint8Array(enc)), file);
    assert.ok(c.isCurrent(enc));
  });

  it('a retired secret in the previous list still decrypts (text, files); new values use the current key', () => {
    const old = createPiiCipher(OLD);
    const text = old.encrypt('兖州区建设东路18号');
    const file = old.encryptBytes(Buffer.from('%PDF-1.4 hello'));
    const ring = createPiiCipher(NEW, [OLD]);
    assert.equal(ring.decrypt(text), '兖州区建设东路18号');
    assert.equal(ring.decryptBytes(file).toString(), '%PDF-1.4 hello');
    assert.equal(ring.storedKeyId(text), piiKeyId(OLD));
    assert.ok(!ring.isCurrent(text) && !ring.isCurrent(file));
    assert.ok(ring.encrypt('x').startsWith(`v2:${piiKeyId(NEW)}:`));
  });

  it('an unknown key id is a clear error, never garbage', () => {
    const stored = createPiiCipher(OLD).encrypt('13905371234');
    const file = createPiiCipher(OLD).encryptBytes(Buffer.from('abc'));
    const onlyNew = createPiiCipher(NEW);
    assert.throws(() => onlyNew.decrypt(stored), (e: unknown) => e instanceof UnknownPiiKeyError && e.keyId === piiKeyId(OLD) && /MINSHENG_SECRET_PREVIOUS/.test(e.message));
    assert.throws(() => onlyNew.decryptBytes(file), UnknownPiiKeyError);
    // A key id that matches but a value written with another key: GCM refuses it.
    const forged = `v2:${onlyNew.keyId}:${stored.split(':')[2]}`;
    assert.throws(() => onlyNew.decrypt(forged), /unable to authenticate|Unsupported state/);
    for (const bad of ['v2:zzzzzzzz:AAAA', 'v2::AAAA', 'v3:abc', 'plain text', 'v2:12345678:']) assert.throws(() => onlyNew.decrypt(bad), /unknown personal-data encryption format/, bad);
    assert.throws(() => onlyNew.decryptBytes(Buffer.from([9, 1, 2, 3])), /unknown file encryption format/);
  });

  it('legacy v1 values (no key id) decrypt with whichever configured secret wrote them', () => {
    const ring = createPiiCipher(NEW, [OLD]);
    assert.equal(ring.decrypt(legacyV1(OLD, '王建国')), '王建国');
    assert.equal(ring.decrypt(legacyV1(NEW, '李四')), '李四');
    assert.equal(ring.decryptBytes(legacyV1Bytes(OLD, Buffer.from('photo'))).toString(), 'photo');
    assert.equal(ring.storedKeyId(legacyV1(OLD, 'a')), 'v1');
    assert.ok(!ring.isCurrent(legacyV1(NEW, 'a')), 'v1 is always rotated to v2');
    assert.throws(() => createPiiCipher(NEW).decrypt(legacyV1(OLD, 'a')), /legacy \(v1\).*MINSHENG_SECRET_PREVIOUS/);
  });

  it('phone hashes: current key first, then each retired one; a rotation changes the hash', () => {
    const ring = createPiiCipher(NEW, [OLD]);
    const hashes = ring.phoneHashes('+86 139-0537-1234');
    assert.deepEqual(hashes, [createPiiCipher(NEW).phoneHash('13905371234'), createPiiCipher(OLD).phoneHash('13905371234')]);
    assert.notEqual(hashes[0], hashes[1]);
    assert.equal(ring.phoneHash('13905371234'), hashes[0]);
  });

  it('previous secrets: parsed from a comma list, too-short ones refused, duplicates of the current one ignored', () => {
    assert.deepEqual(parsePreviousSecrets(` ${OLD} ,, ${NEW}`), [OLD, NEW]);
    assert.deepEqual(parsePreviousSecrets(undefined), []);
    assert.throws(() => createPiiCipher(NEW, ['short']), /at least 16/);
    assert.deepEqual(createPiiCipher(NEW, [NEW, OLD, OLD]).phoneHashes('13905371234').length, 2);
  });
});
