import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { normalizePhone } from '@minsheng/domain';
import { createKeyRing, UnknownPiiKeyError } from './key-ring';
import type { KeyRing, PiiKey } from './key-ring';

/**
 * Encrypts citizens' personal data at rest (AES-256-GCM) and derives the keyed phone hash used for
 * "history of this caller" look-ups. Both keys come from MINSHENG_SECRET through HKDF, so one secret
 * configures everything and the hash cannot be recomputed without it. Retired secrets (MINSHENG_SECRET_PREVIOUS)
 * still decrypt; new values are always written under the current one.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  phoneHash(phone: string): string;
  /** The phone's hash under the current key first, then under each retired key (look-ups while a rotation runs). */
  phoneHashes(phone: string): string[];
  /** Files (attachments): the same AES-256-GCM key, binary in and out (IV and tag in front of the ciphertext). */
  encryptBytes(plain: Uint8Array): Buffer;
  decryptBytes(stored: Uint8Array): Buffer;
  /** The current key's id: what `v2:<keyId>:` values written now carry. */
  readonly keyId: string;
  /** The key id a stored value names; 'v1' for the legacy format, which names none. */
  storedKeyId(stored: string | Uint8Array): string;
  /** True when the value is already under the current key (nothing for a rotation to do). */
  isCurrent(stored: string | Uint8Array): boolean;
}

/** Text: `v2:<keyId>:<base64(iv | tag | body)>`; the legacy `v1:<base64>` named no key. */
export const TEXT_V2 = 'v2';
const TEXT_V1 = 'v1';
/** Files: one version byte, then (v2) the key id's 4 bytes, then IV, tag and body. */
const BYTES_V1 = 1;
const BYTES_V2 = 2;
const IV = 12;
const TAG = 16;

/** The start of every text value under `keyId` (what SQL predicates match on). */
export const textPrefixFor = (keyId: string) => `${TEXT_V2}:${keyId}:`;
/** The first bytes of every file under `keyId`. */
export const bytesHeaderFor = (keyId: string) => Buffer.concat([Buffer.from([BYTES_V2]), Buffer.from(keyId, 'hex')]);

function seal(key: PiiKey, plain: Uint8Array): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key.encKey, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: PiiKey, raw: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key.encKey, raw.subarray(0, IV));
  decipher.setAuthTag(raw.subarray(IV, IV + TAG));
  return Buffer.concat([decipher.update(raw.subarray(IV + TAG)), decipher.final()]);
}

/** v1 values do not say which secret wrote them: the GCM tag tells, so each configured key is tried in turn. */
function openLegacy(ring: KeyRing, raw: Buffer): Buffer {
  for (const key of [ring.current, ...ring.previous]) {
    try {
      return open(key, raw);
    } catch { /* not this key */ }
  }
  throw new Error('a legacy (v1) personal-data value cannot be decrypted with MINSHENG_SECRET or any MINSHENG_SECRET_PREVIOUS');
}

function keyFor(ring: KeyRing, id: string): PiiKey {
  const key = ring.byId.get(id);
  if (!key) throw new UnknownPiiKeyError(id);
  return key;
}

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export function createPiiCipher(secret: string, previousSecrets: readonly string[] = []): PiiCipher {
  const ring = createKeyRing(secret, previousSecrets);
  const current = ring.current;
  const currentTextPrefix = textPrefixFor(current.id);
  const currentBytesHeader = bytesHeaderFor(current.id);
  const hashWith = (key: PiiKey, phone: string) => createHmac('sha256', key.hashKey).update(normalizePhone(phone)).digest('hex');

  const storedKeyId = (stored: string | Uint8Array): string => {
    if (typeof stored === 'string') {
      const [version, keyId, data] = stored.split(':');
      if (version === TEXT_V1 && keyId && data === undefined) return TEXT_V1;
      if (version === TEXT_V2 && keyId && /^[0-9a-f]{8}$/.test(keyId) && data) return keyId;
      throw new Error('unknown personal-data encryption format');
    }
    const raw = asBuffer(stored);
    if (raw[0] === BYTES_V1 && raw.length >= 1 + IV + TAG) return TEXT_V1;
    if (raw[0] === BYTES_V2 && raw.length >= 5 + IV + TAG) return raw.subarray(1, 5).toString('hex');
    throw new Error('unknown file encryption format');
  };

  return {
    keyId: current.id,
    storedKeyId,
    isCurrent(stored) {
      return typeof stored === 'string' ? stored.startsWith(currentTextPrefix) : asBuffer(stored).subarray(0, 5).equals(currentBytesHeader);
    },
    encrypt(plain) {
      return `${currentTextPrefix}${seal(current, Buffer.from(plain, 'utf8')).toString('base64')}`;
    },
    decrypt(stored) {
      const keyId = storedKeyId(stored);
      const data = stored.slice(stored.lastIndexOf(':') + 1);
      const raw = Buffer.from(data, 'base64');
      if (raw.length < IV + TAG) throw new Error('unknown personal-data encryption format');
      return (keyId === TEXT_V1 ? openLegacy(ring, raw) : open(keyFor(ring, keyId), raw)).toString('utf8');
    },
    encryptBytes(plain) {
      return Buffer.concat([currentBytesHeader, seal(current, plain)]);
    },
    decryptBytes(stored) {
      const keyId = storedKeyId(stored);
      const raw = asBuffer(stored);
      return keyId === TEXT_V1 ? openLegacy(ring, raw.subarray(1)) : open(keyFor(ring, keyId), raw.subarray(5));
    },
    phoneHash(phone) {
      return hashWith(current, phone);
    },
    phoneHashes(phone) {
      return [current, ...ring.previous].map((k) => hashWith(k, phone));
    },
  };
}
