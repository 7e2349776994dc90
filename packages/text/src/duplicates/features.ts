import { hashString } from '../features/hashing';
import type { Segmenter } from '../segment/segmenter';
import { shingleSet, shingleSketch } from './shingles';
import type { ShingleSketch } from './shingles';
import type { AppealText } from './types';

/** The text features duplicate scoring compares: computed once per appeal, reusable across queries. */
export interface DuplicateFeatures {
  /** Sorted unique hashes of the character 3-grams (same wording). */
  shingles: Uint32Array;
  /** Fingerprint of the shingles: rules most unrelated pairs out without comparing the sets. */
  sketch: ShingleSketch;
  /** Sorted unique hashes of the content words (same subject in other words). */
  termKeys: Float64Array;
}

/** A pool appeal ready to be scored: its text features, place, category and time. */
export interface PreparedAppeal extends DuplicateFeatures {
  id: string;
  areaCode?: string | null | undefined;
  categoryId?: string | null | undefined;
  /** Registration time in ms since the epoch; NaN when unknown. */
  time: number;
}

/** The appeal being checked: it also keeps its content words in text order, to say which ones a match shares. */
export interface PreparedQuery extends PreparedAppeal {
  terms: readonly string[];
}

// Content words are compared by a 53-bit key (two 32-bit hashes, the most a double holds exactly): with 32 bits, two
// different words in thousands of comparisons per query would now and then count as shared and be shown as such.
const TERM_SEED_HIGH = 0x7e4a;
const TERM_SEED_LOW = 0x1d03;

/** The comparison key of a content word. */
export function termKey(term: string): number {
  return hashString(term, TERM_SEED_HIGH) * 2 ** 21 + (hashString(term, TERM_SEED_LOW) >>> 11);
}

/** Words of two or more characters that are not just numbers, codes or redaction placeholders. */
function contentWords(text: string, segmenter: Segmenter): string[] {
  return [...new Set(segmenter.tokens(text).filter((t) => [...t].length >= 2 && !/^[\d<>a-z.]+$/.test(t)))];
}

function sortedUniqueKeys(terms: readonly string[]): Float64Array {
  const keys = Float64Array.from(terms, termKey).sort();
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[n++] = keys[i]!;
  return keys.slice(0, n);
}

function toTime(t: Date | string | number): number {
  const ms = t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t);
  return Number.isFinite(ms) ? ms : NaN;
}

/** The text that is compared: title and body, or the body only. */
function comparedText(doc: Pick<AppealText, 'title' | 'content'>, includeTitle: boolean): string {
  return includeTitle ? `${doc.title ?? ''}\n${doc.content}` : doc.content;
}

/** Text features of an appeal's title and body (or body only), for caching outside a DuplicateIndex. */
export function duplicateFeatures(doc: Pick<AppealText, 'title' | 'content'>, segmenter: Segmenter, includeTitle = true): DuplicateFeatures {
  const text = comparedText(doc, includeTitle);
  const shingles = shingleSet(text);
  return { shingles, sketch: shingleSketch(shingles), termKeys: sortedUniqueKeys(contentWords(text, segmenter)) };
}

/** An appeal prepared for scoring, as a query (its words kept) or as a member of the pool. */
export function prepareDuplicateText(doc: AppealText, segmenter: Segmenter, includeTitle = true): PreparedQuery {
  const text = comparedText(doc, includeTitle);
  const terms = contentWords(text, segmenter);
  const shingles = shingleSet(text);
  return {
    id: doc.id, areaCode: doc.areaCode, categoryId: doc.categoryId, time: toTime(doc.createdAt),
    shingles, sketch: shingleSketch(shingles), termKeys: sortedUniqueKeys(terms), terms,
  };
}
