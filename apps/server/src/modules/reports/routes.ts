import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { DashboardQuery, ExportAppealsQuery, ReportPeriodQuery, StaffNamesQuery, VolumeTrendQuery } from './schemas';
import type { ExportAppealsFilter } from './schemas';
import { appealBreakdown } from './use-cases/appeal-breakdown';
import { dashboard } from './use-cases/dashboard';
import { exportAppeals } from './use-cases/export-appeals';
import { serverMeta } from './use-cases/meta';
import { staffNames } from './use-cases/staff-names';
import { streetFigures } from './use-cases/street-figures';
import { volumeTrend } from './use-cases/volume-trend';

const security = [{ bearer: [] }];
const periodOf = (q: Static<typeof ReportPeriodQuery>) => ({ from: q.from, to: q.to, days: q.days === undefined ? undefined : Number(q.days) });

/** GET /api/meta: public facts for the console's login page (no session needed). */
export function metaRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/meta', { schema: { tags: ['system'], summary: '服务信息 (登录页：辖区、版本，演示环境的演示账号)' } }, async () => serverMeta(deps));
  };
}

/** 统计报表: dashboard figures and exports, scoped like the appeal list to the user's units. */
export function reportRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    // Authenticate on request, before validation: without a session the answer is always 401.
    app.addHook('onRequest', requireStaff(deps));

    app.get('/api/reports/dashboard', { schema: { tags: ['reports'], summary: '数据看板 (今日受理、在办、超期、临期；按单位；按日趋势)', security, querystring: DashboardQuery } }, async (req) => {
      const q = req.query as Static<typeof DashboardQuery>;
      return dashboard(deps, staff(req), { days: Number(q.days ?? 30), soonHours: Number(q.soonHours ?? 24) });
    });

    app.get('/api/reports/volume-trend', { schema: { tags: ['reports'], summary: '分渠道受理量趋势 (按日/周/月，本地日历)', security, querystring: VolumeTrendQuery } }, async (req) => {
      const q = req.query as Static<typeof VolumeTrendQuery>;
      return volumeTrend(deps, staff(req), { bucket: q.bucket ?? 'day', from: q.from, to: q.to });
    });
    app.get('/api/reports/breakdown', { schema: { tags: ['reports'], summary: '诉求类型与分类构成 (分类树逐级汇总，供矩形树图)', security, querystring: ReportPeriodQuery } }, async (req) => {
      return appealBreakdown(deps, staff(req), periodOf(req.query as Static<typeof ReportPeriodQuery>));
    });
    app.get('/api/reports/streets', { schema: { tags: ['reports'], summary: '街镇分布 (受理量、超期率；社区汇总到所属街镇)', security, querystring: ReportPeriodQuery } }, async (req) => {
      return streetFigures(deps, staff(req), periodOf(req.query as Static<typeof ReportPeriodQuery>));
    });

    app.get('/api/reports/appeals.xlsx', { schema: { tags: ['reports'], summary: '导出诉求列表 (XLSX；与列表相同的筛选条件；最多 50000 行；个人信息脱敏)', security, querystring: ExportAppealsQuery } }, async (req, reply) => {
      const { stream, fileName } = await exportAppeals(deps, staff(req), req.query as ExportAppealsFilter);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="appeals.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(stream);
    });

    app.get('/api/staff/names', { schema: { tags: ['reference'], summary: '工作人员姓名 (时间线显示操作人)', security, querystring: StaffNamesQuery } }, async (req) => {
      return staffNames(deps, staff(req), (req.query as Static<typeof StaffNamesQuery>).ids.split(','));
    });
  };
}
