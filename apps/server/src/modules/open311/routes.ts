import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../deps';

/** Open311 GeoReport v2 under /open311/v2 (shared/design/OPEN311.md). */
export function open311Routes(_deps: Deps): FastifyPluginAsync {
  return async () => {};
}
