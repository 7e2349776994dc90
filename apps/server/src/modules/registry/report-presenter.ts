import { MODULES_OF_TIER, REPORT_MODULE_LABELS, REPORT_MODULES, REPORT_TIER_LABELS, REPORT_TIERS } from '@minsheng/domain';
import type { MonthlyReport } from './use-cases/monthly-report';

/** Modules read as they stand now rather than as they stood in the month (their records keep no history). */
export const SNAPSHOT_MODULES = ['network', 'communityFiles'] as const;

/** The monthly report's wire format: per tier its weights and ranked rows, each module with numerator and denominator. */
export function presentMonthlyReport(r: MonthlyReport) {
  return {
    month: r.month, asOf: r.asOf.toISOString(), asOfLocal: r.asOfLocal, complete: r.complete,
    modules: REPORT_MODULES.map((key) => ({ key, ...REPORT_MODULE_LABELS[key], snapshot: (SNAPSHOT_MODULES as readonly string[]).includes(key) })),
    tiers: REPORT_TIERS.map((tier) => ({
      tier, ...REPORT_TIER_LABELS[tier], modules: MODULES_OF_TIER[tier], weights: r.weights[tier],
      rows: r.tiers[tier].map((u) => ({ unitId: u.unitId, unitName: u.unitName, score: u.score, rank: u.rank, tierSize: u.tierSize, gaps: u.gaps, modules: u.modules })),
    })),
  };
}
