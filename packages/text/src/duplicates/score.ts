import { termKey } from './features';
import type { PreparedAppeal, PreparedQuery } from './features';
import { commonBound, jaccard } from './shingles';
import type { DuplicateMatch, DuplicateOptions } from './types';

// The score is additive so each part can be explained: wording dominates; the same place, the same category and
// closeness in time each add a little. Unknown area or category counts half, neither for nor against.
const W_TEXT = 0.75;
const W_AREA = 0.1;
const W_CATEGORY = 0.05;
const W_TIME = 0.1;
const TIME_SCALE_HOURS = 72;
const HOUR_MS = 3_600_000;
/** Slack on the size bound, so that rounding can never skip an appeal the exact score would keep. */
const BOUND_SLACK = 1e-9;

const DEFAULTS = { threshold: 0.5, minTextSimilarity: 0.2, maxHoursApart: 24 * 30, limit: 10 };

function same(a: string | null | undefined, b: string | null | undefined): boolean | null {
  return a && b ? a === b : null;
}

/** Number of values two sorted, duplicate-free key arrays share. */
function sharedCount(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { common++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return common;
}

function hasKey(sorted: Float64Array, key: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === key) return true;
    if (v < key) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** The highest Jaccard two shingle sets could have, from their sizes and fingerprints. */
function jaccardBound(a: PreparedAppeal, b: PreparedAppeal): number {
  const common = Math.min(commonBound(a.sketch, b.sketch), a.shingles.length, b.shingles.length);
  const union = a.shingles.length + b.shingles.length - common;
  return union ? common / union : 0;
}

/** The highest Dice two word sets of these sizes could have: all of the smaller one shared. */
function diceBound(a: PreparedAppeal, b: PreparedAppeal): number {
  const sum = a.termKeys.length + b.termKeys.length;
  return sum ? (2 * Math.min(a.termKeys.length, b.termKeys.length)) / sum : 0;
}

/**
 * Likely duplicates of a prepared appeal among prepared ones, scored exactly, best first (the appeal itself, by id,
 * is skipped). Pairs that cannot reach the threshold are ruled out by bounds before their sets are compared, so a
 * pool of a few thousand takes a few milliseconds.
 */
export function scorePrepared(candidate: PreparedQuery, pool: Iterable<PreparedAppeal>, options: DuplicateOptions = {}): DuplicateMatch[] {
  const o = { ...DEFAULTS, ...options };
  const matches: DuplicateMatch[] = [];
  for (const p of pool) {
    if (p.id === candidate.id) continue;
    const hoursApart = Math.abs(candidate.time - p.time) / HOUR_MS;
    if (hoursApart > o.maxHoursApart) continue;
    const sameArea = same(candidate.areaCode, p.areaCode);
    const sameCategory = same(candidate.categoryId, p.categoryId);
    const closeness = Number.isFinite(hoursApart) ? Math.exp(-hoursApart / TIME_SCALE_HOURS) : 0;
    const areaPart = W_AREA * (sameArea === null ? 0.5 : +sameArea);
    const categoryPart = W_CATEGORY * (sameCategory === null ? 0.5 : +sameCategory);
    const needed = Math.max(o.minTextSimilarity, (o.threshold - areaPart - categoryPart - W_TIME * closeness) / W_TEXT);
    // Character shingles catch copies and small edits; shared content words catch the same complaint retold. Both
    // are bounded first, cheaply, and a pair that could not reach the threshold even at the bound is skipped.
    const jaccardMax = jaccardBound(candidate, p);
    if ((jaccardMax + diceBound(candidate, p)) / 2 + BOUND_SLACK < needed) continue;
    const termSum = candidate.termKeys.length + p.termKeys.length;
    const dice = termSum ? (2 * sharedCount(candidate.termKeys, p.termKeys)) / termSum : 0;
    if ((jaccardMax + dice) / 2 + BOUND_SLACK < needed) continue;
    const textSimilarity = (jaccard(candidate.shingles, p.shingles) + dice) / 2;
    if (textSimilarity < o.minTextSimilarity) continue;
    const score = W_TEXT * textSimilarity + areaPart + categoryPart + W_TIME * closeness;
    if (score < o.threshold) continue;
    const sharedTerms = candidate.terms.filter((t) => hasKey(p.termKeys, termKey(t)));
    matches.push({ id: p.id, score, textSimilarity, sharedTerms, hoursApart, sameArea, sameCategory, reasons: explain(textSimilarity, sharedTerms, hoursApart, sameArea, sameCategory, p) });
  }
  return matches.sort((a, b) => b.score - a.score || a.hoursApart - b.hoursApart).slice(0, o.limit);
}

function explain(text: number, shared: string[], hours: number, area: boolean | null, category: boolean | null, other: PreparedAppeal): string[] {
  const reasons = [`文本相似度 ${(text * 100).toFixed(0)}%`];
  if (shared.length) reasons.push(`共同词语：${shared.slice(0, 8).join('、')}`);
  if (area) reasons.push(`同一区域 ${other.areaCode}`);
  else if (area === false) reasons.push('不同区域');
  if (category) reasons.push(`同一类别 ${other.categoryId}`);
  if (Number.isFinite(hours)) reasons.push(hours < 1 ? '相隔不到 1 小时' : hours < 48 ? `相隔 ${Math.round(hours)} 小时` : `相隔 ${Math.round(hours / 24)} 天`);
  return reasons;
}
