import { readDailyCounts } from '@minsheng/db';
import type { CountDim, CountKey, CountMeasure, DailyCountRow, Executor } from '@minsheng/db';
import type { ReportWindow } from './report-window';

/**
 * The window's appeals registered or closed, from the daily rollup, for a reader who sees the whole jurisdiction
 * (less the appeals accusing their own units). Null for a unit reader: whether an appeal is theirs depends on every
 * unit it was ever assigned to, which the rollup does not key by, so their (smaller) subtree is counted from the
 * appeals; null too when the rollup cannot answer the window.
 */
export async function windowCounts(db: Executor, jurisdictionId: string, w: ReportWindow, measure: CountMeasure, dim: CountDim, groupBy: readonly CountKey[]): Promise<DailyCountRow[] | null> {
  if (w.scope.unitIds !== null) return null;
  return readDailyCounts(db, {
    jurisdictionId, measure, dim, from: w.period.from, to: w.period.to, offsetMinutes: w.offset, excludeAccused: w.scope.ancestorIds, groupBy,
  });
}
