import type { FastifyPluginAsync } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import * as S from './schemas';
import { createPost, listPosts, patchPost } from './use-cases/work-posts';
import { addOfficer, listOfficersFor, removeOfficer } from './use-cases/officers';
import { getNetworkCompliance } from './use-cases/network-compliance';
import { dismissReport, fileReport, listReports, reportToAppeal, reportToDispute } from './use-cases/warning-reports';
import { getCommunityFile, getFileCoverage, writeCommunityFileSection } from './use-cases/community-files';
import { addDisputeStep, getDispute, listDisputesFor, registerDispute } from './use-cases/disputes';
import { acknowledgeWarning, listWarnings } from './use-cases/dispute-warnings';
import { listDueRevisits, recordRevisit } from './use-cases/revisits';
import { createRound, listRounds, returnRound } from './use-cases/screening';

const security = [{ bearer: [] }];
const tags = ['grassroots'];
type Q<T extends TSchema> = Static<T>;
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

/** 群众工作网络 (工作站, 工作室, 信息员, 合规表), 居情档案 (覆盖率, 历史), 矛盾纠纷排查预警 (台账, 调解, 回访, 排查, 预警). */
export function grassrootsRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/grassroots/posts', { schema: { tags, summary: '工作站与工作室', security } }, async (req) => listPosts(deps, staff(req)));
    app.post('/api/grassroots/posts', { schema: { tags, summary: '设立工作站 (街道/部门) 或工作室 (社区)', security, body: S.StationBody } }, async (req, reply) => reply.status(201).send(await createPost(deps, staff(req), req.body as Q<typeof S.StationBody>)));
    app.patch('/api/grassroots/posts/:id', { schema: { tags, summary: '更新人员与"五有""四有一要"', security, params: IdParams, body: S.StationPatch } }, async (req) => patchPost(deps, staff(req), id(req), req.body as Q<typeof S.StationPatch>));
    app.get('/api/grassroots/officers', { schema: { tags, summary: '信息员 (电话脱敏)', security } }, async (req) => listOfficersFor(deps, staff(req)));
    app.post('/api/grassroots/officers', { schema: { tags, summary: '新增信息员', security, body: S.OfficerBody } }, async (req, reply) => reply.status(201).send(await addOfficer(deps, staff(req), req.body as Q<typeof S.OfficerBody>)));
    app.delete('/api/grassroots/officers/:id', { schema: { tags, summary: '停用信息员', security, params: IdParams } }, async (req) => removeOfficer(deps, staff(req), id(req)));
    app.get('/api/grassroots/compliance', { schema: { tags, summary: '网格合规表 (按街道/部门，覆盖率与缺口)', security } }, async (req) => getNetworkCompliance(deps, staff(req)));

    app.post('/api/grassroots/officers/:id/reports', { schema: { tags, summary: '信息员预警上报', security, params: IdParams, body: S.ReportBody } }, async (req, reply) => reply.status(201).send(await fileReport(deps, staff(req), id(req), req.body as Q<typeof S.ReportBody>)));
    app.get('/api/grassroots/reports', { schema: { tags, summary: '预警信息', security } }, async (req) => listReports(deps, staff(req)));
    app.post('/api/grassroots/reports/:id/to-dispute', { schema: { tags, summary: '预警信息纳入矛盾纠纷台账', security, params: IdParams, body: S.ReportDisputeBody } }, async (req, reply) => reply.status(201).send(await reportToDispute(deps, staff(req), id(req), req.body as Q<typeof S.ReportDisputeBody>)));
    app.post('/api/grassroots/reports/:id/to-appeal', { schema: { tags, summary: '预警信息转为诉求', security, params: IdParams, body: S.ReportAppealBody } }, async (req, reply) => reply.status(201).send(await reportToAppeal(deps, staff(req), id(req), req.body as Q<typeof S.ReportAppealBody>)));
    app.post('/api/grassroots/reports/:id/dismiss', { schema: { tags, summary: '预警信息无需处置', security, params: IdParams } }, async (req) => dismissReport(deps, staff(req), id(req)));

    app.get('/api/grassroots/files', { schema: { tags, summary: '居情档案覆盖率 (按街道、社区)', security } }, async (req) => getFileCoverage(deps, staff(req)));
    app.get('/api/grassroots/files/:code', { schema: { tags, summary: '社区居情档案及历史', security, params: S.AreaParams } }, async (req) => getCommunityFile(deps, staff(req), (req.params as { code: string }).code));
    app.put('/api/grassroots/files/:code/:section', { schema: { tags, summary: '更新居情档案一节', security, params: S.SectionParams, body: S.FileSectionBody } }, async (req) => {
      const p = req.params as Q<typeof S.SectionParams>;
      return writeCommunityFileSection(deps, staff(req), p.code, p.section, (req.body as Q<typeof S.FileSectionBody>).content);
    });

    app.get('/api/grassroots/disputes', { schema: { tags, summary: '矛盾纠纷台账', security, querystring: S.DisputesQuery } }, async (req) => listDisputesFor(deps, staff(req), req.query as Q<typeof S.DisputesQuery>));
    app.post('/api/grassroots/disputes', { schema: { tags, summary: '登记矛盾纠纷 (高风险即预警)', security, body: S.DisputeBody } }, async (req, reply) => reply.status(201).send(await registerDispute(deps, staff(req), req.body as Q<typeof S.DisputeBody>)));
    app.get('/api/grassroots/disputes/:id', { schema: { tags, summary: '矛盾纠纷详情', security, params: IdParams } }, async (req) => getDispute(deps, staff(req), id(req)));
    app.post('/api/grassroots/disputes/:id/steps', { schema: { tags, summary: '调解过程 / 化解 / 调解不成 / 重新调解', security, params: IdParams, body: S.StepBody } }, async (req, reply) => reply.status(201).send(await addDisputeStep(deps, staff(req), id(req), req.body as Q<typeof S.StepBody>)));
    app.get('/api/grassroots/revisits', { schema: { tags, summary: '到期回访', security } }, async (req) => listDueRevisits(deps, staff(req)));
    app.post('/api/grassroots/disputes/:id/revisits/:seq', { schema: { tags, summary: '登记回访', security, params: S.RevisitParams, body: S.RevisitBody } }, async (req) => {
      const p = req.params as Q<typeof S.RevisitParams>;
      return recordRevisit(deps, staff(req), p.id, Number(p.seq), req.body as Q<typeof S.RevisitBody>);
    });
    app.get('/api/grassroots/warnings', { schema: { tags, summary: '高风险矛盾纠纷预警 (督查轮询)', security, querystring: S.WarningsQuery } }, async (req) => listWarnings(deps, staff(req), (req.query as Q<typeof S.WarningsQuery>).all !== '1'));
    app.post('/api/grassroots/warnings/:id/ack', { schema: { tags, summary: '确认预警', security, params: IdParams } }, async (req) => acknowledgeWarning(deps, staff(req), id(req)));
    app.get('/api/grassroots/screening-rounds', { schema: { tags, summary: '排查轮次及完成情况', security } }, async (req) => listRounds(deps, staff(req)));
    app.post('/api/grassroots/screening-rounds', { schema: { tags, summary: '发起排查', security, body: S.RoundBody } }, async (req, reply) => reply.status(201).send(await createRound(deps, staff(req), req.body as Q<typeof S.RoundBody>)));
    app.post('/api/grassroots/screening-rounds/:id/returns', { schema: { tags, summary: '街道报送排查结果', security, params: IdParams, body: S.ReturnBody } }, async (req, reply) => reply.status(201).send(await returnRound(deps, staff(req), id(req), req.body as Q<typeof S.ReturnBody>)));
  };
}
