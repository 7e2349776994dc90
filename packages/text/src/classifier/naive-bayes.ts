import type { LinearScorer, TrainingSet } from './linear';

export interface NaiveBayesOptions {
  /** Additive (Laplace/Lidstone) smoothing. */
  alpha: number;
  /** Complement NB (Rennie et al. 2003) estimates each class from all *other* classes' documents, which is
   *  steadier when classes are unbalanced; false gives plain multinomial NB. */
  complement: boolean;
}

/**
 * Multinomial or complement naive Bayes on (TF-IDF) feature values, returned as a linear scorer whose scores
 * are log-likelihoods (multinomial) or negated, length-normalised complement weights.
 */
export function trainNaiveBayes(set: TrainingSet, options: NaiveBayesOptions): LinearScorer {
  const K = set.classes;
  const D = set.dim;
  const mass = new Float64Array(D * K);
  const classTotals = new Float64Array(K);
  const docs = new Float64Array(K);
  for (let n = 0; n < set.x.length; n++) {
    const x = set.x[n]!;
    const y = set.y[n]!;
    docs[y]! += 1;
    for (let i = 0; i < x.index.length; i++) { mass[x.index[i]! * K + y]! += x.value[i]!; classTotals[y]! += x.value[i]!; }
  }
  const weights = new Float32Array(D * K);
  const bias = new Float64Array(K);
  const grand = classTotals.reduce((s, v) => s + v, 0);
  const featureTotal = new Float64Array(D);
  if (options.complement) for (let j = 0; j < D; j++) for (let k = 0; k < K; k++) featureTotal[j]! += mass[j * K + k]!;
  for (let k = 0; k < K; k++) {
    const denom = options.complement ? grand - classTotals[k]! + options.alpha * D : classTotals[k]! + options.alpha * D;
    let norm = 0;
    for (let j = 0; j < D; j++) {
      const m = options.complement ? featureTotal[j]! - mass[j * K + k]! : mass[j * K + k]!;
      const w = Math.log((m + options.alpha) / denom);
      weights[j * K + k] = w;
      norm += Math.abs(w);
    }
    if (options.complement) {
      // Weight normalisation (Rennie's WCNB): stops classes with long documents from dominating.
      for (let j = 0; j < D; j++) weights[j * K + k] = -weights[j * K + k]! / norm;
    } else {
      bias[k] = Math.log(docs[k]! / set.x.length);
    }
  }
  return { classes: K, weights, bias };
}
