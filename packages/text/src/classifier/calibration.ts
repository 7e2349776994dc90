/** Softmax of scores divided by a temperature; probabilities sum to 1. */
export function softmax(scores: ArrayLike<number>, temperature = 1, out: Float64Array = new Float64Array(scores.length)): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) if (scores[k]! > max) max = scores[k]!;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) { out[k] = Math.exp((scores[k]! - max) / temperature); sum += out[k]!; }
  for (let k = 0; k < scores.length; k++) out[k] = out[k]! / sum;
  return out;
}

/**
 * Mean cross-entropy of softmax(scores / T) against the true labels, smoothed by ε: the target gives ε/K to every
 * class. With ε = 0 this is the log loss; a small ε keeps the fitted temperature finite when the held-out rows
 * happen to be perfectly separated (small training sets), instead of claiming certainty.
 */
export function logLoss(scores: readonly Float64Array[], labels: ArrayLike<number>, temperature: number, smoothing = 0): number {
  let total = 0;
  const K = scores[0]?.length ?? 0;
  const p = new Float64Array(K);
  for (let n = 0; n < scores.length; n++) {
    softmax(scores[n]!, temperature, p);
    total -= (1 - smoothing) * Math.log(Math.max(p[labels[n]!]!, 1e-300));
    if (smoothing > 0) for (let k = 0; k < K; k++) total -= (smoothing / K) * Math.log(Math.max(p[k]!, 1e-300));
  }
  return total / Math.max(1, scores.length);
}

const SMOOTHING = 0.01;

/**
 * Temperature scaling (Guo et al. 2017): the single T minimising held-out log loss. It turns margins of an SVM or
 * log-likelihoods of naive Bayes into probabilities without changing which class ranks first.
 */
export function fitTemperature(scores: readonly Float64Array[], labels: ArrayLike<number>): number {
  if (scores.length === 0) return 1;
  // Golden-section search on log T around the scores' own spread: complement-NB scores differ by ~1e-5, SVM
  // margins by ~1, so a fixed range would clip one of them.
  const spreads = scores.map((s) => Math.max(...s) - Math.min(...s)).sort((a, b) => a - b);
  const spread = spreads[Math.floor(spreads.length / 2)]! || 1;
  let lo = Math.log(spread * 1e-4);
  let hi = Math.log(spread * 1e3);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = logLoss(scores, labels, Math.exp(x1), SMOOTHING);
  let f2 = logLoss(scores, labels, Math.exp(x2), SMOOTHING);
  for (let i = 0; i < 60; i++) {
    if (f1 < f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = logLoss(scores, labels, Math.exp(x1), SMOOTHING); }
    else { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = logLoss(scores, labels, Math.exp(x2), SMOOTHING); }
  }
  return Math.exp((lo + hi) / 2);
}
