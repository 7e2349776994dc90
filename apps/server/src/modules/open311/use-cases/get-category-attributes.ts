import { AppError } from '@minsheng/contracts';
import { findAnyCategory, listCategoryAttributes } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentAttribute } from '../presenter';

/** A category's Open311 attributes, the deactivated ones included (the admin edits the whole list). */
export async function getCategoryAttributes(deps: Deps, user: SessionUser, categoryId: string) {
  requireAdmin(user);
  const db = deps.database.db;
  if (!(await findAnyCategory(db, user.jurisdictionId, categoryId))) throw new AppError('NOT_FOUND');
  return { items: (await listCategoryAttributes(db, user.jurisdictionId, categoryId, true)).map(presentAttribute) };
}
