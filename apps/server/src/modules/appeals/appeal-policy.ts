import { AppError } from '@minsheng/contracts';
import { canReadAppeal } from '@minsheng/domain';
import { assignedUnitIds, findAppeal, unitPaths } from '@minsheng/db';
import type { AppealRow, Executor } from '@minsheng/db';
import type { SessionUser } from '../auth/session-cache';

export interface ReadableAppeal {
  appeal: AppealRow;
  assigned: string[];
  paths: Record<string, string[]>;
}

/**
 * Load an appeal the user may read. Unknown id and no access both throw NOT_FOUND, so from outside nobody can
 * tell whether an appeal exists (DOMAIN.md §8). `extraUnitIds` adds paths the caller needs (dispatch targets).
 */
export async function loadReadableAppeal(db: Executor, user: SessionUser, id: string, extraUnitIds: readonly string[] = []): Promise<ReadableAppeal> {
  const appeal = await findAppeal(db, user.jurisdictionId, id);
  if (!appeal) throw new AppError('NOT_FOUND');
  const assigned = await assignedUnitIds(db, user.jurisdictionId, id);
  const ids = [appeal.ownerUnitId, ...assigned, ...appeal.coUnitIds, ...extraUnitIds];
  if (appeal.leadUnitId) ids.push(appeal.leadUnitId);
  if (appeal.accusedUnitId) ids.push(appeal.accusedUnitId);
  const paths = await unitPaths(db, user.jurisdictionId, ids);
  const facts = { ownerUnitId: appeal.ownerUnitId, assignedUnitIds: assigned, accusedUnitId: appeal.accusedUnitId, unitPaths: paths };
  if (!canReadAppeal(user.grants, facts)) throw new AppError('NOT_FOUND');
  return { appeal, assigned, paths };
}
