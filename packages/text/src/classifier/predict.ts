import { TextInputError } from '../errors';
import { createSegmenter } from '../segment/segmenter';
import { softmax } from './calibration';
import { decodeFloat32, dequantise } from './encoding';
import type { LinearScorer } from './linear';
import { linearScores } from './linear';
import type { ClassifierModel } from './model';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model';
import { createTextVectorizer } from './vectorize';

/** A label with its calibrated probability. */
export interface LabelScore {
  label: string;
  confidence: number;
}

/** The suggestion for one text: best label, its probability, the top 3, and every class's probability. */
export interface Prediction {
  label: string;
  confidence: number;
  top: LabelScore[];
  probabilities: Record<string, number>;
}

/** A loaded model ready to classify raw text (title + body, not segmented). */
export interface TextClassifier {
  readonly model: ClassifierModel;
  readonly labels: readonly string[];
  predict(text: string): Prediction;
  /** Calibrated probabilities in `labels` order. */
  probabilities(text: string): Float64Array;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new TextInputError('invalid_model', message);
}

/** Turns a stored model (parsed JSON) into a classifier; rejects anything that is not a model of this format. */
export function loadClassifier(model: ClassifierModel): TextClassifier {
  check(model && typeof model === 'object', 'model is not an object');
  check(model.format === MODEL_FORMAT, `not a ${MODEL_FORMAT} model`);
  check(model.formatVersion === MODEL_FORMAT_VERSION, `unsupported model format version ${String(model.formatVersion)}`);
  check(Array.isArray(model.labels) && model.labels.length >= 2, 'model has fewer than two labels');
  check(Array.isArray(model.members) && model.members.length > 0, 'model has no members');
  const K = model.labels.length;
  const dim = 2 ** model.features.bits;
  const idf = decodeFloat32(model.idf);
  check(idf.length === dim, 'model IDF does not match its feature size');
  const members = model.members.map((m) => {
    const scorer: LinearScorer = { classes: K, weights: dequantise(m.weights), bias: Float64Array.from(m.bias) };
    check(scorer.weights.length === dim * K && scorer.bias.length === K, `member ${m.kind} has the wrong shape`);
    check(m.temperature > 0 && m.weight > 0, `member ${m.kind} has a bad temperature or weight`);
    return { scorer, temperature: m.temperature, weight: m.weight };
  });
  const totalWeight = members.reduce((s, m) => s + m.weight, 0);
  const vectorizer = createTextVectorizer(createSegmenter({ words: model.tokenizer.words }), model.features);
  const scores = new Float64Array(K);
  const p = new Float64Array(K);

  const probabilities = (text: string): Float64Array => {
    const x = vectorizer.vector(vectorizer.counts(text), idf);
    const out = new Float64Array(K);
    for (const m of members) {
      softmax(linearScores(m.scorer, x, scores), m.temperature, p);
      for (let k = 0; k < K; k++) out[k]! += (m.weight / totalWeight) * p[k]!;
    }
    return out;
  };

  return {
    model,
    labels: model.labels,
    probabilities,
    predict(text) {
      const probs = probabilities(text);
      const ranked = model.labels.map((label, k) => ({ label, confidence: probs[k]! })).sort((a, b) => b.confidence - a.confidence);
      return {
        label: ranked[0]!.label,
        confidence: ranked[0]!.confidence,
        top: ranked.slice(0, 3),
        probabilities: Object.fromEntries(model.labels.map((l, k) => [l, probs[k]!])),
      };
    },
  };
}
