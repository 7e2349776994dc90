import { searchPublicAreas } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';

/** 所在区域: areas of the jurisdiction by name (at most 20), or its top level when nothing is typed. */
export async function searchAreas(deps: Deps, jurisdictionId: string, q: string | undefined) {
  await requireRuntime(deps, jurisdictionId);
  return { items: await searchPublicAreas(deps.database.db, jurisdictionId, (q ?? '').trim(), 20) };
}
