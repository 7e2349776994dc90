import type { Segmenter } from '../segment/segmenter';

/** A sparse, L2-normalised term vector. */
export type TermVector = Map<string, number>;

// Topic labels are made of these terms, so only words a reader can take as a subject survive: two characters or
// more, not numbers, not the anonymised place codes (A3区) or reporting verbs every appeal contains.
const NOT_A_TOPIC = /^[\d<>a-z.%]+$|^[a-z]\d*[市区县]?$/i;
const GENERIC = new Set(['反映', '问题', '情况', '投诉', '举报', '咨询', '建议', '要求', '希望', '相关', '部门', '解决', '处理', '政府',
  '有关', '能否', '是否', '为何', '何时', '一下', '关于', '严重', '导致', '进行', '现在', '已经', '没有', '不能', '无法']);

/** Content words of a text for topic work. */
export function topicTerms(segmenter: Segmenter, text: string): string[] {
  return segmenter.tokens(text).filter((t) => [...t].length >= 2 && !NOT_A_TOPIC.test(t) && !GENERIC.has(t));
}

/** Document frequency of each term over a list of term lists. */
export function documentFrequency(docs: readonly string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** TF-IDF vector (sublinear tf, smoothed idf), L2-normalised; the title's terms count `titleWeight` times. */
export function termVector(title: string[], body: string[], df: Map<string, number>, docs: number, titleWeight = 2): TermVector {
  const tf = new Map<string, number>();
  for (const t of title) tf.set(t, (tf.get(t) ?? 0) + titleWeight);
  for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v: TermVector = new Map();
  let norm = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * (Math.log((1 + docs) / (1 + (df.get(t) ?? 0))) + 1);
    v.set(t, w);
    norm += w * w;
  }
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [t, w] of v) v.set(t, w * inv);
  return v;
}

/** Cosine of two L2-normalised vectors (iterates the smaller). */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) { const o = large.get(t); if (o !== undefined) s += w * o; }
  return s;
}

/** The k heaviest terms of a vector. */
export function topTerms(v: TermVector, k: number): string[] {
  return [...v.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, k).map(([t]) => t);
}
