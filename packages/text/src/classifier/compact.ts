import type { LinearScorer, TrainingSet } from './linear';

/**
 * Renumbers the buckets a training set uses, most frequent first. SGD time is dominated by cache misses on the
 * weight rows; with frequent features packed together the hot rows share a few hundred kilobytes and training
 * runs several times faster. `expand` maps the learned weights back to hash-bucket positions.
 */
export function compactTrainingSet(set: TrainingSet): { set: TrainingSet; expand: (scorer: LinearScorer) => LinearScorer } {
  const df = new Float64Array(set.dim);
  for (const x of set.x) for (let i = 0; i < x.index.length; i++) df[x.index[i]!]! += 1;
  const used: number[] = [];
  for (let b = 0; b < set.dim; b++) if (df[b]! > 0) used.push(b);
  used.sort((a, b) => df[b]! - df[a]! || a - b);
  const newIndex = new Int32Array(set.dim).fill(-1);
  used.forEach((b, i) => { newIndex[b] = i; });
  const x = set.x.map((v) => ({ index: v.index.map((b) => newIndex[b]!), value: v.value }));
  const K = set.classes;
  return {
    set: { x, y: set.y, classes: K, dim: used.length },
    expand: (scorer) => {
      const weights = new Float32Array(set.dim * K);
      used.forEach((b, i) => { for (let k = 0; k < K; k++) weights[b * K + k] = scorer.weights[i * K + k]!; });
      return { classes: K, weights, bias: scorer.bias };
    },
  };
}
