import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../deps';
import { open311AdminRoutes } from './admin-routes';
import { georeportRoutes } from './georeport-routes';

/**
 * Open311 GeoReport v2 under /open311/v2 (shared/design/OPEN311.md) and its administration under /api/admin.
 * Two encapsulated plugins: the GeoReport one has its own error format and form parser, the admin one the API's.
 */
export function open311Routes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    await app.register(open311AdminRoutes(deps));
    await app.register(georeportRoutes(deps));
  };
}
