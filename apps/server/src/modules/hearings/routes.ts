import type { FastifyPluginAsync } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import * as S from './schemas';
import { createHearing } from './use-cases/create-hearing';
import { editHearing } from './use-cases/edit-hearing';
import { addRepresentative } from './use-cases/add-representative';
import { addMaterial } from './use-cases/add-material';
import { actOnHearing } from './use-cases/act-on-hearing';
import { setHearingPublished } from './use-cases/publish-hearing';
import { getHearing, listVisibleHearings } from './use-cases/list-hearings';
import { getPublicHearing, listPublicHearings } from './use-cases/public-hearings';

const security = [{ bearer: [] }];
const tags = ['hearings'];
type Q<T extends TSchema> = Static<T>;
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

/** 听证会: staff organise under /api/hearings; published hearings are public under /api/portal/hearings. */
export function hearingRoutes(deps: Deps): FastifyPluginAsync {
  return async (root) => {
    await root.register(async (app) => {
      app.addHook('onRequest', requireStaff(deps));
      app.get('/api/hearings', { schema: { tags, summary: '听证会列表', security } }, async (req) => listVisibleHearings(deps, staff(req)));
      app.post('/api/hearings', { schema: { tags, summary: '新建听证会 (草稿)', security, body: S.HearingBody } }, async (req, reply) => reply.status(201).send(await createHearing(deps, staff(req), req.body as Q<typeof S.HearingBody>)));
      app.get('/api/hearings/:id', { schema: { tags, summary: '听证会详情 (代表信息已脱敏)', security, params: IdParams } }, async (req) => getHearing(deps, staff(req), id(req)));
      app.patch('/api/hearings/:id', { schema: { tags, summary: '修改听证会 (举行前)', security, params: IdParams, body: S.HearingPatch } }, async (req) => editHearing(deps, staff(req), id(req), req.body as Q<typeof S.HearingPatch>));
      app.post('/api/hearings/:id/representatives', { schema: { tags, summary: '添加听证代表 (居民/企业)', security, params: IdParams, body: S.RepresentativeBody } }, async (req, reply) => reply.status(201).send(await addRepresentative(deps, staff(req), id(req), req.body as Q<typeof S.RepresentativeBody>)));
      app.post('/api/hearings/:id/materials', { schema: { tags, summary: '添加听证材料', security, params: IdParams, body: S.MaterialBody } }, async (req, reply) => reply.status(201).send(await addMaterial(deps, staff(req), id(req), req.body as Q<typeof S.MaterialBody>)));
      app.post('/api/hearings/:id/actions', { schema: { tags, summary: '发布公告 / 举行 (纪要) / 结果 / 取消', security, params: IdParams, body: S.ActionBody } }, async (req) => actOnHearing(deps, staff(req), id(req), req.body as Q<typeof S.ActionBody>));
      app.post('/api/hearings/:id/publication', { schema: { tags, summary: '在门户公示或撤下', security, params: IdParams, body: S.PublicationBody } }, async (req) => setHearingPublished(deps, staff(req), id(req), (req.body as Q<typeof S.PublicationBody>).published));
    });
    await root.register(async (app) => {
      const jid = () => deps.defaultJurisdictionId;
      app.addHook('onSend', async (_req, reply) => { reply.header('cache-control', 'no-store'); });
      app.get('/api/portal/hearings', { schema: { tags: ['portal'], summary: '听证公示 (已公示的听证会)' } }, async () => listPublicHearings(deps, jid()));
      app.get('/api/portal/hearings/:id', { schema: { tags: ['portal'], summary: '听证会公示详情', params: IdParams } }, async (req) => getPublicHearing(deps, jid(), id(req)));
    });
  };
}
