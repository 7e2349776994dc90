import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { AppError } from '@minsheng/contracts';
import type { Deps } from '../../deps';
import { checkCookieRequest, requestCredential, requireStaff, SESSION_COOKIE, staff } from '../../http/authenticate-hook';
import { login } from './use-cases/login';
import { logout } from './use-cases/logout';
import { changeOwnPassword } from './use-cases/change-password';
import { presentUser } from './presenter';
import { CSRF_COOKIE, csrfTokenFor, isForeignOrigin } from './csrf';

const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  jurisdiction: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
}, { additionalProperties: false });
const PasswordChangeBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
}, { additionalProperties: false });

/** A lockout answers 429 with Retry-After, so well-behaved clients wait instead of hammering. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.code === 'LOGIN_LOCKED') void reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 60));
    throw err;
  }
}

export function authRoutes(deps: Deps): FastifyPluginAsync {
  const cookieOptions = (expires: Date) => ({ sameSite: 'lax' as const, path: '/', secure: deps.config.production, expires });
  const sessionOf = (req: FastifyRequest) => requestCredential(req)?.token ?? '';

  return async (app) => {
    app.post('/api/auth/login', { schema: { tags: ['auth'], summary: '登录', body: LoginBody } }, async (req, reply) => {
      // Login CSRF: another site must not sign a browser into an account of the attacker's choosing.
      if (isForeignOrigin(req)) throw new AppError('CSRF_FAILED', 'cross-origin login');
      const body = req.body as Static<typeof LoginBody>;
      const { token, user } = await withRetryAfter(reply, () => login(deps, { username: body.username, password: body.password, jurisdictionId: body.jurisdiction, clientIp: req.ip }));
      const csrfToken = csrfTokenFor(token);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(user.expiresAt), httpOnly: true });
      // Readable by the console's script on purpose: it echoes the value in X-CSRF-Token, which another site cannot.
      reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieOptions(user.expiresAt), httpOnly: false });
      void reply.header('cache-control', 'no-store');
      return { token, csrfToken, user: presentUser(user) };
    });

    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
      const credential = requestCredential(req);
      if (credential) {
        // A forged logout is a nuisance, not harmless: it ends the session too, so a cookie logout needs the token.
        checkCookieRequest(req, credential);
        await logout(deps, credential.token);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', security: [{ bearer: [] }] }, preHandler: requireStaff(deps) }, async (req) => {
      return { user: presentUser(staff(req)), csrfToken: csrfTokenFor(sessionOf(req)) };
    });

    app.post('/api/auth/password', {
      schema: { tags: ['auth'], summary: '修改本人密码 (其他会话全部退出)', security: [{ bearer: [] }], body: PasswordChangeBody },
      // onRequest: without a session the answer is 401 before the body is even validated.
      onRequest: requireStaff(deps),
    }, async (req, reply) => {
      const body = req.body as Static<typeof PasswordChangeBody>;
      return withRetryAfter(reply, () => changeOwnPassword(deps, staff(req), { ...body, clientIp: req.ip }));
    });
  };
}
