import type { PortalConfig } from './portal-api';

export interface CategoryNode { value: string; title: string; children: CategoryNode[] }

/** The flat category list as a tree for TreeSelect (parents before children is not assumed). */
export function categoryTree(categories: PortalConfig['categories']): CategoryNode[] {
  const nodes = new Map(categories.map((c) => [c.id, { value: c.id, title: c.name, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.children.push(node); else roots.push(node);
  }
  return roots;
}
