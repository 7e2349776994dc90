import { subtreeUnitIds } from '@minsheng/db';
import type { AppealScope } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';

/**
 * What appeals a user may read in lists, reports and text features: the whole jurisdiction for a role at the root
 * unit, otherwise the subtrees of the user's units; never an appeal that accuses one of the user's units or parents.
 */
export async function appealScopeOf(deps: Deps, user: SessionUser): Promise<AppealScope> {
  const ancestorIds = [...new Set(user.grants.flatMap((g) => g.unitPath))];
  if (user.grants.some((g) => g.unitPath.length === 1)) return { jurisdictionId: user.jurisdictionId, unitIds: null, ancestorIds };
  const roots = [...new Set(user.grants.map((g) => g.unitId))];
  return { jurisdictionId: user.jurisdictionId, unitIds: await subtreeUnitIds(deps.database.db, user.jurisdictionId, roots), ancestorIds };
}
