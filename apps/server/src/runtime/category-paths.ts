import type { listCategories } from '@minsheng/db';

/** A category as lists, exports and suggestions name it: its name, the names from the top level down, and whether it is in use. */
export interface CategoryInfo { id: string; name: string; path: string[]; active: boolean }

/** Every category of a jurisdiction with its path of names (bounded, so a corrupt cycle cannot loop). */
export function categoryPaths(rows: Awaited<ReturnType<typeof listCategories>>): Map<string, CategoryInfo> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path = (id: string): string[] => {
    const names: string[] = [];
    for (let c = byId.get(id), depth = 0; c && depth < 16; c = c.parentId ? byId.get(c.parentId) : undefined, depth++) names.unshift(c.name);
    return names;
  };
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, path: path(r.id), active: r.active }]));
}
