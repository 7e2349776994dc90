import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { PlatformBody } from './schemas';
import { deactivatePlatform } from './use-cases/deactivate-platform';
import { listPlatforms } from './use-cases/list-platforms';
import { registerPlatform } from './use-cases/register-platform';

const security = [{ bearer: [] }];

/** Administrators register, list and deactivate upper platforms. */
export function upstreamPlatformRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));
    app.post('/api/admin/upstream-platforms', { schema: { tags: ['admin'], summary: '登记上级平台 (returns the API key once)', security, body: PlatformBody } }, async (req, reply) => {
      return reply.status(201).send(await registerPlatform(deps, staff(req), req.body as Static<typeof PlatformBody>));
    });
    app.get('/api/admin/upstream-platforms', { schema: { tags: ['admin'], summary: '上级平台', security } }, async (req) => listPlatforms(deps, staff(req)));
    app.post('/api/admin/upstream-platforms/:id/deactivate', { schema: { tags: ['admin'], summary: '停用上级平台', security, params: IdParams } }, async (req) => {
      return deactivatePlatform(deps, staff(req), (req.params as { id: string }).id);
    });
  };
}
