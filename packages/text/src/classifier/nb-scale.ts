import type { TrainingSet } from './linear';

/**
 * Naive-Bayes log-count ratios per class and feature (Wang & Manning 2012, "NBSVM"): how much more often a
 * feature occurs in the class than outside it. Scaling features by it before a linear model lets the model
 * start from NB's evidence and spend its capacity on corrections. Absolute value, floored, so it only rescales.
 */
export function nbFeatureScale(set: TrainingSet, alpha: number, floor = 0.1): Float32Array {
  const K = set.classes;
  const D = set.dim;
  const pos = new Float64Array(D * K);
  const all = new Float64Array(D);
  const classTotal = new Float64Array(K);
  let total = 0;
  for (let n = 0; n < set.x.length; n++) {
    const x = set.x[n]!;
    const y = set.y[n]!;
    for (let i = 0; i < x.index.length; i++) {
      const j = x.index[i]!;
      const v = x.value[i]!;
      pos[j * K + y]! += v;
      all[j]! += v;
      classTotal[y]! += v;
      total += v;
    }
  }
  const scale = new Float32Array(D * K);
  for (let k = 0; k < K; k++) {
    const pNorm = classTotal[k]! + alpha * D;
    const qNorm = total - classTotal[k]! + alpha * D;
    for (let j = 0; j < D; j++) {
      const p = (pos[j * K + k]! + alpha) / pNorm;
      const q = (all[j]! - pos[j * K + k]! + alpha) / qNorm;
      scale[j * K + k] = Math.max(floor, Math.abs(Math.log(p / q)));
    }
  }
  return scale;
}
