import type { FeatureOptions } from '../features/vectorizer';
import type { CandidateKind } from './candidates';
import type { QuantisedMatrix } from './encoding';
import type { ClassMetrics } from './metrics';

export const MODEL_FORMAT = 'minsheng-text-classifier';
export const MODEL_FORMAT_VERSION = 1;

/** One linear member of the model with its calibration; an ensemble averages members' probabilities. */
export interface ModelMember {
  kind: CandidateKind;
  /** Softmax temperature fitted on held-out rows (probability = softmax(score / temperature)). */
  temperature: number;
  /** Share of this member in the averaged probabilities. */
  weight: number;
  bias: number[];
  weights: QuantisedMatrix;
}

/** Held-out figures stored with the model so whoever loads it can see how good it was when trained. */
export interface ModelEvaluation {
  rows: number;
  accuracy: number;
  macroF1: number;
  /** Mean negative log-likelihood of the calibrated probabilities (lower is better calibrated). */
  logLoss: number;
  perClass: ClassMetrics[];
  confusion: number[][];
}

/** A trained classifier as plain JSON: everything prediction needs, nothing that depends on this process. */
export interface ClassifierModel {
  format: typeof MODEL_FORMAT;
  formatVersion: typeof MODEL_FORMAT_VERSION;
  /** Identifies this trained model (caller-supplied or derived from the creation time). */
  version: string;
  createdAt: string;
  /** Model family: a candidate kind or `ensemble`. */
  algorithm: CandidateKind | 'ensemble';
  /** Class labels; members' score k belongs to labels[k]. */
  labels: string[];
  /** Extra segmentation words used at training; prediction must use the same. */
  tokenizer: { words: string[] };
  features: FeatureOptions;
  /** Base64 float32 IDF per hash bucket. */
  idf: string;
  members: ModelMember[];
  evaluation: ModelEvaluation | null;
  training: { rows: number; labelCounts: Record<string, number>; heldOutRows: number; seconds: number; seed: number };
}
