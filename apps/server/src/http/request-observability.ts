import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { recordRequest } from './metrics';

/**
 * A caller's X-Request-Id (a proxy's or a load balancer's) is kept when it is a plain token, so one id follows a
 * request through every hop's log; anything else (too long, spaces, control characters: log injection) is replaced.
 */
const CALLER_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Fastify's genReqId: the caller's X-Request-Id when it is a plain token, else a fresh UUID. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CALLER_ID.test(given) ? given : randomUUID();
}

/**
 * What a log line says about its request: method, the matched route pattern and, for a matched route, the path (its
 * parameters are opaque ids, numbers and dates: what support needs to find an appeal). An unmatched path is whatever
 * the client typed (a phone number, a name), and so is the tail of a wildcard route (the console's static files),
 * so only the pattern is logged for those; query strings never are.
 */
export function serializeRequest(req: { id: string; method: string; url: string; routeOptions?: { url?: string | undefined } }) {
  const route = req.routeOptions?.url;
  if (!route) return { id: req.id, method: req.method, route: 'unmatched' };
  return route.includes('*') ? { id: req.id, method: req.method, route } : { id: req.id, method: req.method, route, path: req.url.split('?')[0] };
}

/** Echo the request id to the client (support can find the log lines) and count every answer for /metrics. */
export function registerRequestObservability(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    // routeOptions.url is the pattern ('/api/appeals/:id'), so ids and codes in paths never become label values.
    recordRequest(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime);
  });
}
