import { createSegmenter } from '../segment/segmenter';
import type { Segmenter } from '../segment/segmenter';
import { prepareDuplicateText } from './features';
import type { PreparedAppeal } from './features';
import { scorePrepared } from './score';
import { lshKeys, minhash } from './shingles';
import type { AppealText, DuplicateMatch, DuplicateOptions } from './types';

/**
 * Index of appeals for repeated duplicate queries over a large pool: LSH on MinHash signatures proposes the
 * candidates, scorePrepared scores them exactly. A pool of a few thousand can be scored whole without it.
 */
export class DuplicateIndex {
  private readonly docs: PreparedAppeal[] = [];
  private readonly buckets = new Map<string, number[]>();
  private readonly segmenter: Segmenter;

  constructor(private readonly options: DuplicateOptions = {}, segmenter?: Segmenter) {
    this.segmenter = segmenter ?? createSegmenter();
  }

  /** Adds appeals to the pool. */
  add(...docs: AppealText[]): void {
    for (const doc of docs) {
      const { terms: _terms, ...p } = prepareDuplicateText(doc, this.segmenter, this.options.includeTitle !== false);
      const n = this.docs.push(p) - 1;
      for (const key of lshKeys(minhash(p.shingles))) {
        const list = this.buckets.get(key);
        if (list) list.push(n); else this.buckets.set(key, [n]);
      }
    }
  }

  /** Likely duplicates of a candidate among the pool (the candidate itself, by id, is skipped). */
  find(candidate: AppealText, overrides: DuplicateOptions = {}): DuplicateMatch[] {
    const c = prepareDuplicateText(candidate, this.segmenter, this.options.includeTitle !== false);
    const proposed = new Set<number>();
    for (const key of lshKeys(minhash(c.shingles))) for (const n of this.buckets.get(key) ?? []) proposed.add(n);
    return scorePrepared(c, [...proposed].map((n) => this.docs[n]!), { ...this.options, ...overrides });
  }
}

/** Likely duplicates of one appeal within a pool: score, shared words, time apart and reasons, best first. */
export function findDuplicates(candidate: AppealText, pool: readonly AppealText[], options: DuplicateOptions = {}): DuplicateMatch[] {
  const index = new DuplicateIndex(options);
  index.add(...pool);
  return index.find(candidate);
}
