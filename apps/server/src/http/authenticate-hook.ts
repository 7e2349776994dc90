import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@minsheng/contracts';
import type { Deps } from '../deps';
import { authenticate } from '../modules/auth/use-cases/authenticate';
import type { SessionUser } from '../modules/auth/session-cache';

export const SESSION_COOKIE = 'minsheng_session';

declare module 'fastify' {
  interface FastifyRequest { sessionUser: SessionUser | null }
}

/** The request's token: `Authorization: Bearer …` wins over the session cookie. */
export function requestToken(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** preHandler for staff routes: a valid session or 401. */
export function requireStaff(deps: Deps) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const token = requestToken(req);
    const user = token ? await authenticate(deps, token) : null;
    if (!user) throw new AppError('UNAUTHENTICATED');
    req.sessionUser = user;
  };
}

/** The authenticated user of a staff route (set by requireStaff). */
export function staff(req: FastifyRequest): SessionUser {
  if (!req.sessionUser) throw new AppError('UNAUTHENTICATED');
  return req.sessionUser;
}
