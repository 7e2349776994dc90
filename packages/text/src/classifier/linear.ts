import type { SparseVector } from '../features/sparse';
import { scoreAll } from '../features/sparse';

/** Vectors with class indices, the input of every trainer. */
export interface TrainingSet {
  readonly x: readonly SparseVector[];
  readonly y: Int32Array;
  readonly classes: number;
  readonly dim: number;
}

/** A linear scorer: score_k(x) = Σ_j x_j · weights[j·K + k] + bias_k. Every candidate model reduces to this. */
export interface LinearScorer {
  readonly classes: number;
  readonly weights: Float32Array;
  readonly bias: Float64Array;
}

/** Raw (uncalibrated) class scores for one vector. */
export function linearScores(model: LinearScorer, x: SparseVector, out?: Float64Array): Float64Array {
  return scoreAll(x, model.weights, model.classes, model.bias, out);
}

/** Weights inversely proportional to class frequency, normalised to average 1, so rare classes count as much. */
export function balancedClassWeights(y: Int32Array, classes: number, power = 1): Float64Array {
  const counts = new Float64Array(classes);
  for (const c of y) counts[c]! += 1;
  const w = new Float64Array(classes);
  for (let k = 0; k < classes; k++) w[k] = counts[k]! > 0 ? (y.length / (classes * counts[k]!)) ** power : 0;
  return w;
}
