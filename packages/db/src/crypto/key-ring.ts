import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The personal-data keys: MINSHENG_SECRET is the current one, MINSHENG_SECRET_PREVIOUS the retired ones still accepted
 * for decryption while `minsheng secrets rotate` moves data off them. Every ciphertext names its key by an id derived
 * from the secret (never the secret itself), so decryption picks the right key and a value under a key that is no
 * longer configured fails loudly instead of decrypting to garbage.
 */
export interface PiiKey {
  /** 8 hex characters; stored in every v2 ciphertext. */
  id: string;
  encKey: Buffer;
  hashKey: Buffer;
}

export interface KeyRing {
  current: PiiKey;
  /** Retired keys, in the order configured; never contains the current key. */
  previous: PiiKey[];
  byId: ReadonlyMap<string, PiiKey>;
}

/** A ciphertext names a key id that is neither the current secret nor a configured previous one. */
export class UnknownPiiKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`personal data is encrypted under key ${keyId}, which is neither MINSHENG_SECRET nor listed in MINSHENG_SECRET_PREVIOUS`);
    this.name = 'UnknownPiiKeyError';
  }
}

export const MIN_SECRET_LENGTH = 16;

/** The public id of a secret's key: the first 8 hex of an HMAC, so it identifies without revealing. */
export function piiKeyId(secret: string): string {
  return createHmac('sha256', secret).update('minsheng personal-data key id').digest('hex').slice(0, 8);
}

export function derivePiiKey(secret: string): PiiKey {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`MINSHENG_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  return {
    id: piiKeyId(secret),
    encKey: Buffer.from(hkdfSync('sha256', secret, 'minsheng', 'pii-encryption', 32)),
    hashKey: Buffer.from(hkdfSync('sha256', secret, 'minsheng', 'phone-hash', 32)),
  };
}

export function createKeyRing(secret: string, previousSecrets: readonly string[] = []): KeyRing {
  const current = derivePiiKey(secret);
  const byId = new Map<string, PiiKey>([[current.id, current]]);
  const previous: PiiKey[] = [];
  for (const s of previousSecrets) {
    if (s.length < MIN_SECRET_LENGTH) throw new Error(`every MINSHENG_SECRET_PREVIOUS entry must be at least ${MIN_SECRET_LENGTH} characters`);
    const key = derivePiiKey(s);
    if (byId.has(key.id)) continue;
    byId.set(key.id, key);
    previous.push(key);
  }
  return { current, previous, byId };
}

/** MINSHENG_SECRET_PREVIOUS: comma-separated, blanks ignored. */
export function parsePreviousSecrets(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
