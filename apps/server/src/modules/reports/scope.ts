import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { subtreeUnitIds } from '@minsheng/db';
import type { AppealScope } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';

/**
 * What a report may count: the same scope as the appeal list — the whole jurisdiction for roles at the root unit,
 * otherwise the subtrees of the user's units — and never a report that accuses one of the user's units.
 */
export async function reportScope(deps: Deps, user: SessionUser): Promise<AppealScope> {
  const ancestorIds = [...new Set(user.grants.flatMap((g) => g.unitPath))];
  if (user.grants.some((g) => g.unitPath.length === 1)) return { unitIds: null, ancestorIds };
  const roots = [...new Set(user.grants.map((g) => g.unitId))];
  return { unitIds: await subtreeUnitIds(deps.database.db, user.jurisdictionId, roots), ancestorIds };
}

const textArray = (ids: readonly string[]) => sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::text[]`;

/** The scope as a condition on `appeals a` (the same predicate as the list's, so counts match what a click lists). */
export function scopeCondition(scope: AppealScope): SQL {
  const parts: SQL[] = [];
  if (scope.unitIds !== null) {
    if (!scope.unitIds.length) return sql`FALSE`;
    parts.push(sql`(a.owner_unit_id = ANY(${textArray(scope.unitIds)}) OR EXISTS (SELECT 1 FROM appeal_assignments x
      WHERE x.jurisdiction_id = a.jurisdiction_id AND x.appeal_id = a.id AND x.unit_id = ANY(${textArray(scope.unitIds)})))`);
  }
  if (scope.ancestorIds.length) parts.push(sql`(a.accused_unit_id IS NULL OR NOT (a.accused_unit_id = ANY(${textArray(scope.ancestorIds)})))`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}
