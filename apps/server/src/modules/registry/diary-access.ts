import { unitPaths } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { coversUnit, seesEverything } from './policy';

/**
 * Which diary authors' units a user may read: everything for the centre's admin, supervisor and leader; a unit
 * leader their unit's subtree; anyone else only their own entries. Returns a predicate over (author, unit).
 */
export async function diaryReader(deps: Deps, user: SessionUser, unitIds: readonly string[]) {
  if (seesEverything(user)) return () => true;
  const unitLeader = user.grants.some((g) => g.role === 'unit_leader');
  const paths = unitLeader ? await unitPaths(deps.database.db, user.jurisdictionId, unitIds) : {};
  return (authorUserId: string, unitId: string | null) => authorUserId === user.userId || (unitLeader && unitId !== null && coversUnit(user, paths[unitId]));
}
