import { FeatureCounter, weightFeatures } from '../features/vectorizer';
import type { FeatureCounts, FeatureOptions } from '../features/vectorizer';
import type { SparseVector } from '../features/sparse';
import type { Segmenter } from '../segment/segmenter';

/** Text → TF-IDF vector, the one path shared by training and prediction so the two cannot drift apart. */
export interface TextVectorizer {
  counts(text: string): FeatureCounts;
  vector(counts: FeatureCounts, idf: Float32Array): SparseVector;
}

/** Builds the vectoriser for a segmenter and feature options. */
export function createTextVectorizer(segmenter: Segmenter, features: FeatureOptions): TextVectorizer {
  const counter = new FeatureCounter(features);
  return {
    counts: (text) => counter.count(segmenter.tokens(features.maxChars && text.length > features.maxChars ? text.slice(0, features.maxChars) : text)),
    vector: (counts, idf) => weightFeatures(counts, idf, features.charWeight),
  };
}
