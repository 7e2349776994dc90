import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

export const CSRF_COOKIE = 'minsheng_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE.has(method.toUpperCase());
}

/**
 * The CSRF token of a session: an HMAC keyed by the session token itself. Only the holder of the token can compute
 * it, every server process derives the same value without shared state, and the database (which keeps only the
 * token's SHA-256) cannot.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('minsheng-csrf-v1').digest('base64url');
}

/** Whether the request's X-CSRF-Token matches its session token (compared in constant time). */
export function hasValidCsrfToken(req: FastifyRequest, sessionToken: string): boolean {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length > 100) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(csrfTokenFor(sessionToken));
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A browser's own word that the request comes from another site: `Sec-Fetch-Site` other than same-origin/none, or
 * an `Origin` whose host is not this server's. Requests without either header (curl, scripts) are not foreign.
 */
export function isForeignOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (typeof origin !== 'string' || origin === '') return false;
  try {
    return new URL(origin).host !== req.host;
  } catch {
    return true; // `Origin: null` (sandboxed frames, file://) or garbage
  }
}
