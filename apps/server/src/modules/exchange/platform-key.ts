import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'msx_';

/**
 * A new API key for an upper platform: shown once, never stored (only its hash is). It names its jurisdiction, so
 * the lookup stays inside one tenant's rows (msx_<jurisdiction>_<43 random characters>).
 */
export function newPlatformKey(jurisdictionId: string): string {
  return `${PREFIX}${jurisdictionId}_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a key: SHA-256 is enough for 256 random bits (no dictionary to guess from). */
export function hashPlatformKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The jurisdiction a well-formed key belongs to; null for anything else, refused before touching the database. */
export function platformKeyJurisdiction(key: string): string | null {
  const m = /^msx_([0-9]{2,12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? m[1]! : null;
}
