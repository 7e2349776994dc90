import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../deps';
import { errorHandler, sendError } from './error-handler';
import { healthRoutes } from '../modules/health/routes';
import { authRoutes } from '../modules/auth/routes';
import { appealRoutes } from '../modules/appeals/routes';
import { adminRoutes } from '../modules/admin/routes';
import { revealAuditRoutes } from '../modules/admin/reveal-audit-routes';
import { routingRoutes } from '../modules/routing/routes';
import { supervisionRoutes } from '../modules/supervision/routes';
import { notificationRoutes } from '../modules/notifications/routes';
import { exchangeRoutes } from '../modules/exchange/routes';
import { upstreamPlatformRoutes } from '../modules/exchange/admin-routes';
import { metaRoutes, reportRoutes } from '../modules/reports/routes';
import { textRoutes } from '../modules/text/routes';
import { knowledgeRoutes } from '../modules/knowledge/routes';
import { attachmentRoutes } from '../modules/attachments/routes';
import { MULTIPART_LIMITS } from '../modules/attachments/read-uploads';
import { open311Routes } from '../modules/open311/routes';
import { portalRoutes } from '../modules/portal/routes';
import { boardRoutes } from '../modules/board/routes';
import { indicatorRoutes } from '../modules/indicators/routes';
import { registryRoutes } from '../modules/registry/routes';
import { grassrootsRoutes } from '../modules/grassroots/routes';
import { hearingRoutes } from '../modules/hearings/routes';
import { proxyServiceRoutes } from '../modules/proxy-services/routes';
import { generatedReportRoutes } from '../modules/generated-reports/routes';
import { registerWebAssets } from './web-assets';
import { registerSecurityHeaders } from './security-headers';
import { rejectUnstorableText } from './text-guard';
import { rejectUndeclaredMultipart } from './multipart-guard';
import { registerRequestObservability, requestId, serializeRequest } from './request-observability';
import { frameworkErrors } from './framework-errors';

export type App = FastifyInstance;

/** Build the HTTP app around explicit dependencies (tests build it the same way). */
export async function buildApp(deps: Deps, options: { logger?: boolean; logStream?: NodeJS.WritableStream; webRoot?: string } = {}): Promise<App> {
  const app = Fastify({
    // Request logs carry method and path only: query strings can hold phone numbers (caller history) and bodies hold
    // personal data, so neither is ever logged.
    logger: options.logger ? {
      level: deps.config.logLevel,
      serializers: { req: serializeRequest },
      ...(options.logStream ? { stream: options.logStream } : {}),
    } : false,
    // Every log line of a request carries its id (reqId), also sent back as X-Request-Id (request-observability.ts).
    genReqId: requestId,
    frameworkErrors,
    bodyLimit: 1024 * 1024,
    // Strict schemas: unknown fields and wrong types are errors, never silently dropped or coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: false } },
    // Only the configured proxies' X-Forwarded-For names the client (MINSHENG_TRUST_PROXY, default loopback): from
    // anyone else the header is ignored, so a client cannot choose the address the per-IP throttles count.
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorateRequest('sessionUser', null);
  registerRequestObservability(app);
  // The API speaks JSON only: a JSON document sent as text/plain is an unsupported type, not a schema error.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', rejectUnstorableText);
  app.addHook('preValidation', rejectUndeclaredMultipart);
  app.setErrorHandler(errorHandler);
  registerSecurityHeaders(app, { production: deps.config.production });
  // The staff console (apps/web/dist) answers every non-API GET no route matched; the API answers the rest with NOT_FOUND.
  const web = await registerWebAssets(app, options.webRoot);
  app.setNotFoundHandler((req, reply) => (web.fallback(req, reply) ? reply : sendError(req, reply, 'NOT_FOUND')));
  await app.register(cookie);
  // Uploads (attachments on the console and the portal): the limits are the product's, enforced while streaming.
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  await app.register(swagger, {
    openapi: {
      info: { title: 'minsheng 民声 API', version: deps.config.version, description: '12345 热线与群众诉求统一平台 API' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(appealRoutes(deps));
  await app.register(adminRoutes(deps));
  await app.register(revealAuditRoutes(deps));
  await app.register(routingRoutes(deps));
  await app.register(supervisionRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(upstreamPlatformRoutes(deps));
  await app.register(exchangeRoutes(deps));
  await app.register(metaRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(textRoutes(deps));
  await app.register(knowledgeRoutes(deps));
  await app.register(attachmentRoutes(deps));
  await app.register(open311Routes(deps));
  await app.register(portalRoutes(deps));
  await app.register(boardRoutes(deps));
  await app.register(indicatorRoutes(deps));
  await app.register(registryRoutes(deps));
  await app.register(grassrootsRoutes(deps));
  await app.register(hearingRoutes(deps));
  await app.register(proxyServiceRoutes(deps));
  await app.register(generatedReportRoutes(deps));
  return app;
}
