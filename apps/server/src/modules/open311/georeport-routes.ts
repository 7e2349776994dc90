import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { AppError } from '@minsheng/contracts';
import type { Deps } from '../../deps';
import { open311Client, open311Jurisdiction } from './client';
import { open311ErrorHandler } from './error-handler';
import { fieldsOf, parseForm, w3c } from './fields';
import { sendDocument } from './respond';
import { parseSubmission } from './submission';
import { splitFormat } from './wire-format';
import { getDiscovery } from './use-cases/get-discovery';
import { getServiceDefinition } from './use-cases/get-service-definition';
import { getRequest, listRequests } from './use-cases/list-requests';
import { listServices } from './use-cases/list-services';
import { resolveToken } from './use-cases/resolve-token';
import { submitRequest } from './use-cases/submit-request';

const BASE = '/open311/v2';
const tags = ['open311'];
const doc = (req: FastifyRequest) => (req.params as { doc: string }).doc;

/**
 * GeoReport v2 (shared/design/OPEN311.md): the format is the path's suffix, errors are the spec's error documents
 * (this plugin's own error handler), POST bodies are form-encoded. Reads are public; POST needs an API key.
 */
export function georeportRoutes(deps: Deps): FastifyPluginAsync {
  const changeset = w3c(deps.now())!;
  return async (app) => {
    app.setErrorHandler(open311ErrorHandler);
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, parseForm(body as string));
    });

    app.get(`${BASE}/:doc`, { schema: { tags, summary: 'discovery / services / requests (.xml | .json)' } }, async (req, reply) => {
      const { name, format } = splitFormat(doc(req));
      const q = fieldsOf(req.query);
      const runtime = await open311Jurisdiction(deps, q);
      switch (name) {
        case 'discovery':
          return sendDocument(reply, format, 'discovery', getDiscovery(runtime, `${req.protocol}://${req.host}${BASE}`, changeset));
        case 'services':
          return sendDocument(reply, format, 'services', await listServices(deps, runtime.id));
        case 'requests': {
          const client = await open311Client(deps, runtime.id, q, false);
          return sendDocument(reply, format, 'service_requests', await listRequests(deps, runtime.id, q, client?.id ?? null));
        }
        default:
          throw new AppError('NOT_FOUND');
      }
    });
    app.get(`${BASE}/services/:doc`, { schema: { tags, summary: 'service definition' } }, async (req, reply) => {
      const { name, format } = splitFormat(doc(req));
      const runtime = await open311Jurisdiction(deps, fieldsOf(req.query));
      return sendDocument(reply, format, 'service_definition', await getServiceDefinition(deps, runtime.id, name));
    });
    app.get(`${BASE}/requests/:doc`, { schema: { tags, summary: 'one service request (an array of one)' } }, async (req, reply) => {
      const { name, format } = splitFormat(doc(req));
      const q = fieldsOf(req.query);
      const runtime = await open311Jurisdiction(deps, q);
      const client = await open311Client(deps, runtime.id, q, false);
      return sendDocument(reply, format, 'service_requests', await getRequest(deps, runtime.id, name, client?.id ?? null));
    });
    app.get(`${BASE}/tokens/:doc`, { schema: { tags, summary: 'service_request_id of a token' } }, async (req, reply) => {
      const { name, format } = splitFormat(doc(req));
      const runtime = await open311Jurisdiction(deps, fieldsOf(req.query));
      return sendDocument(reply, format, 'service_requests', await resolveToken(deps, runtime.id, name));
    });
    app.post(`${BASE}/:doc`, { schema: { tags, summary: 'submit a service request (form-encoded, api_key required)' } }, async (req, reply) => {
      const { name, format } = splitFormat(doc(req));
      if (name !== 'requests') throw new AppError('NOT_FOUND');
      const fields = fieldsOf(req.body);
      const runtime = await open311Jurisdiction(deps, fields);
      const client = await open311Client(deps, runtime.id, fields, true);
      const result = await submitRequest(deps, runtime, client!, parseSubmission(fields));
      reply.header('x-open311-token', result.token);
      return sendDocument(reply, format, 'service_requests', result.body);
    });
    // Anything else under the endpoint is an unknown resource in the spec's error format, never the web console.
    app.all(`${BASE}`, async () => { throw new AppError('NOT_FOUND'); });
    app.all(`${BASE}/*`, async () => { throw new AppError('NOT_FOUND'); });
  };
}
