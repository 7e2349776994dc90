import { createSegmenter } from '../segment/segmenter';
import type { DictionaryWord } from '../segment/segmenter';
import type { TermVector } from './term-vectors';
import { cosine, documentFrequency, termVector, topicTerms, topTerms } from './term-vectors';

/** An appeal as hot-topic detection sees it. */
export interface TopicAppeal {
  id: string;
  title: string;
  content: string;
  areaCode?: string | null;
  unitId?: string | null;
  createdAt: Date | string | number;
}

export interface HotTopicOptions {
  /** Appeals of the previous period, for growth. */
  previous?: readonly TopicAppeal[];
  /** Cosine similarity to a topic's centroid needed to join it (default 0.3). */
  similarity?: number;
  /** Smallest topic reported (default 2). */
  minSize?: number;
  /** Most topics reported (default 20). */
  limit?: number;
  /** Extra segmentation words (place and estate names keep topics readable). */
  words?: readonly DictionaryWord[];
}

/** A count per area or unit. */
export interface Share {
  key: string;
  count: number;
}

/** A cluster of appeals about the same thing in the period (热点). */
export interface HotTopic {
  /** Readable label: the heaviest terms joined with 、. */
  label: string;
  terms: string[];
  /** The appeal closest to the topic's centre, and its title (a natural headline). */
  representativeId: string;
  representativeTitle: string;
  size: number;
  appealIds: string[];
  /** Appeals of the previous period that would have joined this topic. */
  previousSize: number;
  /** (size − previousSize) / previousSize; null when the topic is new. */
  growth: number | null;
  areas: Share[];
  units: Share[];
  firstAt: string;
  lastAt: string;
}

interface Cluster {
  members: number[];
  sum: TermVector;
  centroid: TermVector;
}

const INDEX_TERMS = 8;

function normalised(sum: TermVector): TermVector {
  let norm = 0;
  for (const w of sum.values()) norm += w * w;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return new Map([...sum].map(([t, w]) => [t, w * inv]));
}

function shares(values: (string | null | undefined)[]): Share[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

// A new topic (no previous appeals) ranks above any growth figure among topics of the same size.
const growthRank = (t: HotTopic): number => t.growth ?? Number.MAX_VALUE;

const iso = (t: Date | string | number): string => new Date(t).toISOString();

/**
 * Groups a period's appeals into topics (leader clustering on title-weighted TF-IDF, candidates found through an
 * inverted index of each topic's heaviest terms), labels them, and measures growth against the previous period.
 */
export function detectHotTopics(appeals: readonly TopicAppeal[], options: HotTopicOptions = {}): HotTopic[] {
  const threshold = options.similarity ?? 0.3;
  const segmenter = createSegmenter({ words: options.words ?? [] });
  const order = appeals.map((_, i) => i).sort((a, b) => new Date(appeals[a]!.createdAt).getTime() - new Date(appeals[b]!.createdAt).getTime() || a - b);
  const titles = appeals.map((a) => topicTerms(segmenter, a.title));
  const bodies = appeals.map((a) => topicTerms(segmenter, a.content));
  const df = documentFrequency(appeals.map((_, i) => [...titles[i]!, ...bodies[i]!]));
  const vectors = appeals.map((_, i) => termVector(titles[i]!, bodies[i]!, df, appeals.length));

  const clusters: Cluster[] = [];
  const byTerm = new Map<string, Set<number>>();
  const index = (c: number): void => {
    for (const t of topTerms(clusters[c]!.centroid, INDEX_TERMS)) {
      const set = byTerm.get(t);
      if (set) set.add(c); else byTerm.set(t, new Set([c]));
    }
  };
  const best = (v: TermVector): { cluster: number; sim: number } => {
    const candidates = new Set<number>();
    for (const t of topTerms(v, INDEX_TERMS)) for (const c of byTerm.get(t) ?? []) candidates.add(c);
    let cluster = -1;
    let sim = threshold;
    for (const c of candidates) {
      const s = cosine(v, clusters[c]!.centroid);
      if (s >= sim) { sim = s; cluster = c; }
    }
    return { cluster, sim };
  };

  for (const i of order) {
    const v = vectors[i]!;
    if (v.size === 0) continue;
    const { cluster } = best(v);
    if (cluster === -1) {
      clusters.push({ members: [i], sum: new Map(v), centroid: v });
      index(clusters.length - 1);
    } else {
      const c = clusters[cluster]!;
      c.members.push(i);
      for (const [t, w] of v) c.sum.set(t, (c.sum.get(t) ?? 0) + w);
      c.centroid = normalised(c.sum);
      index(cluster);
    }
  }

  const previousCounts = new Map<number, number>();
  for (const p of options.previous ?? []) {
    const v = termVector(topicTerms(segmenter, p.title), topicTerms(segmenter, p.content), df, appeals.length);
    const { cluster } = best(v);
    if (cluster !== -1) previousCounts.set(cluster, (previousCounts.get(cluster) ?? 0) + 1);
  }

  const topics: HotTopic[] = clusters.map((c, n) => {
    let rep = c.members[0]!;
    let repSim = -1;
    for (const i of c.members) { const s = cosine(vectors[i]!, c.centroid); if (s > repSim) { repSim = s; rep = i; } }
    const terms = topTerms(c.centroid, 5);
    const times = c.members.map((i) => new Date(appeals[i]!.createdAt).getTime()).sort((a, b) => a - b);
    const previousSize = previousCounts.get(n) ?? 0;
    return {
      label: terms.slice(0, 3).join('、'),
      terms,
      representativeId: appeals[rep]!.id,
      representativeTitle: appeals[rep]!.title,
      size: c.members.length,
      appealIds: c.members.map((i) => appeals[i]!.id),
      previousSize,
      growth: previousSize > 0 ? (c.members.length - previousSize) / previousSize : null,
      areas: shares(c.members.map((i) => appeals[i]!.areaCode)),
      units: shares(c.members.map((i) => appeals[i]!.unitId)),
      firstAt: iso(times[0]!),
      lastAt: iso(times[times.length - 1]!),
    };
  });
  return topics
    .filter((t) => t.size >= (options.minSize ?? 2))
    .sort((a, b) => b.size - a.size || growthRank(b) - growthRank(a) || (a.firstAt < b.firstAt ? -1 : a.firstAt > b.firstAt ? 1 : 0))
    .slice(0, options.limit ?? 20);
}
