import type { AssessmentSettings } from '../settings';

/** A figure: numerator over denominator; the rate is absent when nothing was counted. */
export interface Figure { numerator: number; denominator: number }

export function rateOf(f: Figure): number | null {
  return f.denominator > 0 ? f.numerator / f.denominator : null;
}

/** What the assessment reads of one unit's month. */
export interface UnitMonth {
  unitId: string;
  unitKind: string;
  response: Figure;
  resolution: Figure;
  satisfaction: Figure;
  /** Handling clocks that ran past due (按时办结率's denominator minus numerator). */
  overdue: number;
  /** Closed appeals that had been redone (重办率's numerator). */
  redone: number;
}

export interface UnitScore {
  unitId: string;
  rank: number | null;
  /** 0–100: the weighted mean of the 三率 that have a denominator; null when none has. */
  composite: number | null;
  deductions: { overdue: number; redo: number; total: number };
  score: number | null;
  rates: { response: number | null; resolution: number | null; satisfaction: number | null };
}

export interface TierRanking { key: string; zh: string; en: string; units: UnitScore[]; red: string[]; black: string[] }

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The composite score (三率 at the core, 北京市接诉即办工作条例 art. 32): weights from settings, normalised over the
 * components that have data, so a unit without callbacks is judged on what it did rather than zeroed.
 */
export function compositeScore(u: Pick<UnitMonth, 'response' | 'resolution' | 'satisfaction'>, weights: AssessmentSettings['compositeWeights']): number | null {
  let sum = 0;
  let weight = 0;
  for (const key of ['response', 'resolution', 'satisfaction'] as const) {
    const r = rateOf(u[key]);
    if (r === null || weights[key] <= 0) continue;
    sum += weights[key] * r;
    weight += weights[key];
  }
  return weight > 0 ? round((sum / weight) * 100) : null;
}

/** Points off for overdue handling and redone appeals, capped per month. */
export function deductionsOf(u: Pick<UnitMonth, 'overdue' | 'redone'>, d: AssessmentSettings['deductions']) {
  const overdue = round(u.overdue * d.overduePoints);
  const redo = round(u.redone * d.redoPoints);
  return { overdue, redo, total: round(Math.min(d.maxPoints, overdue + redo)) };
}

/**
 * 分档分类 ranking: each tier ranks its own units by score (ties share a rank, then by unit id for a stable order);
 * units without any figure are listed unranked. The red list (红榜) is the top, the black list (黑榜) the bottom,
 * each at most `listSize` and at most half the ranked units so a unit is never on both.
 */
export function rankTiers(units: readonly UnitMonth[], settings: AssessmentSettings): TierRanking[] {
  return settings.tiers.map((tier) => {
    const scored: UnitScore[] = units.filter((u) => tier.unitKinds.includes(u.unitKind)).map((u) => {
      const composite = compositeScore(u, settings.compositeWeights);
      const deductions = deductionsOf(u, settings.deductions);
      return {
        unitId: u.unitId, rank: null, composite, deductions,
        score: composite === null ? null : round(composite - deductions.total),
        rates: { response: rateOf(u.response), resolution: rateOf(u.resolution), satisfaction: rateOf(u.satisfaction) },
      };
    });
    const ranked = scored.filter((s) => s.score !== null).sort((a, b) => b.score! - a.score! || a.unitId.localeCompare(b.unitId));
    ranked.forEach((s, i) => { s.rank = i > 0 && ranked[i - 1]!.score === s.score ? ranked[i - 1]!.rank : i + 1; });
    const size = Math.min(settings.listSize, Math.floor(ranked.length / 2));
    const unranked = scored.filter((s) => s.score === null).sort((a, b) => a.unitId.localeCompare(b.unitId));
    return {
      key: tier.key, zh: tier.zh, en: tier.en, units: [...ranked, ...unranked],
      red: ranked.slice(0, size).map((s) => s.unitId),
      black: size > 0 ? ranked.slice(-size).reverse().map((s) => s.unitId) : [],
    };
  });
}
