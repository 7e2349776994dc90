import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { AssessmentQuery, ExclusionBody, IndicatorAppealsQuery, IndicatorParams, IndicatorsQuery, MonthParams } from './schemas';
import type { ExclusionInput, IndicatorAppealsQueryInput, IndicatorsQueryInput } from './schemas';
import { computeIndicators } from './use-cases/compute-indicators';
import { listIndicatorAppeals } from './use-cases/list-indicator-appeals';
import { assessMonth } from './use-cases/assess-month';
import { freezeAssessmentMonth } from './use-cases/freeze-month';
import { excludeAppeal, restoreAppeal } from './use-cases/exclude-appeal';

const security = [{ bearer: [] }];

/** 指标与考核: the KPI figures of DOMAIN.md §7, their drill-down, and the monthly assessment. */
export function indicatorRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/indicators', { schema: { tags: ['indicators'], summary: '考核指标 (按单位/区域/分类/渠道/类型；日周月季年或自定义期间)', security, querystring: IndicatorsQuery } },
      async (req) => computeIndicators(deps, staff(req), req.query as IndicatorsQueryInput));

    app.get('/api/indicators/:indicator/appeals', { schema: { tags: ['indicators'], summary: '指标穿透 (某一数字背后的诉求)', security, params: IndicatorParams, querystring: IndicatorAppealsQuery } },
      async (req) => listIndicatorAppeals(deps, staff(req), (req.params as Static<typeof IndicatorParams>).indicator, req.query as IndicatorAppealsQueryInput));

    app.get('/api/assessment', { schema: { tags: ['indicators'], summary: '月度考核排名 (分档、红黑榜、冻结状态)', security, querystring: AssessmentQuery } },
      async (req) => assessMonth(deps, staff(req), (req.query as Static<typeof AssessmentQuery>).month));

    app.post('/api/assessment/:month/freeze', { schema: { tags: ['indicators'], summary: '冻结已结束月份的考核结果 (管理员)', security, params: MonthParams } },
      async (req) => freezeAssessmentMonth(deps, staff(req), (req.params as Static<typeof MonthParams>).month));

    app.post('/api/assessment/exclusions', { schema: { tags: ['indicators'], summary: '考核剔除 (附理由，记入审计日志)', security, body: ExclusionBody } },
      async (req, reply) => { const r = await excludeAppeal(deps, staff(req), req.body as ExclusionInput); return reply.status(r.created ? 201 : 200).send(r); });

    app.delete('/api/assessment/exclusions', { schema: { tags: ['indicators'], summary: '撤销考核剔除 (附理由，记入审计日志)', security, body: ExclusionBody } },
      async (req) => restoreAppeal(deps, staff(req), req.body as ExclusionInput));
  };
}
