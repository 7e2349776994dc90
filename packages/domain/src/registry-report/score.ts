import { MODULES_OF_TIER, REPORT_MODULES } from './modules';
import type { ReportModule, ReportTier, ReportWeights } from './modules';

/**
 * Scoring one tier of the monthly report: each module's rate (numerator over denominator), a weighted score out of
 * 100 and a rank. A module with nothing to count for a unit (no leaders, no requests due) is not held against it:
 * its weight is spread over the unit's other modules, so every unit is scored out of the same 100. Pure.
 */
export interface UnitFigures { unitId: string; unitName: string; figures: Partial<Record<ReportModule, { numerator: number; denominator: number }>> }

export interface ScoredModule { numerator: number; denominator: number; rate: number | null; weight: number; points: number | null }
export interface ScoredUnit {
  unitId: string;
  unitName: string;
  modules: Record<ReportModule, ScoredModule>;
  /** Out of 100, two decimals; null when no weighted module had anything to count. */
  score: number | null;
  /** 1 = best; equal scores share a rank (1, 2, 2, 4); null with no score. */
  rank: number | null;
  /** Weighted modules below 100 %. */
  gaps: ReportModule[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function scoreUnit(tier: ReportTier, unit: UnitFigures, weights: ReportWeights): Omit<ScoredUnit, 'rank'> {
  const applies = MODULES_OF_TIER[tier];
  const modules = {} as Record<ReportModule, ScoredModule>;
  let assessedWeight = 0;
  let earned = 0;
  for (const key of REPORT_MODULES) {
    const f = applies.includes(key) ? unit.figures[key] : undefined;
    const weight = applies.includes(key) ? weights[key] ?? 0 : 0;
    const rate = f && f.denominator > 0 ? f.numerator / f.denominator : null;
    if (rate !== null && weight > 0) { assessedWeight += weight; earned += weight * rate; }
    modules[key] = { numerator: f?.numerator ?? 0, denominator: f?.denominator ?? 0, rate, weight, points: null };
  }
  const scale = assessedWeight > 0 ? 100 / assessedWeight : 0;
  for (const key of REPORT_MODULES) {
    const m = modules[key];
    if (m.rate !== null && m.weight > 0) m.points = round2(m.weight * scale * m.rate);
  }
  return {
    unitId: unit.unitId, unitName: unit.unitName, modules,
    score: assessedWeight > 0 ? round2(earned * scale) : null,
    gaps: REPORT_MODULES.filter((k) => modules[k].weight > 0 && modules[k].rate !== null && modules[k].rate! < 1),
  };
}

/** Every unit of a tier scored and ranked, best first (unscored last, then by name). */
export function scoreTier(tier: ReportTier, units: readonly UnitFigures[], weights: ReportWeights): ScoredUnit[] {
  const scored = units.map((u) => scoreUnit(tier, u, weights))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unitName.localeCompare(b.unitName, 'zh'));
  return scored.map((u) => ({ ...u, rank: u.score === null ? null : scored.findIndex((o) => o.score === u.score) + 1 }));
}
