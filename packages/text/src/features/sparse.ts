/** A sparse feature vector: parallel arrays of bucket indices and values (each index at most once). */
export interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

/** Scores of every class for one vector: one pass over the features, K weights read contiguously per feature. */
export function scoreAll(x: SparseVector, weights: Float32Array, classes: number, bias: Float32Array | Float64Array, out: Float64Array = new Float64Array(classes)): Float64Array {
  for (let k = 0; k < classes; k++) out[k] = bias[k] ?? 0;
  for (let i = 0; i < x.index.length; i++) {
    const v = x.value[i]!;
    const base = x.index[i]! * classes;
    for (let k = 0; k < classes; k++) out[k]! += v * weights[base + k]!;
  }
  return out;
}
