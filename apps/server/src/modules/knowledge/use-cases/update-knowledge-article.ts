import { AppError } from '@minsheng/contracts';
import { findKnowledgeArticle, updateKnowledgeArticle, writeAudit } from '@minsheng/db';
import type { KnowledgeArticleChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireActiveCategory } from '../category-check';
import { auditDiff, changedFields, cleanKeywords } from '../changes';
import { requireKnowledgeAdmin } from '../policy';
import { presentKnowledgeArticle } from '../presenter';

export interface KnowledgeArticlePatchInput extends KnowledgeArticleChanges { version: number }

/**
 * Edit an article read at `version`. Someone else's edit in between is 409 STALE_STATE (with the current version);
 * the audit row keeps each changed field's old and new value, so the history survives.
 */
export async function updateKnowledgeArticleFor(deps: Deps, user: SessionUser, id: string, input: KnowledgeArticlePatchInput) {
  requireKnowledgeAdmin(user);
  const jid = user.jurisdictionId;
  const { version, ...fields } = input;
  const patch: KnowledgeArticleChanges = { ...fields, title: fields.title?.trim(), body: fields.body?.trim(), keywords: cleanKeywords(fields.keywords) };
  const row = await deps.database.db.transaction(async (tx) => {
    const current = await findKnowledgeArticle(tx, jid, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('STALE_STATE', 'the article was changed by someone else', { version: current.version });
    const changed = changedFields(current, patch);
    if (!Object.keys(changed).length) return current;
    if (changed.categoryId !== undefined) await requireActiveCategory(tx, jid, changed.categoryId);
    const updated = await updateKnowledgeArticle(tx, jid, id, version, changed, { userId: user.userId, at: deps.now() });
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'update_knowledge_article', targetType: 'knowledge_article', targetId: id,
      detail: { version: updated!.version, changes: auditDiff(current, changed) },
    });
    return updated!;
  });
  return presentKnowledgeArticle(row);
}
