import { createWorkCalendar, resolveSettings } from '@minsheng/domain';
import type { DeadlinePolicy, JurisdictionSettings, WorkCalendar } from '@minsheng/domain';
import { findJurisdiction, listAreaCodes, listCalendarOverrides, listCategories, listPolicies, rootUnit } from '@minsheng/db';
import type { AppealKind } from '@minsheng/contracts';
import type { Executor } from '@minsheng/db';

/** Everything about a jurisdiction that rules need on every request: settings, calendar, deadline policies. */
export interface JurisdictionRuntime {
  id: string;
  name: string;
  numberPrefix: string;
  rootUnitId: string;
  settings: JurisdictionSettings;
  calendar: WorkCalendar;
  policies: DeadlinePolicy[];
  /** Active categories by id (intake validates and applies defaults from here). */
  categories: Map<string, { id: string; defaultKind: AppealKind | null }>;
  /** Every area code of the jurisdiction. */
  areaCodes: Set<string>;
}

/** An entry older than this share of the ttl is reloaded in the background while it still answers. */
const REFRESH_AHEAD = 0.8;

/**
 * Caches each jurisdiction's runtime for a short time. Admin changes invalidate it in this process at once;
 * other processes pick the change up within `ttlMs`. An entry near its end is reloaded in the background while it
 * still answers: otherwise, every `ttlMs`, each request of a busy process would wait for the reload's six reads,
 * queued in the pool behind the others — a stall of the whole process under load.
 */
export class JurisdictionRuntimes {
  private readonly cache = new Map<string, { at: number; value: Promise<JurisdictionRuntime | null> }>();
  private readonly refreshing = new Set<string>();
  constructor(private readonly db: Executor, private readonly ttlMs = 30_000) {}

  get(id: string): Promise<JurisdictionRuntime | null> {
    const hit = this.cache.get(id);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && age < this.ttlMs) {
      if (age > this.ttlMs * REFRESH_AHEAD) this.refresh(id, hit);
      return hit.value;
    }
    const value = this.load(id).catch((err) => { this.cache.delete(id); throw err; });
    this.cache.set(id, { at: Date.now(), value });
    return value;
  }

  invalidate(id: string): void {
    this.cache.delete(id);
  }

  /** Reload in the background; the result replaces `was` only if nothing (an invalidation, a miss) replaced it meanwhile. */
  private refresh(id: string, was: { at: number; value: Promise<JurisdictionRuntime | null> }): void {
    if (this.refreshing.has(id)) return;
    this.refreshing.add(id);
    const at = Date.now();
    this.load(id)
      .then((runtime) => { if (this.cache.get(id) === was) this.cache.set(id, { at, value: Promise.resolve(runtime) }); })
      .catch(() => { /* the entry answers until it lapses; the next miss loads again and reports a failure */ })
      .finally(() => this.refreshing.delete(id));
  }

  private async load(id: string): Promise<JurisdictionRuntime | null> {
    const j = await findJurisdiction(this.db, id);
    if (!j) return null;
    const [overrides, policies, root, categoryRows, areaRows] = await Promise.all([
      listCalendarOverrides(this.db, id), listPolicies(this.db, id), rootUnit(this.db, id), listCategories(this.db, id), listAreaCodes(this.db, id),
    ]);
    if (!root) throw new Error(`jurisdiction ${id} has no root unit`);
    const settings = resolveSettings(j.settings);
    const calendar = createWorkCalendar({
      overrides: overrides.map((o) => ({ date: o.date, kind: o.kind as 'holiday' | 'workday', name: o.name })),
      workingHours: settings.workingHours,
      utcOffsetMinutes: settings.utcOffsetMinutes,
    });
    const categories = new Map(categoryRows.filter((c) => c.active).map((c) => [c.id, { id: c.id, defaultKind: c.defaultKind as AppealKind | null }]));
    return { id, name: j.name, numberPrefix: j.numberPrefix, rootUnitId: root.id, settings, calendar, policies, categories, areaCodes: new Set(areaRows) };
  }
}
