/** The console's client for the monthly registry report (/api/registry/report); types mirror report-presenter.ts. */
import { api } from '../../api/client';

export type ReportModuleKey = 'network' | 'communityFiles' | 'diaries' | 'receptions' | 'screening' | 'revisits' | 'proxy';
export interface ReportModuleFigure { numerator: number; denominator: number; rate: number | null; weight: number; points: number | null }
export interface ReportRow {
  unitId: string; unitName: string; score: number | null; rank: number | null; tierSize: number; gaps: ReportModuleKey[];
  modules: Record<ReportModuleKey, ReportModuleFigure>;
}
export interface ReportTier { tier: 'street' | 'department'; zh: string; en: string; modules: ReportModuleKey[]; weights: Record<ReportModuleKey, number>; rows: ReportRow[] }
export interface MonthlyReport {
  month: string; asOf: string; /** The jurisdiction's local 'YYYY-MM-DD HH:mm' of asOf. */
  asOfLocal: string; complete: boolean;
  modules: { key: ReportModuleKey; zh: string; en: string; snapshot: boolean }[];
  tiers: ReportTier[];
}

export const reportApi = {
  report: (month: string, signal?: AbortSignal) => api.get<MonthlyReport>('/api/registry/report', { month }, signal),
  download: (month: string) => api.download('/api/registry/report.xlsx', { month }, `registry-report-${month}.xlsx`),
};
