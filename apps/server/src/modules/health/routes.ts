import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { sendError } from '../../http/error-handler';
import { renderMetrics } from '../../http/metrics';
import { checkReadiness } from './use-cases/check-readiness';
import { readAppealGauges } from './use-cases/read-appeal-gauges';
import { checkReplica, replicaGauges } from './use-cases/check-replica';
import { metricsRefusal } from './metrics-access';

/** Health for people and load balancers, liveness and readiness for orchestrators, /metrics for Prometheus. */
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

    // Liveness touches nothing outside the process: a slow database must not get a healthy process restarted.
    app.get('/api/health/live', { schema: { tags: ['system'], summary: '存活检查 (liveness)' } }, async () => {
      return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
    });

    app.get('/api/health/ready', { schema: { tags: ['system'], summary: '就绪检查 (readiness: database and migrations)' } }, async (req, reply) => {
      const [r, replica] = await Promise.all([checkReadiness(deps), checkReplica(deps)]);
      const replicaField = replica ? { replica } : {};
      if (!r.ready) return sendError(req, reply, 'SERVICE_UNAVAILABLE', { database: r.database, migrations: r.migrations, expected: r.expected, ...replicaField }, 'not ready');
      return { status: 'ready', db: deps.database.engine, migrations: r.migrations, latestMigration: r.expected, ...replicaField };
    });

    app.get('/metrics', { schema: { tags: ['system'], summary: 'Prometheus metrics (loopback or MINSHENG_METRICS_TOKEN)', hide: true } }, async (req, reply) => {
      const refusal = metricsRefusal(req, deps.config.metricsToken);
      if (refusal) return sendError(req, reply, refusal);
      let gauges: Awaited<ReturnType<typeof readAppealGauges>> = [];
      // Counters must still be scraped while the database is down: that is when they matter most.
      try { gauges = await readAppealGauges(deps); } catch (err) { req.log.warn({ err: { message: err instanceof Error ? err.message.slice(0, 200) : 'unknown' } }, 'metrics: appeal gauges unavailable'); }
      gauges = [...gauges, ...replicaGauges(await checkReplica(deps))];
      return reply.type('text/plain; version=0.0.4; charset=utf-8').send(renderMetrics(gauges));
    });
  };
}
