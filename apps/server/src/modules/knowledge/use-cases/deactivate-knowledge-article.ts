import { AppError } from '@minsheng/contracts';
import { findKnowledgeArticle, updateKnowledgeArticle, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireKnowledgeAdmin } from '../policy';
import { presentKnowledgeArticle } from '../presenter';

/** DELETE: the article stops being found (and shown on the portal) but the row and its history stay. Idempotent. */
export async function deactivateKnowledgeArticle(deps: Deps, user: SessionUser, id: string) {
  requireKnowledgeAdmin(user);
  const jid = user.jurisdictionId;
  const row = await deps.database.db.transaction(async (tx) => {
    const current = await findKnowledgeArticle(tx, jid, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (!current.active) return current;
    const updated = await updateKnowledgeArticle(tx, jid, id, current.version, { active: false }, { userId: user.userId, at: deps.now() });
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'deactivate_knowledge_article', targetType: 'knowledge_article', targetId: id,
      detail: { version: updated!.version, title: current.title },
    });
    return updated!;
  });
  return presentKnowledgeArticle(row);
}
