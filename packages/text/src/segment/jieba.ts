import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from './normalize';
import { HOTLINE_VOCABULARY } from './vocabulary';

/** A word to add to the segmentation dictionary; a bare string gets a frequency high enough to win. */
export type DictionaryWord = string | { word: string; freq?: number; tag?: string };

// jieba's dictionary totals ~60M occurrences; a word with frequency below its parts' joint probability loses
// to them, so a bare domain word needs a frequency in the thousands to be kept whole.
const DEFAULT_FREQ = 20000;
// Loading the 5 MB dictionary takes ~0.3 s, so instances are shared per distinct word list.
const instances = new Map<string, Jieba>();

function dictionaryLine(w: DictionaryWord): string | undefined {
  const { word, freq, tag } = typeof w === 'string' ? { word: w, freq: undefined, tag: undefined } : w;
  const clean = normalizeText(word);
  if (!clean || /\s/.test(clean)) return undefined; // jieba's dictionary format cannot hold spaces
  return [clean, String(Math.max(1, Math.round(freq ?? DEFAULT_FREQ))), tag].filter(Boolean).join(' ');
}

/** jieba with the default dictionary, the 12345 vocabulary and the given words (shared per word list). */
export function jiebaFor(words: readonly DictionaryWord[]): Jieba {
  const lines = [...HOTLINE_VOCABULARY, ...words].map(dictionaryLine).filter((l): l is string => l !== undefined);
  const key = lines.join('\n');
  let jieba = instances.get(key);
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(`${key}\n`, 'utf8'));
    instances.set(key, jieba);
  }
  return jieba;
}

