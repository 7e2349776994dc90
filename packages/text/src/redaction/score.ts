import type { PiiSpan, PiiType } from './types';

/** An expected piece of personal data located in its sentence. */
export interface GoldSpan { type: PiiType; start: number; end: number }

/** Recall per type and false positives of found spans against gold spans. */
export interface RedactionScore {
  perType: Record<string, { expected: number; found: number; exact: number }>;
  /** Found spans overlapping no gold span at all. */
  falsePositives: PiiSpan[];
  /** Found spans of the wrong type over a gold span. */
  wrongType: PiiSpan[];
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Scores detections: a gold span counts as found when a detection of its type covers at least half of it (address
 * boundaries are fuzzy; numbers are in practice exact, which the `exact` count shows).
 */
export function scoreRedaction(cases: readonly { gold: GoldSpan[]; found: PiiSpan[] }[]): RedactionScore {
  const score: RedactionScore = { perType: {}, falsePositives: [], wrongType: [] };
  for (const { gold, found } of cases) {
    for (const g of gold) {
      const t = (score.perType[g.type] ??= { expected: 0, found: 0, exact: 0 });
      t.expected++;
      const hit = found.find((f) => f.type === g.type && overlap(f, g) * 2 >= g.end - g.start);
      if (hit) t.found++;
      if (hit && hit.start === g.start && hit.end === g.end) t.exact++;
    }
    for (const f of found) {
      const over = gold.filter((g) => overlap(f, g) > 0);
      if (over.length === 0) score.falsePositives.push(f);
      else if (!over.some((g) => g.type === f.type)) score.wrongType.push(f);
    }
  }
  return score;
}
