import type { FastifyPluginAsync } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { IdParams } from '../../http/schema-helpers';
import * as S from './schemas';
import { monthOr } from './this-month';
import { listRoster } from './use-cases/list-roster';
import { onDuty } from './use-cases/on-duty';
import { createShift, patchShift } from './use-cases/save-shift';
import { decideSwapRequest, listSwapRequests, requestSwap } from './use-cases/swaps';
import { firstInquiry, myFirstInquiries } from './use-cases/first-inquiry';
import { createRule, listRules } from './use-cases/reception-rules';
import { cancelRule, editRule } from './use-cases/edit-reception-rule';
import { cancelSession, editSession } from './use-cases/edit-reception-session';
import { listStaff } from './use-cases/list-staff';
import { getReceptionCoverage } from './use-cases/reception-coverage';
import { getSession, listSessions, recordSession } from './use-cases/sessions';
import { addMatter } from './use-cases/add-matter';
import { sessionMinutes } from './use-cases/session-minutes';
import { addCaseProgress, listCases, ownCase } from './use-cases/cases';
import { listDiaries, writeDiary } from './use-cases/diaries';
import { diaryToAppeal } from './use-cases/diary-to-appeal';
import { getDiaryCompliance } from './use-cases/diary-compliance';
import { buildMonthlyReport } from './use-cases/monthly-report';
import { monthlyReportWorkbook } from './use-cases/report-workbook';
import { presentMonthlyReport } from './report-presenter';

const security = [{ bearer: [] }];
const tags = ['registry'];
type Q<T extends TSchema> = Static<T>;
const id = (req: { params: unknown }) => (req.params as { id: string }).id;

/** 群众工作台账: 值班 (AB岗, 换班, 首问负责), 领导接访 (安排, 场次, 事项→诉求, 纪要, 包案), 民情日记 (合规, 转诉求). */
export function registryRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/registry/staff', { schema: { tags, summary: '人员名单 (排班与接访安排用; 不含联系方式)', security, querystring: S.StaffQuery } }, async (req) => {
      const q = req.query as Q<typeof S.StaffQuery>;
      return listStaff(deps, staff(req), { q: q.q, leaders: q.leaders === 'true', limit: q.limit === undefined ? undefined : Number(q.limit) });
    });
    app.get('/api/registry/on-duty', { schema: { tags, summary: '当前值班人员 (A岗与B岗)', security } }, async (req) => onDuty(deps, staff(req)));
    app.get('/api/registry/shifts', { schema: { tags, summary: '值班表及AB岗检查', security, querystring: S.RangeQuery } }, async (req) => listRoster(deps, staff(req), req.query as Q<typeof S.RangeQuery>));
    app.post('/api/registry/shifts', { schema: { tags, summary: '新增值班岗位 (须有B岗)', security, body: S.ShiftBody } }, async (req, reply) => reply.status(201).send(await createShift(deps, staff(req), req.body as Q<typeof S.ShiftBody>)));
    app.patch('/api/registry/shifts/:id', { schema: { tags, summary: '修改值班岗位', security, params: IdParams, body: S.ShiftPatch } }, async (req) => patchShift(deps, staff(req), id(req), req.body as Q<typeof S.ShiftPatch>));
    app.post('/api/registry/shifts/:id/swaps', { schema: { tags, summary: '申请换班', security, params: IdParams, body: S.SwapBody } }, async (req, reply) => reply.status(201).send(await requestSwap(deps, staff(req), id(req), req.body as Q<typeof S.SwapBody>)));
    app.get('/api/registry/swaps', { schema: { tags, summary: '换班申请', security, querystring: S.SwapsQuery } }, async (req) => listSwapRequests(deps, staff(req), (req.query as Q<typeof S.SwapsQuery>).status));
    app.post('/api/registry/swaps/:id/decision', { schema: { tags, summary: '审批换班', security, params: IdParams, body: S.SwapDecisionBody } }, async (req) => decideSwapRequest(deps, staff(req), id(req), (req.body as Q<typeof S.SwapDecisionBody>).decision));
    app.get('/api/registry/first-inquiry/:appealId', { schema: { tags, summary: '首问负责人', security, params: S.AppealIdParams } }, async (req) => firstInquiry(deps, staff(req), (req.params as { appealId: string }).appealId));
    app.get('/api/registry/first-inquiries', { schema: { tags, summary: '我首问且尚未派出的诉求', security } }, async (req) => myFirstInquiries(deps, staff(req)));

    app.get('/api/registry/reception-rules', { schema: { tags, summary: '领导接访/热线循环安排', security } }, async (req) => listRules(deps, staff(req)));
    app.post('/api/registry/reception-rules', { schema: { tags, summary: '新增循环安排 (发布到门户)', security, body: S.ReceptionRuleBody } }, async (req, reply) => reply.status(201).send(await createRule(deps, staff(req), req.body as Q<typeof S.ReceptionRuleBody>)));
    app.patch('/api/registry/reception-rules/:id', { schema: { tags, summary: '修改、停用或启用循环安排 (今后的场次重新发布)', security, params: IdParams, body: S.ReceptionRulePatch } }, async (req) => editRule(deps, staff(req), id(req), req.body as Q<typeof S.ReceptionRulePatch>));
    app.post('/api/registry/reception-rules/:id/cancel', { schema: { tags, summary: '取消循环安排 (须说明理由)', security, params: IdParams, body: S.CancelBody } }, async (req) => cancelRule(deps, staff(req), id(req), req.body as Q<typeof S.CancelBody>));
    app.get('/api/registry/reception-coverage', { schema: { tags, summary: '领导接访覆盖 (每个工作日、每位领导每月)', security, querystring: S.MonthQuery } }, async (req) => {
      const user = staff(req);
      return getReceptionCoverage(deps, user, await monthOr(deps, user, (req.query as Q<typeof S.MonthQuery>).month));
    });
    app.get('/api/registry/sessions', { schema: { tags, summary: '接访/热线场次', security } }, async (req) => listSessions(deps, staff(req)));
    app.post('/api/registry/sessions', { schema: { tags, summary: '记录接访/热线场次', security, body: S.SessionBody } }, async (req, reply) => reply.status(201).send(await recordSession(deps, staff(req), req.body as Q<typeof S.SessionBody>)));
    app.get('/api/registry/sessions/:id', { schema: { tags, summary: '场次及事项办理结果', security, params: IdParams } }, async (req) => getSession(deps, staff(req), id(req)));
    app.patch('/api/registry/sessions/:id', { schema: { tags, summary: '修改接访/热线场次', security, params: IdParams, body: S.SessionPatch } }, async (req) => editSession(deps, staff(req), id(req), req.body as Q<typeof S.SessionPatch>));
    app.post('/api/registry/sessions/:id/cancel', { schema: { tags, summary: '取消接访/热线场次 (须说明理由; 门户不再显示)', security, params: IdParams, body: S.CancelBody } }, async (req) => cancelSession(deps, staff(req), id(req), req.body as Q<typeof S.CancelBody>));
    app.post('/api/registry/sessions/:id/matters', { schema: { tags, summary: '来访事项转为诉求', security, params: IdParams, body: S.MatterBody } }, async (req, reply) => reply.status(201).send(await addMatter(deps, staff(req), id(req), req.body as Q<typeof S.MatterBody>)));
    app.get('/api/registry/sessions/:id/minutes', { schema: { tags, summary: '接访纪要', security, params: IdParams } }, async (req) => sessionMinutes(deps, staff(req), id(req)));
    app.get('/api/registry/cases', { schema: { tags, summary: '领导包案', security } }, async (req) => listCases(deps, staff(req)));
    app.post('/api/registry/cases', { schema: { tags, summary: '新增包案', security, body: S.CaseBody } }, async (req, reply) => reply.status(201).send(await ownCase(deps, staff(req), req.body as Q<typeof S.CaseBody>)));
    app.post('/api/registry/cases/:id/progress', { schema: { tags, summary: '包案进展', security, params: IdParams, body: S.ProgressBody } }, async (req, reply) => reply.status(201).send(await addCaseProgress(deps, staff(req), id(req), req.body as Q<typeof S.ProgressBody>)));

    app.get('/api/registry/diaries', { schema: { tags, summary: '民情日记', security, querystring: S.MonthQuery } }, async (req) => {
      const user = staff(req);
      return listDiaries(deps, user, await monthOr(deps, user, (req.query as Q<typeof S.MonthQuery>).month));
    });
    app.post('/api/registry/diaries', { schema: { tags, summary: '写民情日记 (领导)', security, body: S.DiaryBody } }, async (req, reply) => reply.status(201).send(await writeDiary(deps, staff(req), req.body as Q<typeof S.DiaryBody>)));
    app.post('/api/registry/diaries/:id/to-appeal', { schema: { tags, summary: '民情诉求转为诉求', security, params: IdParams, body: S.DiaryAppealBody } }, async (req, reply) => reply.status(201).send(await diaryToAppeal(deps, staff(req), id(req), req.body as Q<typeof S.DiaryAppealBody>)));
    app.get('/api/registry/diary-compliance', { schema: { tags, summary: '民情日记月度合规', security, querystring: S.MonthQuery } }, async (req) => {
      const user = staff(req);
      return getDiaryCompliance(deps, user, await monthOr(deps, user, (req.query as Q<typeof S.MonthQuery>).month));
    });
    app.get('/api/registry/report', { schema: { tags, summary: '群众工作月度考核 (按街道/部门评分排名；未开始的月份 MONTH_NOT_STARTED)', security, querystring: S.MonthQuery } }, async (req) => {
      const user = staff(req);
      return presentMonthlyReport(await buildMonthlyReport(deps, user, await monthOr(deps, user, (req.query as Q<typeof S.MonthQuery>).month)));
    });
    app.get('/api/registry/report.xlsx', { schema: { tags, summary: '群众工作月度考核下载 (XLSX：总表及各项目明细)', security, querystring: S.MonthQuery } }, async (req, reply) => {
      const user = staff(req);
      const { buffer, fileName } = await monthlyReportWorkbook(await buildMonthlyReport(deps, user, await monthOr(deps, user, (req.query as Q<typeof S.MonthQuery>).month)));
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="registry-report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store').send(buffer);
    });
  };
}
