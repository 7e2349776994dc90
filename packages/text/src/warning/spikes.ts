import { negativeBinomialUpperTail, poissonUpperTail } from './stats';

/** Appeals of one category in one area on one day (date as YYYY-MM-DD, local). */
export interface DailyCount {
  date: string;
  categoryId: string;
  areaCode: string;
  count: number;
}

export interface SpikeOptions {
  /** Days of history forming each day's baseline (default 28). */
  baselineDays?: number;
  /** Days of history needed before a day is judged (default 7). */
  minHistoryDays?: number;
  /** Largest tail probability reported (default 0.001). */
  maxPValue?: number;
  /** Fewest appeals a spike must have: 3 where 0 is normal is unusual but not news (default 5). */
  minCount?: number;
  /** Only judge these days (default every day with enough history). */
  days?: readonly string[];
}

/** A day whose count is improbably high against its own series' baseline (异常激增). */
export interface Spike {
  date: string;
  categoryId: string;
  areaCode: string;
  count: number;
  /** Baseline mean per day. */
  expected: number;
  /** One-sided tail probability P(X ≥ count) under the baseline. */
  pValue: number;
  /** −log10(pValue): 3 = one in a thousand. */
  score: number;
  /** count / expected (expected floored at 0.5 so new series do not divide by zero). */
  ratio: number;
  /** Which null model judged it. */
  model: 'poisson' | 'negative_binomial';
}

const DAY_MS = 86_400_000;
const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Calendar day (YYYY-MM-DD) of an instant in a fixed UTC offset (China: +480 minutes, no daylight saving). */
export function localDay(at: Date | string | number, utcOffsetMinutes = 480): string {
  return new Date(new Date(at).getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Counts appeals per local day × category × area. */
export function dailyCounts(appeals: readonly { createdAt: Date | string | number; categoryId: string; areaCode: string }[], utcOffsetMinutes = 480): DailyCount[] {
  const counts = new Map<string, DailyCount>();
  for (const a of appeals) {
    const date = localDay(a.createdAt, utcOffsetMinutes);
    const key = `${date}\u0000${a.categoryId}\u0000${a.areaCode}`;
    const c = counts.get(key);
    if (c) c.count++; else counts.set(key, { date, categoryId: a.categoryId, areaCode: a.areaCode, count: 1 });
  }
  return [...counts.values()];
}

/**
 * Flags days whose count in a category × area series is improbably high against that series' previous
 * `baselineDays` (missing days count 0). Poisson tail when the history is Poisson-like, negative binomial when it is
 * over-dispersed. Sorted by p-value, most surprising first.
 */
export function detectSpikes(counts: readonly DailyCount[], options: SpikeOptions = {}): Spike[] {
  const baselineDays = options.baselineDays ?? 28;
  const minHistory = options.minHistoryDays ?? 7;
  const maxP = options.maxPValue ?? 0.001;
  const minCount = options.minCount ?? 5;
  const series = new Map<string, { categoryId: string; areaCode: string; byDay: Map<number, number> }>();
  let first = Infinity;
  let last = -Infinity;
  for (const c of counts) {
    const day = dayNumber(c.date);
    if (!Number.isFinite(day)) throw new RangeError(`bad date ${c.date}`);
    first = Math.min(first, day);
    last = Math.max(last, day);
    const key = `${c.categoryId}\u0000${c.areaCode}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { categoryId: c.categoryId, areaCode: c.areaCode, byDay: new Map() }));
    s.byDay.set(day, (s.byDay.get(day) ?? 0) + c.count);
  }
  const judged = options.days ? options.days.map(dayNumber) : Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  const spikes: Spike[] = [];
  for (const s of series.values()) {
    for (const day of judged) {
      const count = s.byDay.get(day) ?? 0;
      if (count < minCount) continue;
      const from = Math.max(first, day - baselineDays);
      const history = day - from;
      if (history < minHistory) continue;
      let sum = 0;
      let sumSq = 0;
      for (let d = from; d < day; d++) { const v = s.byDay.get(d) ?? 0; sum += v; sumSq += v * v; }
      const mean = sum / history;
      const variance = history > 1 ? (sumSq - history * mean * mean) / (history - 1) : mean;
      // A silent history is "rare, not impossible": floor the rate so one busy day is judged, not infinitely surprising.
      const lambda = Math.max(mean, 0.5 / history);
      const overdispersed = variance > mean * 1.5 && mean > 0;
      const pValue = overdispersed ? negativeBinomialUpperTail(count, lambda, variance) : poissonUpperTail(count, lambda);
      if (pValue > maxP) continue;
      spikes.push({ date: dayString(day), categoryId: s.categoryId, areaCode: s.areaCode, count, expected: mean, pValue,
        score: -Math.log10(Math.max(pValue, 1e-300)), ratio: count / Math.max(mean, 0.5), model: overdispersed ? 'negative_binomial' : 'poisson' });
    }
  }
  return spikes.sort((a, b) => a.pValue - b.pValue || b.count - a.count);
}
