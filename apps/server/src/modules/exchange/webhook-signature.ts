import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The header carrying `sha256=<hex HMAC-SHA256 of the exact request body>` on every report-back call. */
export const SIGNATURE_HEADER = 'x-minsheng-signature';

/**
 * The key a platform's report-back calls are signed with: HKDF-SHA256 of MINSHENG_SECRET for this jurisdiction and
 * platform. Derived rather than stored, so a copy of the database cannot forge reports; handed to the platform once,
 * at registration. Changing MINSHENG_SECRET changes it (as it already makes stored personal data unreadable).
 */
export function platformWebhookSecret(masterSecret: string, jurisdictionId: string, platformId: string): string {
  return Buffer.from(hkdfSync('sha256', masterSecret, 'minsheng', `upstream-webhook:${jurisdictionId}:${platformId}`, 32)).toString('hex');
}

/** The signature header value for a body. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiving platform does: recompute the HMAC over the raw body and compare in constant time. */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
