import { createSegmenter } from '../segment/segmenter';
import type { Segmenter } from '../segment/segmenter';
import { jaccard, lshKeys, minhash, shingleSet } from './shingles';

/** An appeal as duplicate detection sees it. */
export interface AppealText {
  id: string;
  title?: string;
  content: string;
  areaCode?: string | null;
  categoryId?: string | null;
  createdAt: Date | string | number;
}

export interface DuplicateOptions {
  /** Minimum combined score of a reported match (default 0.5). */
  threshold?: number;
  /** Below this text similarity nothing is a duplicate, whatever area, category or time say (default 0.2). */
  minTextSimilarity?: number;
  /** Appeals further apart than this are never compared (default 30 days). */
  maxHoursApart?: number;
  /** Most matches returned, best first (default 10). */
  limit?: number;
  /** Compare title + content (default) or content only. */
  includeTitle?: boolean;
}

/** A likely duplicate with the evidence for it. */
export interface DuplicateMatch {
  id: string;
  score: number;
  /** Mean of character 3-gram Jaccard (same wording) and content-word Dice (same subject in other words); 0–1. */
  textSimilarity: number;
  /** Content words both texts use, in the candidate's order. */
  sharedTerms: string[];
  hoursApart: number;
  /** null when either side has no area (or category). */
  sameArea: boolean | null;
  sameCategory: boolean | null;
  /** Human-readable reasons (Chinese, for the console). */
  reasons: string[];
}

// The score is additive so each part can be explained: wording dominates; the same place, the same category and
// closeness in time each add a little. Unknown area or category counts half, neither for nor against.
const W_TEXT = 0.75;
const W_AREA = 0.1;
const W_CATEGORY = 0.05;
const W_TIME = 0.1;
const TIME_SCALE_HOURS = 72;

interface Prepared {
  doc: AppealText;
  shingles: Uint32Array;
  terms: string[];
  time: number;
}

function toTime(t: Date | string | number): number {
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  return Number.isFinite(ms) ? ms : NaN;
}

function same(a: string | null | undefined, b: string | null | undefined): boolean | null {
  return a && b ? a === b : null;
}

/** Index of appeals for repeated duplicate queries (LSH on MinHash signatures, exact scoring of candidates). */
export class DuplicateIndex {
  private readonly docs: Prepared[] = [];
  private readonly buckets = new Map<string, number[]>();
  private readonly segmenter: Segmenter;

  constructor(private readonly options: DuplicateOptions = {}, segmenter?: Segmenter) {
    this.segmenter = segmenter ?? createSegmenter();
  }

  private prepare(doc: AppealText): Prepared {
    const text = this.options.includeTitle === false ? doc.content : `${doc.title ?? ''}\n${doc.content}`;
    const terms = [...new Set(this.segmenter.tokens(text).filter((t) => [...t].length >= 2 && !/^[\d<>a-z.]+$/.test(t)))];
    return { doc, shingles: shingleSet(text), terms, time: toTime(doc.createdAt) };
  }

  /** Adds appeals to the pool. */
  add(...docs: AppealText[]): void {
    for (const doc of docs) {
      const p = this.prepare(doc);
      const n = this.docs.push(p) - 1;
      for (const key of lshKeys(minhash(p.shingles))) {
        const list = this.buckets.get(key);
        if (list) list.push(n); else this.buckets.set(key, [n]);
      }
    }
  }

  /** Likely duplicates of a candidate among the pool (the candidate itself, by id, is skipped). */
  find(candidate: AppealText, overrides: DuplicateOptions = {}): DuplicateMatch[] {
    const o = { threshold: 0.5, minTextSimilarity: 0.2, maxHoursApart: 24 * 30, limit: 10, ...this.options, ...overrides };
    const c = this.prepare(candidate);
    const seen = new Set<number>();
    for (const key of lshKeys(minhash(c.shingles))) for (const n of this.buckets.get(key) ?? []) seen.add(n);
    const matches: DuplicateMatch[] = [];
    for (const n of seen) {
      const p = this.docs[n]!;
      if (p.doc.id === candidate.id) continue;
      const hoursApart = Math.abs(c.time - p.time) / 3_600_000;
      if (hoursApart > o.maxHoursApart) continue;
      const theirs = new Set(p.terms);
      const sharedTerms = c.terms.filter((t) => theirs.has(t));
      // Character shingles catch copies and small edits; shared content words catch the same complaint retold.
      const dice = c.terms.length + p.terms.length ? (2 * sharedTerms.length) / (c.terms.length + p.terms.length) : 0;
      const textSimilarity = (jaccard(c.shingles, p.shingles) + dice) / 2;
      if (textSimilarity < o.minTextSimilarity) continue;
      const sameArea = same(candidate.areaCode, p.doc.areaCode);
      const sameCategory = same(candidate.categoryId, p.doc.categoryId);
      const closeness = Number.isFinite(hoursApart) ? Math.exp(-hoursApart / TIME_SCALE_HOURS) : 0;
      const score = W_TEXT * textSimilarity + W_AREA * (sameArea === null ? 0.5 : +sameArea)
        + W_CATEGORY * (sameCategory === null ? 0.5 : +sameCategory) + W_TIME * closeness;
      if (score < o.threshold) continue;
      matches.push({ id: p.doc.id, score, textSimilarity, sharedTerms, hoursApart, sameArea, sameCategory, reasons: explain(textSimilarity, sharedTerms, hoursApart, sameArea, sameCategory, p.doc) });
    }
    return matches.sort((a, b) => b.score - a.score || a.hoursApart - b.hoursApart).slice(0, o.limit);
  }
}

function explain(text: number, shared: string[], hours: number, area: boolean | null, category: boolean | null, other: AppealText): string[] {
  const reasons = [`文本相似度 ${(text * 100).toFixed(0)}%`];
  if (shared.length) reasons.push(`共同词语：${shared.slice(0, 8).join('、')}`);
  if (area) reasons.push(`同一区域 ${other.areaCode}`);
  else if (area === false) reasons.push('不同区域');
  if (category) reasons.push(`同一类别 ${other.categoryId}`);
  if (Number.isFinite(hours)) reasons.push(hours < 1 ? '相隔不到 1 小时' : hours < 48 ? `相隔 ${Math.round(hours)} 小时` : `相隔 ${Math.round(hours / 24)} 天`);
  return reasons;
}

/** Likely duplicates of one appeal within a pool: score, shared words, time apart and reasons, best first. */
export function findDuplicates(candidate: AppealText, pool: readonly AppealText[], options: DuplicateOptions = {}): DuplicateMatch[] {
  const index = new DuplicateIndex(options);
  index.add(...pool);
  return index.find(candidate);
}
