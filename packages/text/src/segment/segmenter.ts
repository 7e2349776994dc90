import type { DictionaryWord } from './jieba';
import { jiebaFor } from './jieba';
import { normalizeText } from './normalize';
import { STOP_WORDS } from './stopwords';

export type { DictionaryWord } from './jieba';

// Digits that long are phone, ID or order numbers: unique per message, so they only add noise to features.
const LONG_NUMBER = /^\d{6,}$/;
const NUMBER_TOKEN = '<num>';
const DIGIT_RUN = /(\d{6,})/;
// A token made only of punctuation, symbols or spaces (Unicode P, S, Z categories).
const PUNCTUATION = /^[\p{P}\p{S}\p{Z}\s]+$/u;
const FATE_CACHE_LIMIT = 200_000;

export interface SegmenterOptions {
  /** Extra words kept whole (place names, unit names, local vocabulary); added to the built-in 12345 list. */
  words?: readonly DictionaryWord[];
  /** Replaces the default stop-word list. */
  stopWords?: ReadonlySet<string>;
}

/** Splits Chinese text into words; `tokens` is the classifier's view (normalised, no stop words or punctuation). */
export interface Segmenter {
  /** Every segment of the normalised text, punctuation included. */
  cut(text: string): string[];
  /** Meaningful tokens: normalised, segmented, without stop words, punctuation and whitespace. */
  tokens(text: string): string[];
}

/** Creates a segmenter with the built-in 12345 vocabulary plus the caller's words. */
export function createSegmenter(options: SegmenterOptions = {}): Segmenter {
  const jieba = jiebaFor(options.words ?? []);
  const stopWords = options.stopWords ?? STOP_WORDS;
  const cut = (text: string): string[] => {
    const normal = normalizeText(text);
    if (!normal) return [];
    // Long digit runs go around jieba: with 12345 in the dictionary it would cut 13812345678 into 138/12345/678.
    const out: string[] = [];
    for (const piece of normal.split(DIGIT_RUN)) {
      if (!piece) continue;
      if (LONG_NUMBER.test(piece)) out.push(piece);
      else for (const w of jieba.cut(piece, true)) out.push(w);
    }
    return out;
  };
  // Segments repeat heavily across messages; remembering each one's fate skips the regex tests (a third of
  // tokenising time). Bounded so a long-running server cannot grow it without limit.
  const fate = new Map<string, string>();
  const keep = (seg: string): string => {
    let out = fate.get(seg);
    if (out === undefined) {
      const t = seg.trim();
      out = !t || PUNCTUATION.test(t) || stopWords.has(t) ? '' : LONG_NUMBER.test(t) ? NUMBER_TOKEN : t;
      if (fate.size >= FATE_CACHE_LIMIT) fate.clear();
      fate.set(seg, out);
    }
    return out;
  };
  return {
    cut,
    tokens(text) {
      const out: string[] = [];
      for (const seg of cut(text)) {
        const t = keep(seg);
        if (t) out.push(t);
      }
      return out;
    },
  };
}
