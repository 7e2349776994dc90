import type { ProxyLevel } from '@minsheng/domain';
import { listProxyItems, publicNames } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { presentPublicItem } from '../presenter';

/** 代办事项目录 on the portal: active items, by level, matching the words asked for in name or materials. */
export async function listPublicCatalogue(deps: Deps, jurisdictionId: string, query: { level?: ProxyLevel | undefined; q?: string | undefined }) {
  const [rows, names] = await Promise.all([listProxyItems(deps.database.db, jurisdictionId, true), publicNames(deps.database.db, jurisdictionId)]);
  const q = query.q?.trim();
  const items = rows.filter((i) => (!query.level || i.level === query.level) && (!q || i.name.includes(q) || i.materials.some((m) => m.includes(q))));
  return { items: items.map((i) => presentPublicItem(i, i.unitId ? names.unitNames.get(i.unitId) ?? null : null)) };
}
