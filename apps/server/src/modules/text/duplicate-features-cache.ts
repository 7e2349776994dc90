import { appealTextsByIds } from '@minsheng/db';
import type { Executor } from '@minsheng/db';
import { duplicateFeatures, findPersonalData, redactText } from '@minsheng/text';
import type { DuplicateFeatures, Segmenter } from '@minsheng/text';

/** What showing an appeal as a likely duplicate needs of its text. */
export interface ShownAppealText {
  /** The title with personal data masked. */
  title: string;
  /** Personal data in the title and body (names, phones, addresses…): a shared word inside it is never shown. */
  personalData: readonly string[];
}

interface Entry {
  features: DuplicateFeatures;
  /** Bytes of title and body when prepared (see duplicateCandidates): another size means the text changed. */
  textSize: number;
  /** Computed the first time the appeal is a match: finding personal data costs several times the features. */
  shown: ShownAppealText | null;
  /** The load that last used it: the entries used longest ago are evicted first. */
  usedAt: number;
}

/**
 * About 1–1.5 KB an entry: the pools of a busy jurisdiction's recent weeks (a pool is at most 3,000 appeals) fit,
 * and a process never holds more than ~30 MB of them.
 */
const DEFAULT_ENTRIES = 20_000;

/** Personal data found in a text, as the strings to keep out of the shared words. */
export function personalStrings(text: string): string[] {
  return findPersonalData(text).map((s) => s.text).filter((s) => s.length > 0);
}

const shownText = (t: { title: string; content: string }): ShownAppealText => ({ title: redactText(t.title).text, personalData: personalStrings(`${t.title}\n${t.content}`) });

/**
 * Duplicate features of appeals by jurisdiction and id, the least recently used evicted first. Preparing one (jieba
 * segmentation, shingles) costs ~0.1 ms, so a pool of thousands is prepared once and then only looked up: a query
 * reads the pool without texts and fetches the texts of the appeals new to the cache in one statement.
 * Entries are text features, not permissions: which appeals a reader may see is decided by the pool query each time.
 */
export class DuplicateFeaturesCache {
  private readonly jurisdictions = new Map<string, Map<string, Entry>>();
  private entries = 0;
  private loads = 0;

  constructor(private readonly maxEntries = DEFAULT_ENTRIES) {}

  get size(): number {
    return this.entries;
  }

  private of(jurisdictionId: string): Map<string, Entry> {
    let cached = this.jurisdictions.get(jurisdictionId);
    if (!cached) this.jurisdictions.set(jurisdictionId, (cached = new Map()));
    return cached;
  }

  /** Features of the pool's appeals by id; those missing or stale are read and prepared. */
  async load(db: Executor, jurisdictionId: string, pool: readonly { id: string; text_size: number }[], segmenter: Segmenter): Promise<Map<string, DuplicateFeatures>> {
    const usedAt = ++this.loads;
    const cached = this.of(jurisdictionId);
    const found = new Map<string, DuplicateFeatures>();
    const missing: string[] = [];
    for (const row of pool) {
      const entry = cached.get(row.id);
      if (entry && entry.textSize === row.text_size) {
        entry.usedAt = usedAt;
        found.set(row.id, entry.features);
      } else missing.push(row.id);
    }
    for (const text of await appealTextsByIds(db, jurisdictionId, missing)) {
      const features = duplicateFeatures(text, segmenter);
      if (!cached.has(text.id)) this.entries++;
      cached.set(text.id, { features, textSize: text.text_size, shown: null, usedAt });
      found.set(text.id, features);
    }
    if (this.entries > this.maxEntries) this.evict();
    return found;
  }

  /** Shown title and personal data of matches (ids from a scoped pool), reading in one statement those never shown. */
  async shown(db: Executor, jurisdictionId: string, ids: readonly string[]): Promise<Map<string, ShownAppealText>> {
    const cached = this.of(jurisdictionId);
    const shown = new Map<string, ShownAppealText>();
    const missing = ids.filter((id) => {
      const s = cached.get(id)?.shown;
      if (s) shown.set(id, s);
      return !s;
    });
    for (const text of await appealTextsByIds(db, jurisdictionId, missing)) {
      const s = shownText(text);
      const entry = cached.get(text.id);
      if (entry && entry.textSize === text.text_size) entry.shown = s;
      shown.set(text.id, s);
    }
    return shown;
  }

  /** Drops the least recently used tenth at once, so that eviction's sort is paid once per many loads. */
  private evict(): void {
    const all: { cached: Map<string, Entry>; id: string; usedAt: number }[] = [];
    for (const cached of this.jurisdictions.values()) for (const [id, e] of cached) all.push({ cached, id, usedAt: e.usedAt });
    all.sort((a, b) => a.usedAt - b.usedAt);
    const keep = Math.floor(this.maxEntries * 0.9);
    for (const e of all.slice(0, Math.max(0, all.length - keep))) e.cached.delete(e.id);
    this.entries = Math.min(all.length, keep);
  }
}

const caches = new WeakMap<Executor, DuplicateFeaturesCache>();

/** The cache of a database handle (one per process in production; each test server has its own). */
export function duplicateFeaturesCache(db: Executor): DuplicateFeaturesCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new DuplicateFeaturesCache()));
  return cache;
}
