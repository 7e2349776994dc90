import { AppError } from '@minsheng/contracts';
import { canReadAppeal } from '@minsheng/domain';
import { findAppealForAccess } from '@minsheng/db';
import type { AppealRow, Executor } from '@minsheng/db';
import type { SessionUser } from '../auth/session-cache';

export interface ReadableAppeal {
  appeal: AppealRow;
  assigned: string[];
  paths: Record<string, string[]>;
}

/**
 * The read policy on a loaded appeal. Unknown id and no access both throw NOT_FOUND, so from outside nobody can tell
 * whether an appeal exists (DOMAIN.md §8).
 */
export function assertReadable<T extends ReadableAppeal>(user: SessionUser, found: T | null): T {
  if (!found || !isReadable(user, found)) throw new AppError('NOT_FOUND');
  return found;
}

/**
 * The same read policy as `assertReadable`, answered instead of thrown: batch reads leave an unreadable appeal out
 * of their answer, exactly as if it did not exist.
 */
export function isReadable(user: SessionUser, found: ReadableAppeal): boolean {
  const { appeal, assigned, paths } = found;
  return canReadAppeal(user.grants, { ownerUnitId: appeal.ownerUnitId, assignedUnitIds: assigned, accusedUnitId: appeal.accusedUnitId, unitPaths: paths });
}

/** Load an appeal the user may read. `extraUnitIds` adds paths the caller needs (dispatch targets). */
export async function loadReadableAppeal(db: Executor, user: SessionUser, id: string, extraUnitIds: readonly string[] = []): Promise<ReadableAppeal> {
  // One round trip: this runs before every read and every action on an appeal.
  return assertReadable(user, await findAppealForAccess(db, user.jurisdictionId, id, extraUnitIds));
}
