/** Wire shapes of /api/indicators and /api/assessment (the server's presenters). */
export interface PeriodWire { kind: string; from: string; to: string; firstDay: string; lastDay: string }
export interface FigureWire { indicator: string; numerator: number; denominator: number; rate: number | null }
export interface IndicatorWire { code: string; zh: string; en: string; better: 'higher' | 'lower'; numerator: string; denominator: string }
export interface Figures { period: PeriodWire; groupBy: Grouping; indicators: IndicatorWire[]; groups: { key: string; figures: FigureWire[] }[] }
export interface Members { total: number; limit: number; offset: number; items: { appealId: string; number: string; title: string; unitId: string; at: string; numerator: number }[] }
export interface UnitScoreWire {
  unitId: string; unitName: string; rank: number | null; composite: number | null; score: number | null;
  deductions: { overdue: number; redo: number; total: number };
  rates: { response: number | null; resolution: number | null; satisfaction: number | null };
}
export interface Assessment {
  month: string; frozen: boolean; frozenAt: string | null; weights: { response: number; resolution: number; satisfaction: number };
  tiers: { key: string; zh: string; en: string; units: UnitScoreWire[]; red: string[]; black: string[] }[];
}
export type Grouping = 'unit' | 'area' | 'category' | 'channel' | 'kind';
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'custom';
/** What the figures are asked for; the drill-down repeats it so its list equals the figure. */
export interface FigureQuery { period: PeriodKind; from: string; to?: string; groupBy: Grouping; includeSubunits: boolean }

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
