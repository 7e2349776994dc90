import { AppError } from '@minsheng/contracts';
import type { AppealKind } from '@minsheng/contracts';
import { deactivateCategories, findAnyCategory, findUnit, isUniqueViolation, listCategories, shiftCategoryLevels, updateCategoryRow, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { classifierCache } from '../../text/classifier-cache';
import { requireAdmin } from '../policy';
import { presentCategory } from '../presenter';
import { changedFields } from '../changes';

const MAX_LEVEL = 3;

export interface UpdateCategoryInput {
  name?: string | undefined; parentId?: string | null | undefined; defaultKind?: AppealKind | null | undefined; defaultUnitId?: string | null | undefined;
  open311Code?: string | null | undefined; keywords?: string[] | undefined; active?: boolean | undefined;
}

/**
 * Edit a category: name, place in the tree (at most three levels, never under itself), intake defaults, Open311
 * code, keywords, active or not. Deactivating one deactivates its sub-categories too (intake stops offering the
 * branch; appeals keep their category); reactivating needs an active parent and brings back only this one.
 */
export async function updateCategory(deps: Deps, user: SessionUser, id: string, input: UpdateCategoryInput) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const all = await listCategories(db, jid);
  const category = all.find((c) => c.id === id);
  if (!category) throw new AppError('NOT_FOUND');
  const subtree = [category];
  for (let i = 0; i < subtree.length; i++) subtree.push(...all.filter((c) => c.parentId === subtree[i]!.id));

  let parent = category.parentId ? all.find((c) => c.id === category.parentId) ?? null : null;
  let level = category.level;
  const moving = input.parentId !== undefined && input.parentId !== category.parentId;
  if (moving) {
    parent = input.parentId ? all.find((c) => c.id === input.parentId) ?? null : null;
    if (input.parentId && !parent) throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'parentId' });
    if (parent && subtree.some((c) => c.id === parent!.id)) throw new AppError('TREE_CYCLE', 'a category cannot move under itself or its own sub-categories', { field: 'parentId' });
    level = parent ? parent.level + 1 : 1;
    const depth = Math.max(...subtree.map((c) => c.level)) - category.level;
    if (level + depth > MAX_LEVEL) throw new AppError('VALIDATION_FAILED', 'categories have at most three levels', { field: 'parentId' });
  }
  const reactivating = input.active === true && !category.active;
  if ((moving || reactivating) && (input.active ?? category.active) && parent && !parent.active) {
    throw new AppError('PARENT_INACTIVE', undefined, { field: moving ? 'parentId' : 'active' });
  }
  if (input.defaultUnitId && input.defaultUnitId !== category.defaultUnitId && !(await findUnit(db, jid, input.defaultUnitId))?.active) {
    throw new AppError('UNKNOWN_UNIT', undefined, { field: 'defaultUnitId' });
  }

  const change = changedFields(
    { name: category.name, parentId: category.parentId, defaultKind: category.defaultKind, defaultUnitId: category.defaultUnitId, open311Code: category.open311Code, keywords: category.keywords, active: category.active },
    {
      name: input.name?.trim(), parentId: input.parentId, defaultKind: input.defaultKind, defaultUnitId: input.defaultUnitId, open311Code: input.open311Code,
      keywords: input.keywords ? [...new Set(input.keywords.map((k) => k.trim()).filter(Boolean))] : undefined, active: input.active,
    },
  );
  if (!change) return presentCategory(category);
  const deactivated = change.after.active === false ? subtree.filter((c) => c.active).map((c) => c.id) : [];
  try {
    await db.transaction(async (tx) => {
      await updateCategoryRow(tx, jid, id, change.after);
      if (moving) await shiftCategoryLevels(tx, jid, subtree.map((c) => c.id), level - category.level);
      await deactivateCategories(tx, jid, deactivated);
      await writeAudit(tx, {
        jurisdictionId: jid, actorUserId: user.userId, action: 'update_category', targetType: 'category', targetId: id,
        detail: { key: category.key, ...change, ...(deactivated.length > 1 ? { deactivatedSubCategories: deactivated.filter((x) => x !== id) } : {}) },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DUPLICATE_CODE', undefined, { field: 'open311Code' });
    throw err;
  }
  // Intake reads active categories from the runtime; the classifier's suggestions filter on its own copy.
  deps.runtimes.invalidate(jid);
  classifierCache(deps.database).invalidate(jid);
  return presentCategory((await findAnyCategory(db, jid, id))!);
}
