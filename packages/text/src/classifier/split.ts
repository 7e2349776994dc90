import { createRandom, shuffleInPlace } from '../random';

/** Row indices of a split. */
export interface Split {
  train: number[];
  test: number[];
}

/**
 * Stratified split: each class contributes `testFraction` of its rows (at least one when it has two or more),
 * so small classes are represented in the held-out part. Deterministic for a seed.
 */
export function stratifiedSplit(labels: readonly string[], testFraction: number, seed: number): Split {
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => { const list = byLabel.get(l); if (list) list.push(i); else byLabel.set(l, [i]); });
  const random = createRandom(seed);
  const split: Split = { train: [], test: [] };
  for (const key of [...byLabel.keys()].sort()) {
    const rows = shuffleInPlace(byLabel.get(key)!, random);
    const n = rows.length < 2 ? 0 : Math.max(1, Math.round(rows.length * testFraction));
    split.test.push(...rows.slice(0, n));
    split.train.push(...rows.slice(n));
  }
  split.train.sort((a, b) => a - b);
  split.test.sort((a, b) => a - b);
  return split;
}
