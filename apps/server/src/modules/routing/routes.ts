import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import { ObjectionBody, RoutingProposalsQuery, RoutingRuleBody, RoutingRulesQuery } from './schemas';
import { listRoutingRulesFor } from './use-cases/list-routing-rules';
import { createRoutingRule } from './use-cases/create-routing-rule';
import { replaceRoutingRule } from './use-cases/replace-routing-rule';
import { retireRoutingRuleFor } from './use-cases/retire-routing-rule';
import { getRoutingProposal } from './use-cases/get-routing-proposal';
import { getRoutingProposals } from './use-cases/get-routing-proposals';
import { objectToRoutingRule } from './use-cases/object-to-routing-rule';

const security = [{ bearer: [] }];
const id = (params: unknown) => (params as { id: string }).id;

/** 派单目录: the catalogue for administrators, proposals for dispatchers, objections from handling units. */
export function routingRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    // Authenticate on request, before body parsing and validation: without a session the answer is always 401.
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/admin/routing-rules', { schema: { tags: ['admin'], summary: '派单目录 (计数; includeRetired=true 含历史版本)', security, querystring: RoutingRulesQuery } }, async (req) => {
      const q = req.query as Static<typeof RoutingRulesQuery>;
      return { items: await listRoutingRulesFor(deps, staff(req), q.includeRetired === 'true') };
    });
    app.post('/api/admin/routing-rules', { schema: { tags: ['admin'], summary: '新增派单规则', security, body: RoutingRuleBody } }, async (req, reply) => {
      return reply.status(201).send(await createRoutingRule(deps, staff(req), req.body as Static<typeof RoutingRuleBody>));
    });
    app.put('/api/admin/routing-rules/:id', { schema: { tags: ['admin'], summary: '修改派单规则 (旧版本停用, 新版本生效)', security, params: IdParams, body: RoutingRuleBody } }, async (req) => {
      return replaceRoutingRule(deps, staff(req), id(req.params), req.body as Static<typeof RoutingRuleBody>);
    });
    app.delete('/api/admin/routing-rules/:id', { schema: { tags: ['admin'], summary: '停用派单规则', security, params: IdParams } }, async (req) => {
      return retireRoutingRuleFor(deps, staff(req), id(req.params));
    });
    app.get('/api/appeals/:id/routing-proposal', { schema: { tags: ['appeals'], summary: '派单建议 (按派单目录)', security, params: IdParams } }, async (req) => {
      return getRoutingProposal(deps, staff(req), id(req.params));
    });
    app.get('/api/routing-proposals', { schema: { tags: ['appeals'], summary: '派单建议 (一页诉求, 无权查看的不返回)', security, querystring: RoutingProposalsQuery } }, async (req) => {
      return getRoutingProposals(deps, staff(req), (req.query as Static<typeof RoutingProposalsQuery>).appealIds);
    });
    app.post('/api/routing-rules/:id/objections', { schema: { tags: ['appeals'], summary: '派单异议', security, params: IdParams, body: ObjectionBody } }, async (req, reply) => {
      return reply.status(201).send(await objectToRoutingRule(deps, staff(req), id(req.params), req.body as Static<typeof ObjectionBody>));
    });
  };
}
