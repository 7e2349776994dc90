import { APPEAL_KINDS } from '@minsheng/contracts';
import { listCategories } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { PORTAL_LIMITS } from '../limits';
import { PORTAL_CHANNELS } from '../submission-fields';

/** What the 写信 form needs: the jurisdiction, the kinds and active categories to choose from, the size limits. */
export async function getPortalConfig(deps: Deps, jurisdictionId: string) {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const categories = (await listCategories(deps.database.db, jurisdictionId)).filter((c) => c.active);
  return {
    jurisdiction: { id: runtime.id, name: runtime.name },
    kinds: [...APPEAL_KINDS],
    channels: [...PORTAL_CHANNELS],
    categories: categories.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, level: c.level })),
    limits: { maxFiles: PORTAL_LIMITS.maxFiles, maxFileBytes: PORTAL_LIMITS.maxFileBytes, titleMax: PORTAL_LIMITS.titleMax, contentMax: PORTAL_LIMITS.contentMax },
  };
}
