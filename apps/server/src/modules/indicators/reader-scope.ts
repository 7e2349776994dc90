import { AppError } from '@minsheng/contracts';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { appealScopeOf } from '../appeals/appeal-scope';

/** Roles that read indicators: the centre's leaders and supervisors see the jurisdiction, unit leaders their subtree. */
const READERS = new Set(['leader', 'supervisor', 'admin', 'unit_leader', 'dispatcher']);

export interface IndicatorReader { visibleUnitIds: readonly string[] | null; ancestorUnitIds: readonly string[] }

/** Which units' figures the user may read; the same subtree rule as the appeal list (appealScopeOf). */
export async function indicatorReaderOf(deps: Deps, user: SessionUser): Promise<IndicatorReader> {
  if (!user.grants.some((g) => READERS.has(g.role))) throw new AppError('FORBIDDEN', 'indicators are for leaders, supervisors and unit leaders');
  const scope = await appealScopeOf(deps, user);
  return { visibleUnitIds: scope.unitIds, ancestorUnitIds: scope.ancestorIds };
}

/** Exclusions and freezing: an administrator or supervisor of the root unit (the centre). */
export function requireAssessor(user: SessionUser, roles: readonly string[] = ['admin', 'supervisor']): void {
  if (!user.grants.some((g) => roles.includes(g.role) && g.unitPath.length === 1)) throw new AppError('FORBIDDEN', `only ${roles.join(' or ')} of the centre`);
}
