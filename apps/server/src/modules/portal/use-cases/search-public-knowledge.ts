import { publicNames, searchKnowledgeArticles } from '@minsheng/db';
import type { RankedKnowledgeArticle } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { decodeKnowledgeCursor, encodeKnowledgeCursor } from '../../knowledge/knowledge-cursor';
import { knowledgeTerms } from '../../knowledge/search-terms';

const PAGE = 20;
const BATCH = 50;
const MAX_BATCHES = 10;

/**
 * 知识库 for the public: the staff search (same segmentation and ranking), keeping only public, active articles.
 * The shared search has no "public" filter, so it is read in batches until a page is full; the cursor is the
 * staff search's own, taken at the last article shown.
 */
export async function searchPublicKnowledge(deps: Deps, jurisdictionId: string, input: { q?: string | undefined; cursor?: string | undefined }) {
  await requireRuntime(deps, jurisdictionId);
  const db = deps.database.db;
  const terms = knowledgeTerms(input.q);
  if (terms && !terms.length) return { items: [], nextCursor: null };
  let after = input.cursor ? decodeKnowledgeCursor(input.cursor) : undefined;
  const kept: RankedKnowledgeArticle[] = [];
  let exhausted = false;
  for (let i = 0; i < MAX_BATCHES && kept.length <= PAGE && !exhausted; i++) {
    const rows = await searchKnowledgeArticles(db, jurisdictionId, { terms, includeInactive: false, limit: BATCH, after });
    exhausted = rows.length < BATCH;
    for (const r of rows) if (r.row.public && r.row.active) kept.push(r);
    const last = rows.at(-1);
    if (last) after = { score: last.score, updatedKey: last.updatedKey, id: last.row.id };
  }
  const page = kept.slice(0, PAGE);
  const last = page.at(-1);
  // A full page continues after its last article; a short page that stopped before the end continues where the scan stopped.
  const next = kept.length > PAGE && last ? { score: last.score, updatedKey: last.updatedKey, id: last.row.id } : !exhausted ? after : undefined;
  const names = await publicNames(db, jurisdictionId);
  return {
    items: page.map(({ row }) => ({
      id: row.id, title: row.title, body: row.body, categoryName: row.categoryId ? names.categoryNames.get(row.categoryId) ?? null : null, updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: next ? encodeKnowledgeCursor(next) : null,
  };
}
