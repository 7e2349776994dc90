import { createRandom } from '../random';
import type { LinearScorer, TrainingSet } from './linear';
import { balancedClassWeights } from './linear';

/**
 * Loss gradient with respect to the K scores of one example: writes dLoss/dScore_k into `grad` and returns
 * whether any entry is non-zero (hinge losses skip most examples once they are separated).
 */
export type ScoreGradient = (scores: Float64Array, label: number, grad: Float64Array) => boolean;

export interface SgdOptions {
  /** L2 regularisation strength λ. */
  lambda: number;
  epochs: number;
  /** Initial learning rate η₀; η_t = η₀ / (1 + η₀·λ·t)^0.75 as in Bottou's averaged SGD. */
  eta0: number;
  /** Exponent applied to balanced class weights: 0 = unweighted, 1 = fully balanced. */
  classWeightPower: number;
  seed: number;
}

/** Rewrites v ← v/d and a so that (a + 1·v)/1 is the same average as (a + f·v)/c. */
function foldDivisors(v: Float32Array, a: Float32Array, d: number, c: number, f: number): void {
  for (let j = 0; j < v.length; j++) {
    const w = v[j]! / d;
    a[j] = (a[j]! + f * v[j]!) / c - w;
    v[j] = w;
  }
}

/**
 * Averaged stochastic gradient descent (Bottou's ASGD) for any linear multi-class loss.
 *
 * Real weights are w = v / d and the running average is A = (a + f·v) / c. Keeping the divisors as scalars
 * makes L2 shrinkage and averaging O(1) per step, so each example costs only its own non-zero features.
 * Averaging starts after the first epoch; the averaged weights generalise better than the last iterate.
 */
export function trainSgd(set: TrainingSet, gradient: ScoreGradient, options: SgdOptions, featureScale?: Float32Array): LinearScorer {
  const K = set.classes;
  // float32, not float64: training is bound by cache misses on these rows, and halving them halved the time
  // with identical held-out figures.
  const v = new Float32Array(set.dim * K);
  const a = new Float32Array(set.dim * K);
  const bias = new Float64Array(K);
  const biasAvg = new Float64Array(K);
  const cw = balancedClassWeights(set.y, K, options.classWeightPower);
  const random = createRandom(options.seed);
  const order = Array.from(set.x.keys());
  const scores = new Float64Array(K);
  const grad = new Float64Array(K);
  const averageFrom = order.length;
  let d = 1;
  let c = 1;
  let f = 1;
  let t = 0;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i]!; order[i] = order[j]!; order[j] = tmp;
    }
    for (const n of order) {
      const eta = options.eta0 / (1 + options.lambda * options.eta0 * t) ** 0.75;
      const mu = t <= averageFrom ? 1 : 1 / (t - averageFrom);
      t++;
      const x = set.x[n]!;
      const label = set.y[n]!;
      for (let k = 0; k < K; k++) scores[k] = bias[k]!;
      for (let i = 0; i < x.index.length; i++) {
        const base = x.index[i]! * K;
        const xv = x.value[i]! / d;
        if (featureScale) for (let k = 0; k < K; k++) scores[k]! += xv * featureScale[base + k]! * v[base + k]!;
        else for (let k = 0; k < K; k++) scores[k]! += xv * v[base + k]!;
      }
      d /= 1 - eta * options.lambda;
      const active = gradient(scores, label, grad);
      if (active) {
        const step = eta * cw[label]! * d;
        for (let i = 0; i < x.index.length; i++) {
          const base = x.index[i]! * K;
          const xv = x.value[i]! * step;
          for (let k = 0; k < K; k++) {
            const g = grad[k]!;
            if (g === 0) continue;
            const delta = featureScale ? -g * xv * featureScale[base + k]! : -g * xv;
            v[base + k]! += delta;
            if (mu < 1) a[base + k]! -= f * delta;
          }
        }
        for (let k = 0; k < K; k++) bias[k]! -= eta * cw[label]! * grad[k]!;
      }
      if (mu >= 1) {
        c = d; f = 1;
        biasAvg.set(bias);
      } else {
        c /= 1 - mu;
        f += (mu * c) / d;
        for (let k = 0; k < K; k++) biasAvg[k] = (1 - mu) * biasAvg[k]! + mu * bias[k]!;
      }
      if (d > 1e12 || c > 1e12) {
        // Fold the divisors into the arrays before they overflow. Inline on purpose: a closure capturing d, c and f
        // would force V8 to keep them in a heap context and slow every access in this loop several-fold.
        foldDivisors(v, a, d, c, f);
        d = 1; c = 1; f = 1;
      }
    }
  }
  const weights = new Float32Array(v.length);
  for (let j = 0; j < v.length; j++) weights[j] = ((a[j]! + f * v[j]!) / c) * (featureScale ? featureScale[j]! : 1);
  return { classes: K, weights, bias: biasAvg };
}
