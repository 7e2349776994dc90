import { AppError } from '@minsheng/contracts';
import { findAnyCategory, listCategoryAttributes, replaceCategoryAttributes, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { checkDefinitions, isListType } from '../attribute-rules';
import type { AttributeInput } from '../attribute-rules';
import { presentAttribute } from '../presenter';

/**
 * Replace a category's Open311 attributes as one list (its order is the display order). Submitted requests keep
 * the answers they were given; the audit log records the list before and after.
 */
export async function replaceCategoryAttributesFor(deps: Deps, user: SessionUser, categoryId: string, list: AttributeInput[]) {
  requireAdmin(user);
  checkDefinitions(list);
  const jid = user.jurisdictionId;
  const now = deps.now();
  const db = deps.database.db;
  if (!(await findAnyCategory(db, jid, categoryId))) throw new AppError('NOT_FOUND');
  const rows = await db.transaction(async (tx) => {
    const before = await listCategoryAttributes(tx, jid, categoryId, true);
    await replaceCategoryAttributes(tx, jid, categoryId, list.map((a, i) => ({
      code: a.code, sortOrder: i + 1, datatype: a.datatype, required: a.required ?? false, variable: a.variable ?? true,
      description: a.description.trim(), datatypeDescription: a.datatypeDescription?.trim() ?? '',
      values: isListType(a.datatype) ? (a.values ?? []).map((v) => ({ key: v.key, name: v.name.trim() })) : [], active: a.active ?? true,
    })));
    const after = await listCategoryAttributes(tx, jid, categoryId, true);
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'replace_category_attributes', targetType: 'category', targetId: categoryId,
      detail: { before: before.map(presentAttribute), after: after.map(presentAttribute) }, at: now,
    });
    return after;
  });
  return { items: rows.map(presentAttribute) };
}
