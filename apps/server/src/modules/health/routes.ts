import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { sendError } from '../../http/error-handler';

export function healthRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查' } }, async (req, reply) => {
      try {
        await deps.database.db.execute(sql`SELECT 1`);
      } catch {
        return sendError(req, reply, 'SERVICE_UNAVAILABLE', { db: deps.database.engine }, 'database unreachable');
      }
      return { status: 'ok', db: deps.database.engine, version: deps.config.version };
    });
  };
}
