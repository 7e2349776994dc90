import { TextInputError } from '../errors';
import { fitIdf } from '../features/vectorizer';
import type { FeatureCounts, FeatureOptions } from '../features/vectorizer';
import { createSegmenter } from '../segment/segmenter';
import { fitTemperature, softmax } from './calibration';
import type { CandidateKind, CandidateOptions } from './candidates';
import { fitCandidate } from './candidates';
import { encodeFloat32, quantise } from './encoding';
import type { LinearScorer, TrainingSet } from './linear';
import { linearScores } from './linear';
import { evaluatePredictions } from './metrics';
import type { ClassifierModel, ModelEvaluation, ModelMember } from './model';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model';
import { stratifiedSplit } from './split';
import { createTextVectorizer } from './vectorize';
import type { TextVectorizer } from './vectorize';

/** A training example: raw or pre-segmented text and its category. */
export interface LabelledText {
  text: string;
  label: string;
}

/** The families `trainClassifier` can build; `ensemble` averages the calibrated members in ENSEMBLE_MEMBERS. */
export type Algorithm = CandidateKind | 'ensemble';

/** Chosen on the benchmark (npm run bench:text, figures in packages/text/README.md): nbsvm beat every other
 * candidate and the ensemble on macro-F1, and character 2–3-grams beat 1–3-grams on both macro-F1 and speed. */
export const DEFAULT_ALGORITHM: Algorithm = 'nbsvm';
export const ENSEMBLE_MEMBERS: readonly CandidateKind[] = ['nbsvm', 'svm', 'nb'];
export const DEFAULT_FEATURES: FeatureOptions = { bits: 17, wordBigrams: true, charNgrams: [2, 3], charWeight: 1 };

export interface TrainOptions {
  algorithm?: Algorithm;
  features?: Partial<FeatureOptions>;
  /** Hyper-parameter overrides applied to every member. */
  candidate?: Partial<CandidateOptions>;
  /** Extra segmentation words (place names, unit names); stored with the model. */
  words?: readonly string[];
  /** Share of rows held out, per class, to fit calibration and measure the model before the final fit (0.1). */
  heldOutFraction?: number;
  seed?: number;
  version?: string;
  /** Creation time written into the model (defaults to now). */
  now?: Date;
}

function validate(rows: readonly LabelledText[]): string[] {
  if (rows.length === 0) throw new TextInputError('invalid_input', 'no training rows');
  const counts = new Map<string, number>();
  rows.forEach((r, i) => {
    if (typeof r.label !== 'string' || r.label.trim() === '') throw new TextInputError('invalid_input', `row ${i + 1}: empty label`);
    if (typeof r.text !== 'string') throw new TextInputError('invalid_input', `row ${i + 1}: text is not a string`);
    counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  });
  if (counts.size < 2) throw new TextInputError('invalid_input', `need at least two labels to train, found ${counts.size} (${[...counts.keys()].join(', ')})`);
  return [...counts.keys()].sort();
}

function buildSet(counts: readonly FeatureCounts[], y: Int32Array, rows: readonly number[], idf: Float32Array, classes: number, features: FeatureOptions, vector: TextVectorizer['vector']): TrainingSet {
  return { x: rows.map((i) => vector(counts[i]!, idf)), y: Int32Array.from(rows.map((i) => y[i]!)), classes, dim: 2 ** features.bits };
}

interface HeldOutContext {
  rows: readonly LabelledText[];
  counts: readonly FeatureCounts[];
  y: Int32Array;
  labels: string[];
  features: FeatureOptions;
  vector: TextVectorizer['vector'];
  fit: (set: TrainingSet) => LinearScorer[];
  heldOutFraction: number;
  seed: number;
}

/** Fits members on a stratified share of the rows, then temperatures and evaluation on the rest (its own IDF too). */
function calibrateOnHeldOut(c: HeldOutContext): { temperatures: number[]; evaluation: ModelEvaluation } {
  const K = c.labels.length;
  const split = stratifiedSplit(c.rows.map((r) => r.label), c.heldOutFraction, c.seed);
  const idf = fitIdf(split.train.map((i) => c.counts[i]!), c.features.bits);
  const scorers = c.fit(buildSet(c.counts, c.y, split.train, idf, K, c.features, c.vector));
  const test = buildSet(c.counts, c.y, split.test, idf, K, c.features, c.vector);
  const memberScores = scorers.map((s) => test.x.map((x) => linearScores(s, x)));
  const temperatures = memberScores.map((scores) => fitTemperature(scores, test.y));
  const probs = test.x.map((_, n) => {
    const out = new Float64Array(K);
    memberScores.forEach((scores, m) => {
      const p = softmax(scores[n]!, temperatures[m]);
      for (let k = 0; k < K; k++) out[k]! += p[k]! / scorers.length;
    });
    return out;
  });
  const e = evaluatePredictions(c.labels, test.y, probs.map((p) => p.indexOf(Math.max(...p))));
  const logLoss = probs.reduce((s, p, n) => s - Math.log(Math.max(p[test.y[n]!]!, 1e-12)), 0) / Math.max(1, probs.length);
  return { temperatures, evaluation: { rows: test.x.length, accuracy: e.accuracy, macroF1: e.macroF1, logLoss, perClass: e.perClass, confusion: e.confusion } };
}

/**
 * Trains a category classifier from labelled rows. When every class has at least two rows, a stratified
 * share is held out first: members are fitted on the rest, their softmax temperatures fitted and the whole
 * model evaluated on the held-out rows; then every member is refitted on all rows with those temperatures.
 */
export function trainClassifier(rows: readonly LabelledText[], options: TrainOptions = {}): ClassifierModel {
  const started = performance.now();
  const labels = validate(rows);
  const algorithm = options.algorithm ?? DEFAULT_ALGORITHM;
  const kinds = algorithm === 'ensemble' ? ENSEMBLE_MEMBERS : [algorithm];
  const features: FeatureOptions = { ...DEFAULT_FEATURES, ...options.features };
  const seed = options.seed ?? 1;
  const words = [...(options.words ?? [])];
  const K = labels.length;
  const labelIndex = new Map(labels.map((l, k) => [l, k]));
  const y = Int32Array.from(rows.map((r) => labelIndex.get(r.label)!));
  const vectorizer = createTextVectorizer(createSegmenter({ words }), features);
  const counts = rows.map((r) => vectorizer.counts(r.text));
  const fit = (set: TrainingSet): LinearScorer[] => kinds.map((kind) => fitCandidate(kind, set, { seed, ...options.candidate }));

  const heldOutFraction = options.heldOutFraction ?? 0.1;
  const labelCounts = Object.fromEntries(labels.map((l) => [l, 0]));
  for (const r of rows) labelCounts[r.label]! += 1;
  const canHoldOut = heldOutFraction > 0 && Object.values(labelCounts).every((n) => n >= 2);
  let temperatures = kinds.map(() => 1);
  let evaluation: ModelEvaluation | null = null;
  let heldOutRows = 0;

  if (canHoldOut) {
    const held = calibrateOnHeldOut({ rows, counts, y, labels, features, vector: vectorizer.vector, fit, heldOutFraction, seed });
    ({ temperatures, evaluation } = held);
    heldOutRows = held.evaluation.rows;
  }

  const idf = fitIdf(counts, features.bits);
  const finalSet = buildSet(counts, y, rows.map((_, i) => i), idf, K, features, vectorizer.vector);
  const scorers = fit(finalSet);
  if (!canHoldOut) {
    // Too few rows to hold any out: calibrate on the training rows (over-confident, but probabilities still sum to 1).
    temperatures = scorers.map((s) => fitTemperature(finalSet.x.map((x) => linearScores(s, x)), finalSet.y));
  }
  const members: ModelMember[] = scorers.map((s, m) => ({
    kind: kinds[m]!,
    temperature: temperatures[m]!,
    weight: 1,
    bias: Array.from(s.bias),
    weights: quantise(s.weights),
  }));
  const now = options.now ?? new Date();
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    version: options.version ?? `${algorithm}-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`,
    createdAt: now.toISOString(),
    algorithm,
    labels,
    tokenizer: { words },
    features,
    idf: encodeFloat32(idf),
    members,
    evaluation,
    training: { rows: rows.length, labelCounts, heldOutRows, seconds: (performance.now() - started) / 1000, seed },
  };
}
