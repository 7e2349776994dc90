import { loadClassifier } from '@minsheng/text';
import type { ClassifierModel, TextClassifier } from '@minsheng/text';
import { activeTextModelHead, findTextModel, listCategories } from '@minsheng/db';
import type { Database, Executor, TextModelRow } from '@minsheng/db';
import { categoryPaths } from '../../runtime/category-paths';
import type { CategoryInfo } from '../../runtime/category-paths';

export type { CategoryInfo } from '../../runtime/category-paths';

/** The jurisdiction's active classifier, ready to predict. */
export interface LoadedClassifier {
  id: string;
  version: number;
  modelVersion: string;
  classifier: TextClassifier;
}

interface Entry {
  checkedAt: number;
  loaded: LoadedClassifier | null;
  categories: Map<string, CategoryInfo>;
  refreshing: Promise<void> | null;
  /** Bumped by put(): a refresh that started before must not overwrite what was put. */
  generation: number;
}

/** How long a process trusts its copy before asking which model is active (a cheap indexed read). */
const CHECK_EVERY_MS = 10_000;

/** Parses and loads a stored model (≈100 ms for a few MB; once per new version per process). */
export function loadStoredModel(row: Pick<TextModelRow, 'id' | 'version' | 'modelVersion' | 'model'>): LoadedClassifier {
  return { id: row.id, version: row.version, modelVersion: row.modelVersion, classifier: loadClassifier(JSON.parse(row.model) as ClassifierModel) };
}

/**
 * Each jurisdiction's active classifier in memory. A request within CHECK_EVERY_MS of the last check uses the copy
 * as is; after that the active model's id is read again and a newer one is loaded — in the background when a copy
 * exists (requests keep using the old one meanwhile), awaited only when there is none yet.
 */
export class ClassifierCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly db: Executor, private readonly ttlMs = CHECK_EVERY_MS) {}

  async get(jurisdictionId: string): Promise<{ loaded: LoadedClassifier | null; categories: Map<string, CategoryInfo> }> {
    let e = this.entries.get(jurisdictionId);
    if (!e) this.entries.set(jurisdictionId, (e = { checkedAt: 0, loaded: null, categories: new Map(), refreshing: null, generation: 0 }));
    if (Date.now() - e.checkedAt >= this.ttlMs) {
      const entry = e;
      entry.refreshing ??= this.refresh(jurisdictionId, entry).finally(() => { entry.refreshing = null; });
      // Serve the copy while checking, unless there is none yet or the category names were never read (put() first).
      if (entry.loaded && entry.categories.size) entry.refreshing.catch((err) => console.error('[text] model refresh failed:', err instanceof Error ? err.message : err));
      else await entry.refreshing;
    }
    return { loaded: e.loaded, categories: e.categories };
  }

  /** A model this process just stored becomes the cached one at once. */
  put(jurisdictionId: string, loaded: LoadedClassifier): void {
    const e = this.entries.get(jurisdictionId);
    if (e) { e.loaded = loaded; e.generation += 1; } else this.entries.set(jurisdictionId, { checkedAt: 0, loaded, categories: new Map(), refreshing: null, generation: 1 });
  }

  invalidate(jurisdictionId: string): void {
    const e = this.entries.get(jurisdictionId);
    if (e) e.checkedAt = 0;
  }

  private async refresh(jurisdictionId: string, e: Entry): Promise<void> {
    const generation = e.generation;
    const [head, categories] = await Promise.all([activeTextModelHead(this.db, jurisdictionId), listCategories(this.db, jurisdictionId)]);
    let loaded = e.loaded;
    if (!head) loaded = null;
    else if (loaded?.id !== head.id) {
      const row = await findTextModel(this.db, jurisdictionId, head.id);
      loaded = row ? loadStoredModel(row) : null;
    }
    e.categories = categoryPaths(categories);
    if (e.generation !== generation) return; // put() ran meanwhile: its model is newer than what this read
    e.loaded = loaded;
    e.checkedAt = Date.now();
  }
}

const caches = new WeakMap<Database, ClassifierCache>();

/** The cache of a database handle (one per process in production; each test server has its own). */
export function classifierCache(database: Database): ClassifierCache {
  let cache = caches.get(database);
  if (!cache) caches.set(database, (cache = new ClassifierCache(database.db)));
  return cache;
}
