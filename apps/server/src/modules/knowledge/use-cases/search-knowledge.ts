import { searchKnowledgeArticles } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { categoryPathOf } from '../category-check';
import { decodeKnowledgeCursor, encodeKnowledgeCursor } from '../knowledge-cursor';
import { requireInactiveAccess } from '../policy';
import { presentKnowledgeArticle } from '../presenter';
import { knowledgeTerms } from '../search-terms';

export interface SearchKnowledgeInput {
  q?: string | undefined;
  categoryId?: string | undefined;
  includeInactive: boolean;
  limit: number;
  cursor?: string | undefined;
}

/**
 * 知识库检索: the query is segmented into words; articles whose title, keywords or body contain them come back best
 * first, a page at a time. A blank query lists everything (newest first); one of only stop words finds nothing.
 */
export async function searchKnowledge(deps: Deps, user: SessionUser, input: SearchKnowledgeInput) {
  requireInactiveAccess(user, input.includeInactive);
  const after = input.cursor ? decodeKnowledgeCursor(input.cursor) : undefined;
  const db = deps.database.db;
  if (input.categoryId) await categoryPathOf(db, user.jurisdictionId, input.categoryId);
  const terms = knowledgeTerms(input.q);
  if (terms && !terms.length) return { items: [], nextCursor: null, terms };
  const rows = await searchKnowledgeArticles(db, user.jurisdictionId, {
    terms, categoryId: input.categoryId, includeInactive: input.includeInactive, limit: input.limit + 1, after,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => presentKnowledgeArticle(r.row, terms)),
    nextCursor: rows.length > input.limit && last ? encodeKnowledgeCursor({ score: last.score, updatedKey: last.updatedKey, id: last.row.id }) : null,
    /** The words searched for (for highlighting); null for a blank query. */
    terms,
  };
}
