import { createHash, randomBytes } from 'node:crypto';

/** Session tokens carry their jurisdiction so a request can be routed before any lookup: `370812.<random>`. */
export function newSessionToken(jurisdictionId: string): string {
  return `${jurisdictionId}.${randomBytes(32).toString('base64url')}`;
}

export function parseSessionToken(token: string): { jurisdictionId: string; tokenHash: string } | null {
  const dot = token.indexOf('.');
  if (dot < 1 || token.length > 200) return null;
  return { jurisdictionId: token.slice(0, dot), tokenHash: hashToken(token) };
}

/** Only this hash is stored, so a database leak does not leak live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
