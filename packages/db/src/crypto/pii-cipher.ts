import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { normalizePhone } from '@minsheng/domain';

/**
 * Encrypts citizens' personal data at rest (AES-256-GCM) and derives the keyed phone hash used for
 * "history of this caller" look-ups. Both keys come from MINSHENG_SECRET through HKDF, so one secret
 * configures everything and the hash cannot be recomputed without it.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  phoneHash(phone: string): string;
  /** Files (attachments): the same AES-256-GCM key, binary in and out (IV and tag in front of the ciphertext). */
  encryptBytes(plain: Uint8Array): Buffer;
  decryptBytes(stored: Uint8Array): Buffer;
}

const VERSION = 'v1';
/** First byte of an encrypted file, so a later format can be told apart. */
const BYTES_VERSION = Buffer.from([1]);

export function createPiiCipher(secret: string): PiiCipher {
  if (secret.length < 16) throw new Error('MINSHENG_SECRET must be at least 16 characters');
  const encKey = Buffer.from(hkdfSync('sha256', secret, 'minsheng', 'pii-encryption', 32));
  const hashKey = Buffer.from(hkdfSync('sha256', secret, 'minsheng', 'phone-hash', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const [version, data] = stored.split(':');
      if (version !== VERSION || !data) throw new Error('unknown personal-data encryption format');
      const raw = Buffer.from(data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    encryptBytes(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([BYTES_VERSION, iv, cipher.getAuthTag(), body]);
    },
    decryptBytes(stored) {
      const raw = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
      if (raw.length < 29 || raw[0] !== BYTES_VERSION[0]) throw new Error('unknown file encryption format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(1, 13));
      decipher.setAuthTag(raw.subarray(13, 29));
      return Buffer.concat([decipher.update(raw.subarray(29)), decipher.final()]);
    },
    phoneHash(phone) {
      return createHmac('sha256', hashKey).update(normalizePhone(phone)).digest('hex');
    },
  };
}
