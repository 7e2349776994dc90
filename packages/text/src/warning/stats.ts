// Tail probabilities for counts. Daily appeal counts are counts of rare independent events, so Poisson is the
// natural null model; when a series' own history is more variable than Poisson allows (weekly rhythm, campaigns),
// the negative binomial with the same mean and the observed variance avoids flagging ordinary busy days.

const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Sums pmf(i) for i ≥ k, starting from log pmf(k) and walking up with the ratio pmf(i+1)/pmf(i). */
function upperTail(logPmfK: number, ratio: (i: number) => number, k: number): number {
  let term = Math.exp(logPmfK);
  let sum = term;
  for (let i = k; i < k + 100_000; i++) {
    term *= ratio(i);
    sum += term;
    if (term < sum * 1e-15) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  return upperTail(k * Math.log(lambda) - lambda - logGamma(k + 1), (i) => lambda / (i + 1), k);
}

/** P(X ≥ k) for a negative binomial with the given mean and variance (variance > mean). */
export function negativeBinomialUpperTail(k: number, mean: number, variance: number): number {
  if (variance <= mean) return poissonUpperTail(k, mean);
  if (k <= 0) return 1;
  const r = (mean * mean) / (variance - mean);
  const p = mean / variance; // success probability; failures counted
  const logPmf = logGamma(k + r) - logGamma(k + 1) - logGamma(r) + r * Math.log(p) + k * Math.log(1 - p);
  return upperTail(logPmf, (i) => ((i + r) / (i + 1)) * (1 - p), k);
}
