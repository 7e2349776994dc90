// Raw intake text and pre-segmented training text must reach the tokenizer in the same shape, otherwise the
// classifier learns from one form and predicts on another. Normalising removes the differences that do not
// carry meaning: full-width forms, letter case, and the spaces a segmenter inserted between words.

const WHITESPACE_RUN = /\s+/g;
const ASCII_WORD = /[0-9a-z]/;

/**
 * NFKC (full-width → half-width), lower case, and whitespace removed except between two ASCII letters/digits,
 * where it separates words ("list pub") rather than segments ("物业 公司" → "物业公司").
 */
export function normalizeText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase().trim();
  return s.replace(WHITESPACE_RUN, (_run: string, offset: number) =>
    ASCII_WORD.test(s[offset - 1] ?? '') && ASCII_WORD.test(s[offset + _run.length] ?? '') ? ' ' : '');
}
