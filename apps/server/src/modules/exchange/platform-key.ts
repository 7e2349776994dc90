import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'msx_';

/** A new API key for an upper platform: shown once, never stored (only its hash is). */
export function newPlatformKey(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a key: SHA-256 is enough for 256 random bits (no dictionary to guess from). */
export function hashPlatformKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Keys have one shape; anything else is refused before touching the database. */
export function looksLikePlatformKey(key: string): boolean {
  return key.startsWith(PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(key.slice(PREFIX.length));
}
