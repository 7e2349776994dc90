import { Type } from 'typebox';
import type { Static } from 'typebox';
import { REPORT_KINDS } from './report-body';

const kind = Type.Union(REPORT_KINDS.map((k) => Type.Literal(k)), { description: 'weekly 周报 | monthly 月报 | petition 信访分析报告' });

export const GenerateReportBody = Type.Object({
  kind,
  period: Type.String({ minLength: 4, maxLength: 10, description: 'weekly: YYYY-MM-DD (any day of the week); monthly: YYYY-MM; petition: YYYY-MM or YYYY-Qn' }),
  suggestions: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' }), { maxItems: 20, description: '意见建议 (petition report): staff text; absent → generated placeholders, marked' })),
}, { additionalProperties: false });
export type GenerateReportInput = Static<typeof GenerateReportBody>;

export const ListReportsQuery = Type.Object({
  kind: Type.Optional(kind),
  limit: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$', description: '1–200 (default 100)' })),
}, { additionalProperties: false });
export type ListReportsInput = Static<typeof ListReportsQuery>;

export const ReportParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$', description: 'report id' }) });
