import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../deps';

/** The public portal's API under /api/portal: no account, rate-limited, personal data never shown. */
export function portalRoutes(_deps: Deps): FastifyPluginAsync {
  return async () => {};
}
