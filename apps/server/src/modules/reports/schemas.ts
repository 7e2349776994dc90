import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ListAppealsQuery } from '../appeals/schemas';

/** The appeal list's filters, without paging: an export covers the whole filtered list (up to its row limit). */
export const ExportAppealsQuery = Type.Omit(ListAppealsQuery, ['cursor', 'limit']);
export type ExportAppealsFilter = Static<typeof ExportAppealsQuery>;

export const DashboardQuery = Type.Object({
  days: Type.Optional(Type.String({ pattern: '^([7-9]|[1-8][0-9]|90)$', description: 'days of trend, 7–90 (default 30)' })),
  soonHours: Type.Optional(Type.String({ pattern: '^([1-9]|[1-6][0-9]|7[0-2])$', description: '"due soon" horizon in hours, 1–72 (default 24)' })),
}, { additionalProperties: false });

export const StaffNamesQuery = Type.Object({
  ids: Type.String({ pattern: '^[0-9a-f-]{36}(,[0-9a-f-]{36}){0,99}$', description: 'up to 100 user ids, comma-separated' }),
}, { additionalProperties: false });

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'local calendar day YYYY-MM-DD (inclusive)' });
/** A dashboard chart's period: local days, both inclusive; `from` defaults to a span before `to` (default today). */
export const ReportPeriodQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  days: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$|^1[0-9]{3}$', description: 'instead of from: the last n days ending to, 1–1100 (default 30)' })),
}, { additionalProperties: false });

export const VolumeTrendQuery = Type.Object({
  bucket: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], { description: 'default day (30 days); week: 12 weeks; month: 12 months' })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
}, { additionalProperties: false });
