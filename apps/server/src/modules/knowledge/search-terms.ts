import { createSegmenter } from '@minsheng/text';
import type { Segmenter } from '@minsheng/text';

const MAX_TERMS = 16;
// The segmenter's stand-in for long digit runs (phone and ID numbers): it matches nothing an article says.
const NUMBER_TOKEN = '<num>';

let shared: Segmenter | null = null;
const segmenter = (): Segmenter => (shared ??= createSegmenter());

/**
 * The words of a knowledge query, lower-cased and unique, in query order: null for a blank query (no text filter),
 * [] when it holds only stop words or punctuation (nothing can match).
 */
export function knowledgeTerms(q: string | undefined): string[] | null {
  if (!q || !q.trim()) return null;
  const terms = [...new Set(segmenter().tokens(q).map((t) => t.toLowerCase()))].filter((t) => t !== NUMBER_TOKEN);
  // A lone character (点, 丢, 问) is in half the articles: beside real words it only adds noise.
  const words = terms.filter((t) => [...t].length > 1);
  return (words.length ? words : terms).slice(0, MAX_TERMS);
}
