import { findKnowledgeArticle, insertKnowledgeArticle, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireActiveCategory } from '../category-check';
import { cleanKeywords } from '../changes';
import { requireKnowledgeAdmin } from '../policy';
import { presentKnowledgeArticle } from '../presenter';

export interface KnowledgeArticleInput {
  title: string; body: string; categoryId?: string | null | undefined; keywords?: string[] | undefined; public?: boolean | undefined;
}

/** Add an article to the knowledge base (version 1), audited in the same transaction. */
export async function createKnowledgeArticle(deps: Deps, user: SessionUser, input: KnowledgeArticleInput) {
  requireKnowledgeAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  await requireActiveCategory(db, jid, input.categoryId);
  const id = newId();
  const now = deps.now();
  const row = {
    jurisdictionId: jid, id, title: input.title.trim(), body: input.body.trim(), categoryId: input.categoryId ?? null,
    keywords: cleanKeywords(input.keywords) ?? [], public: input.public ?? false, createdBy: user.userId, updatedBy: user.userId, createdAt: now, updatedAt: now,
  };
  await db.transaction(async (tx) => {
    await insertKnowledgeArticle(tx, row);
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'create_knowledge_article', targetType: 'knowledge_article', targetId: id,
      detail: { title: row.title, categoryId: row.categoryId, keywords: row.keywords, public: row.public },
    });
  });
  return presentKnowledgeArticle((await findKnowledgeArticle(db, jid, id))!);
}
