import type { FastifyPluginAsync } from 'fastify';
import type { Static } from 'typebox';
import type { Deps } from '../../deps';
import { requireStaff, staff } from '../../http/authenticate-hook';
import { presentReport } from './presenter';
import { GenerateReportBody, ListReportsQuery, ReportParams } from './schemas';
import type { GenerateReportInput, ListReportsInput } from './schemas';
import { listReports } from './use-cases/list-reports';
import { printReport } from './use-cases/print-report';
import { readReport } from './use-cases/read-report';
import { reportWorkbook } from './use-cases/report-workbook';
import { requestReport } from './use-cases/request-report';

const security = [{ bearer: [] }];
type Params = Static<typeof ReportParams>;

/** 周报、月报、信访分析报告: generated on a schedule or on demand, stored frozen, read as JSON, XLSX or a printable page. */
export function generatedReportRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', requireStaff(deps));

    app.post('/api/reports', { schema: { tags: ['reports'], summary: '生成报告 (周报/月报/信访分析报告；领导、督办员、管理员)', security, body: GenerateReportBody } },
      async (req, reply) => reply.status(201).send(await requestReport(deps, staff(req), req.body as GenerateReportInput)));

    app.get('/api/reports', { schema: { tags: ['reports'], summary: '已生成的报告 (最新在前)', security, querystring: ListReportsQuery } },
      async (req) => listReports(deps, staff(req), req.query as ListReportsInput));

    app.get('/api/reports/:id', { schema: { tags: ['reports'], summary: '报告内容 (生成时冻结的 JSON)', security, params: ReportParams } },
      async (req) => presentReport(await readReport(deps, staff(req), (req.params as Params).id)));

    app.get('/api/reports/:id.xlsx', { schema: { tags: ['reports'], summary: '报告下载 (XLSX，每节一个工作表，不含个人信息)', security, params: ReportParams } }, async (req, reply) => {
      const { stream, fileName } = reportWorkbook(await readReport(deps, staff(req), (req.params as Params).id));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(stream);
    });

    app.get('/api/reports/:id/print', { schema: { tags: ['reports'], summary: '报告打印页 (HTML；浏览器打印或另存为 PDF)', security, params: ReportParams } }, async (req, reply) => {
      const html = printReport(await readReport(deps, staff(req), (req.params as Params).id));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store')
        // No script, nothing from elsewhere: the page is text and inline CSS only.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
        .send(html);
    });
  };
}
