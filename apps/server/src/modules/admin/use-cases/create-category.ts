import { and, eq } from 'drizzle-orm';
import { AppError } from '@minsheng/contracts';
import type { AppealKind } from '@minsheng/contracts';
import { findUnit, insertCategory, newId, schema, writeAudit, isUniqueViolation } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';

export interface CreateCategoryInput {
  key: string; name: string; parentId?: string | undefined; defaultKind?: AppealKind | undefined;
  defaultUnitId?: string | undefined; open311Code?: string | undefined; keywords?: string[] | undefined;
}

/** Add a category; the tree has at most three levels. */
export async function createCategory(deps: Deps, user: SessionUser, input: CreateCategoryInput) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const t = schema.categories;
  let level = 1;
  if (input.parentId) {
    const [parent] = await db.select().from(t).where(and(eq(t.jurisdictionId, jid), eq(t.id, input.parentId))).limit(1);
    if (!parent) throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'parentId' });
    if (parent.level >= 3) throw new AppError('VALIDATION_FAILED', 'categories have at most three levels', { field: 'parentId' });
    level = parent.level + 1;
  }
  if (input.defaultUnitId && !(await findUnit(db, jid, input.defaultUnitId))) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'defaultUnitId' });
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      await insertCategory(tx, {
        jurisdictionId: jid, id, key: input.key, parentId: input.parentId ?? null, level, name: input.name.trim(),
        defaultKind: input.defaultKind ?? null, defaultUnitId: input.defaultUnitId ?? null, open311Code: input.open311Code ?? null, keywords: input.keywords ?? [],
      });
      await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_category', targetType: 'category', targetId: id, detail: { key: input.key } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('DUPLICATE_CODE', undefined, { field: 'key/open311Code' });
    throw err;
  }
  deps.runtimes.invalidate(jid);
  const [row] = await db.select().from(t).where(and(eq(t.jurisdictionId, jid), eq(t.id, id)));
  return row!;
}
