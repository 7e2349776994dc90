import type { FastifyPluginAsync } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import * as S from './schemas';
import { createItem, listItems, patchItem } from './use-cases/catalogue';
import { listPublicCatalogue } from './use-cases/public-catalogue';
import { registerProxyRequest } from './use-cases/register-request';
import { actOnProxyRequest } from './use-cases/act-on-request';
import { getRequest, listRequests } from './use-cases/list-requests';
import { trackProxyRequest } from './use-cases/track-request';

const security = [{ bearer: [] }];
const tags = ['proxy-services'];
type Q<T extends TSchema> = Static<T>;
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

/** 民生事项代办: catalogue and requests for staff under /api/proxy; the catalogue and tracking on the portal. */
export function proxyServiceRoutes(deps: Deps): FastifyPluginAsync {
  return async (root) => {
    await root.register(async (app) => {
      app.addHook('onRequest', requireStaff(deps));
      app.get('/api/proxy/items', { schema: { tags, summary: '代办事项目录 (含停用)', security } }, async (req) => listItems(deps, staff(req)));
      app.post('/api/proxy/items', { schema: { tags, summary: '新增代办事项', security, body: S.ItemBody } }, async (req, reply) => reply.status(201).send(await createItem(deps, staff(req), req.body as Q<typeof S.ItemBody>)));
      app.patch('/api/proxy/items/:id', { schema: { tags, summary: '修改或停用代办事项', security, params: IdParams, body: S.ItemPatch } }, async (req) => patchItem(deps, staff(req), id(req), req.body as Q<typeof S.ItemPatch>));
      app.get('/api/proxy/requests', { schema: { tags, summary: '代办件 (本单位及下级; 可按超期/临期筛选)', security, querystring: S.RequestsQuery } }, async (req) => listRequests(deps, staff(req), (req.query as Q<typeof S.RequestsQuery>).state));
      app.post('/api/proxy/requests', { schema: { tags, summary: '受理代办 (按承诺时限计算工作日期限)', security, body: S.RequestBody } }, async (req, reply) => reply.status(201).send(await registerProxyRequest(deps, staff(req), req.body as Q<typeof S.RequestBody>)));
      app.get('/api/proxy/requests/:id', { schema: { tags, summary: '代办件详情 (申请人信息已脱敏)', security, params: IdParams } }, async (req) => getRequest(deps, staff(req), id(req)));
      app.post('/api/proxy/requests/:id/actions', { schema: { tags, summary: '代办中 / 补正材料 / 继续 / 办结 / 退回', security, params: IdParams, body: S.RequestActionBody } }, async (req) => actOnProxyRequest(deps, staff(req), id(req), req.body as Q<typeof S.RequestActionBody>));
    });
    await root.register(async (app) => {
      const jid = () => deps.defaultJurisdictionId;
      app.addHook('onSend', async (_req, reply) => { reply.header('cache-control', 'no-store'); });
      app.get('/api/portal/proxy-items', { schema: { tags: ['portal'], summary: '民生代办事项目录 (程序、材料、承诺时限)', querystring: S.CatalogueQuery } }, async (req) => listPublicCatalogue(deps, jid(), req.query as Q<typeof S.CatalogueQuery>));
      app.post('/api/portal/proxy-track', { schema: { tags: ['portal'], summary: '代办进度查询 (代办编号 + 查询码; 限次)', body: S.ProxyTrackBody } }, async (req) => trackProxyRequest(deps, jid(), req.ip || 'unknown', req.body as Q<typeof S.ProxyTrackBody>));
    });
  };
}
