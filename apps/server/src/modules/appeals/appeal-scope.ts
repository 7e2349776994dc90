import { subtreeUnitIds } from '@minsheng/db';
import type { AppealScope } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';

/**
 * The unit ids under a signed-in user's units, kept with the resolved session (SessionCache holds it at most 10 s):
 * the grants the subtree comes from are exactly that fresh, so a re-organised tree reaches a user's lists as soon as
 * a changed role does, and an inbox page costs one statement instead of two.
 */
const subtrees = new WeakMap<SessionUser, Promise<string[]>>();

function subtreeOf(deps: Deps, user: SessionUser, roots: string[]): Promise<string[]> {
  let ids = subtrees.get(user);
  if (!ids) {
    ids = subtreeUnitIds(deps.database.db, user.jurisdictionId, roots);
    ids.catch(() => subtrees.delete(user));
    subtrees.set(user, ids);
  }
  return ids;
}

/**
 * What appeals a user may read in lists, reports and text features: the whole jurisdiction for a role at the root
 * unit, otherwise the subtrees of the user's units; never an appeal that accuses one of the user's units or parents.
 */
export async function appealScopeOf(deps: Deps, user: SessionUser): Promise<AppealScope> {
  const ancestorIds = [...new Set(user.grants.flatMap((g) => g.unitPath))];
  if (user.grants.some((g) => g.unitPath.length === 1)) return { jurisdictionId: user.jurisdictionId, unitIds: null, ancestorIds };
  const roots = [...new Set(user.grants.map((g) => g.unitId))];
  return { jurisdictionId: user.jurisdictionId, unitIds: await subtreeOf(deps, user, roots), ancestorIds };
}
