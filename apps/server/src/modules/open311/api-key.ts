import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'mso_';

/**
 * A new Open311 API key: shown once, only its hash is stored. It names its jurisdiction (mso_<jurisdiction>_<43
 * random characters>), so a malformed key is refused before any query and a lookup stays inside one tenant.
 */
export function newOpen311Key(jurisdictionId: string): string {
  return `${PREFIX}${jurisdictionId}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 suffices for 256 random bits: there is no dictionary to guess from. */
export function hashOpen311Key(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The jurisdiction of a well-formed key, else null. */
export function open311KeyJurisdiction(key: string): string | null {
  const m = /^mso_([0-9]{2,12})_([A-Za-z0-9_-]{43})$/.exec(key);
  return m ? m[1]! : null;
}

/** What an administrator sees to tell keys apart: the jurisdiction part and four secret characters. */
export function open311KeyPrefix(key: string): string {
  // The underscore after the jurisdiction, not the last one: the random part (base64url) may contain '_' too.
  return key.slice(0, key.indexOf('_', PREFIX.length) + 5);
}
