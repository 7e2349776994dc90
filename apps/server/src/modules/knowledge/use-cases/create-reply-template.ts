import type { ReplyResult } from '@minsheng/contracts';
import { findReplyTemplate, insertReplyTemplate, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireActiveCategory } from '../category-check';
import { requireKnowledgeAdmin } from '../policy';
import { presentReplyTemplate } from '../presenter';

export interface ReplyTemplateInput {
  name: string; text: string; categoryId?: string | null | undefined; result?: ReplyResult | null | undefined; sortOrder?: number | undefined;
}

/** Add a reply template (version 1), audited in the same transaction. */
export async function createReplyTemplate(deps: Deps, user: SessionUser, input: ReplyTemplateInput) {
  requireKnowledgeAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  await requireActiveCategory(db, jid, input.categoryId);
  const id = newId();
  const now = deps.now();
  const row = {
    jurisdictionId: jid, id, name: input.name.trim(), text: input.text.trim(), categoryId: input.categoryId ?? null, result: input.result ?? null,
    sortOrder: input.sortOrder ?? 0, createdBy: user.userId, updatedBy: user.userId, createdAt: now, updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await insertReplyTemplate(tx, row);
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'create_reply_template', targetType: 'reply_template', targetId: id,
      detail: { name: row.name, categoryId: row.categoryId, result: row.result, sortOrder: row.sortOrder },
    });
  });
  return presentReplyTemplate((await findReplyTemplate(db, jid, id))!);
}
