import { AppError } from '@minsheng/contracts';
import { categoryAncestry, findCategory } from '@minsheng/db';
import type { Executor } from '@minsheng/db';

/** A category content is filed under must exist in the jurisdiction and be active; null (none) always passes. */
export async function requireActiveCategory(db: Executor, jurisdictionId: string, categoryId: string | null | undefined): Promise<void> {
  if (!categoryId) return;
  if (!(await findCategory(db, jurisdictionId, categoryId))) throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'categoryId' });
}

/** A category named in a filter, with its ancestors (most specific first); an unknown one is UNKNOWN_CATEGORY. */
export async function categoryPathOf(db: Executor, jurisdictionId: string, categoryId: string): Promise<string[]> {
  const path = (await categoryAncestry(db, jurisdictionId, categoryId)).map((c) => c.id);
  if (!path.length) throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'categoryId' });
  return path;
}
