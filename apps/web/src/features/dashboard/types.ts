/** Wire shapes of the dashboard charts' endpoints (GET /api/reports/volume-trend, /breakdown, /streets; /api/text/*). */
export interface WindowWire { from: string; to: string; firstDay: string; lastDay: string }
export type TrendBucket = 'day' | 'week' | 'month';

export interface VolumeTrend {
  period: WindowWire; bucket: TrendBucket; total: number; totals: number[];
  buckets: { key: string; firstDay: string; lastDay: string }[];
  channels: { channel: string; total: number; counts: number[] }[];
}

export interface CategoryCount { id: string; name: string; count: number; direct: number; children: CategoryCount[] }
export interface Breakdown { period: WindowWire; total: number; byKind: { kind: string; count: number }[]; categories: CategoryCount[]; uncategorised: number }

export interface StreetFigures { volume: number; overdue: number; overdueRate: number | null; open: number }
export interface Streets { period: WindowWire; asOf: string; total: number; streets: (StreetFigures & { areaCode: string; name: string; shortName: string })[]; unlocated: StreetFigures }

export interface HotTopics {
  from: string; to: string; appeals: number; truncated: boolean;
  topics: { label: string; terms: string[]; size: number; previousSize: number; growth: number | null; representative: { id: string; number: string | null; title: string }; areas: { areaCode: string; name: string | null; count: number }[] }[];
}

export interface Warning {
  id: string; kind: 'spike' | 'risk'; day: string; level: string; status: string; categoryName: string | null; areaName: string | null;
  term: string | null; count: number; expected: number | null; appeals: { id: string; number: string; title: string }[]; hiddenAppeals: number;
}

/** The dashboard's period choices for the breakdown and the map: the last n days ending today. */
export const PERIOD_DAYS = [7, 30, 90, 365] as const;

/** YYYY-MM-DD of the day n-1 days before `today` (a local calendar day from the server), so the span has n days. */
export function dayBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}
