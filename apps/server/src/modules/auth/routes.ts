import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requestToken, requireStaff, SESSION_COOKIE, staff } from '../../http/authenticate-hook';
import { login } from './use-cases/login';
import { logout } from './use-cases/logout';
import { presentUser } from './presenter';

const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  jurisdiction: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
}, { additionalProperties: false });

export function authRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.post('/api/auth/login', { schema: { tags: ['auth'], summary: '登录', body: LoginBody } }, async (req, reply) => {
      const body = req.body as Static<typeof LoginBody>;
      const { token, user } = await login(deps, { username: body.username, password: body.password, jurisdictionId: body.jurisdiction });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true, sameSite: 'lax', path: '/', secure: deps.config.production, expires: user.expiresAt,
      });
      return { token, user: presentUser(user) };
    });

    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
      const token = requestToken(req);
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', security: [{ bearer: [] }] }, preHandler: requireStaff(deps) }, async (req) => {
      return { user: presentUser(staff(req)) };
    });
  };
}
