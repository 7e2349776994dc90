import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import { subtreeUnitIds } from '@minsheng/db';
import type { AppealScope } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';

/** Intake suggestions (分类建议, 重复诉求, 来电历史) are for the people registering and routing appeals. */
export const SUGGEST_ROLES: readonly Role[] = ['agent', 'dispatcher'];
/** Early warnings (预警) are read and acknowledged by supervision staff and leaders. */
export const WARNING_ROLES: readonly Role[] = ['supervisor', 'leader'];

export function requireRole(user: SessionUser, roles: readonly Role[], what: string): void {
  if (!user.grants.some((g) => roles.includes(g.role))) throw new AppError('FORBIDDEN', `${what} is for ${roles.join(', ')}`);
}

/**
 * What the user may read, as the appeal list has it: the whole jurisdiction for a role at the root unit, otherwise the
 * subtrees of the user's units; never an appeal that accuses one of the user's units or their parents.
 */
export async function readScope(deps: Deps, user: SessionUser): Promise<AppealScope> {
  const ancestorIds = [...new Set(user.grants.flatMap((g) => g.unitPath))];
  if (user.grants.some((g) => g.unitPath.length === 1)) return { unitIds: null, ancestorIds };
  const roots = [...new Set(user.grants.map((g) => g.unitId))];
  return { unitIds: await subtreeUnitIds(deps.database.db, user.jurisdictionId, roots), ancestorIds };
}
