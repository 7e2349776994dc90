import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requirePlatform, upstreamPlatform } from './authenticate-platform';
import { ExternalIdParams, TransferBody } from './schemas';
import { presentTransfer } from './presenter';
import { getTransfer } from './use-cases/get-transfer';
import { receiveTransfer } from './use-cases/receive-transfer';

const security = [{ bearer: [] }];

/** The exchange API for upper platforms (上级平台), authenticated by platform key, never by a staff session. */
export function exchangeRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.decorateRequest('upstreamPlatform', null);
    // Authenticate on request, before the body is parsed: without a valid key the answer is always 401.
    app.addHook('onRequest', requirePlatform(deps));
    app.post('/api/exchange/v1/appeals', { schema: { tags: ['exchange'], summary: '上级转办 (idempotent on externalId)', security, body: TransferBody } }, async (req, reply) => {
      const { appeal, created } = await receiveTransfer(deps, upstreamPlatform(req), req.body as Static<typeof TransferBody>);
      return reply.status(created ? 201 : 200).send(presentTransfer(appeal));
    });
    app.get('/api/exchange/v1/appeals/:externalId', { schema: { tags: ['exchange'], summary: '转办件办理状态', security, params: ExternalIdParams } }, async (req) => {
      return getTransfer(deps, upstreamPlatform(req), (req.params as Static<typeof ExternalIdParams>).externalId);
    });
  };
}
