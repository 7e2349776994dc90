import { sql } from 'drizzle-orm';
import { listCategories, queryRows } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import type { ReportPeriodInput } from './report-window';
import { presentWindow, reportWindow } from './report-window';
import { windowCounts } from './rollup-counts';

/** A category with the period's appeals filed under it or any descendant (`count`), and directly under it (`direct`). */
export interface CategoryCount { id: string; name: string; count: number; direct: number; children: CategoryCount[] }

/** Categories may nest this deep at most; a corrupt parent cycle stops here instead of looping. */
const MAX_DEPTH = 8;

/**
 * The category tree with counts summed upwards, keeping only branches with appeals (busiest first). Inactive
 * categories still appear when appeals of the period carry them; an appeal whose category row is gone counts as
 * uncategorised.
 */
function countTree(categories: { id: string; parentId: string | null; name: string }[], direct: Map<string, number>): { roots: CategoryCount[]; orphaned: number } {
  const known = new Set(categories.map((c) => c.id));
  const children = new Map<string | null, typeof categories>();
  for (const c of categories) {
    const parent = c.parentId !== null && known.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const build = (parent: string | null, depth: number): CategoryCount[] => (depth > MAX_DEPTH ? [] : (children.get(parent) ?? [])
    .map((c) => {
      const kids = build(c.id, depth + 1);
      const own = direct.get(c.id) ?? 0;
      return { id: c.id, name: c.name, direct: own, count: own + kids.reduce((s, k) => s + k.count, 0), children: kids };
    })
    .filter((n) => n.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh')));
  const orphaned = [...direct].filter(([id]) => !known.has(id)).reduce((s, [, n]) => s + n, 0);
  return { roots: build(null, 0), orphaned };
}

/**
 * 诉求类型与分类构成: the period's appeals (registered in it, in the user's scope) by kind (咨询、求助、投诉…) and by
 * category as a nested tree for a treemap.
 */
export async function appealBreakdown(deps: Deps, user: SessionUser, q: ReportPeriodInput) {
  const w = await reportWindow(deps, user, q, { days: 30 });
  const db = deps.database.reader;
  const [rolledKinds, rolledCategories] = await Promise.all([
    windowCounts(db, user.jurisdictionId, w, 'registered', 'kind', ['value']),
    windowCounts(db, user.jurisdictionId, w, 'registered', 'category', ['value']),
  ]);
  const [kinds, byCategory, categories] = await Promise.all([
    rolledKinds ? rolledKinds.map((r) => ({ kind: r.value, n: r.n })).sort((a, b) => b.n - a.n || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
      : queryRows<{ kind: string; n: number }>(db, sql`SELECT a.kind, count(*)::int AS n FROM appeals a WHERE ${w.where} GROUP BY 1 ORDER BY 2 DESC, 1`),
    rolledCategories ? rolledCategories.map((r) => ({ category_id: r.value === '' ? null : r.value, n: r.n }))
      : queryRows<{ category_id: string | null; n: number }>(db, sql`SELECT a.category_id, count(*)::int AS n FROM appeals a WHERE ${w.where} GROUP BY 1`),
    listCategories(db, user.jurisdictionId),
  ]);
  const direct = new Map(byCategory.filter((r) => r.category_id !== null).map((r) => [r.category_id!, r.n]));
  const { roots, orphaned } = countTree(categories, direct);
  return {
    period: presentWindow(w),
    total: kinds.reduce((s, r) => s + r.n, 0),
    byKind: kinds.map((r) => ({ kind: r.kind, count: r.n })),
    categories: roots,
    uncategorised: (byCategory.find((r) => r.category_id === null)?.n ?? 0) + orphaned,
    generatedAt: w.now.toISOString(),
  };
}
