import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@minsheng/contracts';
import type { Deps } from '../deps';
import { authenticate } from '../modules/auth/use-cases/authenticate';
import type { SessionUser } from '../modules/auth/session-cache';
import { hasValidCsrfToken, isForeignOrigin, isUnsafeMethod } from '../modules/auth/csrf';

export const SESSION_COOKIE = 'minsheng_session';

declare module 'fastify' {
  interface FastifyRequest { sessionUser: SessionUser | null }
}

/** The request's token and where it came from: `Authorization: Bearer …` wins over the session cookie. */
export function requestCredential(req: FastifyRequest): { token: string; viaCookie: boolean } | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    return token ? { token, viaCookie: false } : null;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, viaCookie: true } : null;
}

/** The request's token: `Authorization: Bearer …` wins over the session cookie. */
export function requestToken(req: FastifyRequest): string | null {
  return requestCredential(req)?.token ?? null;
}

/**
 * A browser sends the session cookie on its own, also on requests another site makes it send; a bearer header it
 * never adds by itself. So an unsafe request authenticated by the cookie must come from this origin and carry the
 * session's CSRF token (login answers it, and sets it in the readable `minsheng_csrf` cookie), or it is refused
 * before anything changes.
 */
export function checkCookieRequest(req: FastifyRequest, credential: { token: string; viaCookie: boolean }): void {
  if (!credential.viaCookie || !isUnsafeMethod(req.method)) return;
  if (isForeignOrigin(req)) throw new AppError('CSRF_FAILED', 'cross-origin request with the session cookie');
  if (!hasValidCsrfToken(req, credential.token)) throw new AppError('CSRF_FAILED', 'missing or wrong X-CSRF-Token');
}

/** preHandler for staff routes: a valid session or 401; a cookie session's unsafe request also needs its CSRF token. */
export function requireStaff(deps: Deps) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const credential = requestCredential(req);
    const user = credential ? await authenticate(deps, credential.token) : null;
    if (!user || !credential) throw new AppError('UNAUTHENTICATED');
    checkCookieRequest(req, credential);
    req.sessionUser = user;
    // Answers for a signed-in user hold personal data: no shared or browser cache keeps them (a route may still override).
    void reply.header('cache-control', 'no-store');
  };
}

/** The authenticated user of a staff route (set by requireStaff). */
export function staff(req: FastifyRequest): SessionUser {
  if (!req.sessionUser) throw new AppError('UNAUTHENTICATED');
  return req.sessionUser;
}
