import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { newId } from '../ids';
import { queryRows } from '../raw';
import { knowledgeArticles, replyTemplates } from '../schema';

export type KnowledgeArticleRow = typeof knowledgeArticles.$inferSelect;
export type ReplyTemplateRow = typeof replyTemplates.$inferSelect;

/** Where a page of a ranked knowledge list continues: the last row's score, exact updated_at (µs, UTC) and id. */
export interface KnowledgeCursor { score: number; updatedKey: string; id: string }

export interface KnowledgeSearch {
  /** Lower-cased query terms; null lists without a text filter (every row scores 0). Never an empty array. */
  terms: readonly string[] | null;
  /** The category and its descendants. */
  categoryId?: string | undefined;
  includeInactive: boolean;
  limit: number;
  after?: KnowledgeCursor | undefined;
}

export interface RankedKnowledgeArticle { row: KnowledgeArticleRow; score: number; updatedKey: string }

// A title or keyword hit says more about what an article answers than a mention somewhere in its body.
const TITLE_WEIGHT = 3;
const KEYWORD_WEIGHT = 3;
const BODY_WEIGHT = 1;

function scoreOf(terms: readonly string[] | null): SQL {
  if (!terms) return sql`0`;
  const list = sql.join(terms.map((t) => sql`${t}`), sql`, `);
  return sql`(SELECT coalesce(sum(
      CASE WHEN strpos(lower(a.title), q.term) > 0 THEN ${TITLE_WEIGHT}::int ELSE 0 END
    + CASE WHEN EXISTS (SELECT 1 FROM unnest(a.keywords) k WHERE k <> '' AND (strpos(lower(k), q.term) > 0 OR strpos(q.term, lower(k)) > 0)) THEN ${KEYWORD_WEIGHT}::int ELSE 0 END
    + CASE WHEN strpos(lower(a.body), q.term) > 0 THEN ${BODY_WEIGHT}::int ELSE 0 END), 0)
    FROM unnest(ARRAY[${list}]::text[]) AS q(term))`;
}

/**
 * One page of articles, best first: by score (title and keyword hits weigh more than body hits), then the most
 * recently updated, then id. Matching is by substring, so it needs no index and works on any PostgreSQL.
 */
export async function searchKnowledgeArticles(db: Executor, jurisdictionId: string, search: KnowledgeSearch): Promise<RankedKnowledgeArticle[]> {
  const where: SQL[] = [sql`a.jurisdiction_id = ${jurisdictionId}`];
  if (!search.includeInactive) where.push(sql`a.active`);
  if (search.categoryId) {
    where.push(sql`a.category_id IN (
      WITH RECURSIVE down(id, depth) AS (
        SELECT id, 0 FROM categories WHERE jurisdiction_id = ${jurisdictionId} AND id = ${search.categoryId}
        UNION ALL
        SELECT c.id, down.depth + 1 FROM categories c JOIN down ON c.jurisdiction_id = ${jurisdictionId} AND c.parent_id = down.id WHERE down.depth < 10)
      SELECT id FROM down)`);
  }
  const outer: SQL[] = [];
  if (search.terms) outer.push(sql`score > 0`);
  const after = search.after;
  if (after) {
    outer.push(sql`(score < ${after.score} OR (score = ${after.score} AND (updated_at < ${after.updatedKey}::timestamptz
      OR (updated_at = ${after.updatedKey}::timestamptz AND id > ${after.id}))))`);
  }
  const ranked = await queryRows<{ id: string; score: number | string; updated_key: string }>(db, sql`
    SELECT id, score, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_key FROM (
      SELECT a.id, a.updated_at, ${scoreOf(search.terms)} AS score FROM knowledge_articles a WHERE ${sql.join(where, sql` AND `)}
    ) ranked
    ${outer.length ? sql`WHERE ${sql.join(outer, sql` AND `)}` : sql``}
    ORDER BY score DESC, updated_at DESC, id
    LIMIT ${search.limit}`);
  if (!ranked.length) return [];
  const rows = await db.select().from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.jurisdictionId, jurisdictionId), inArray(knowledgeArticles.id, ranked.map((r) => r.id))));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [{ row, score: Number(r.score), updatedKey: r.updated_key }] : [];
  });
}

/** One article; `lock` holds it (FOR UPDATE) until the transaction ends, so an edit reads what it replaces. */
export async function findKnowledgeArticle(db: Executor, jurisdictionId: string, id: string, lock = false): Promise<KnowledgeArticleRow | null> {
  const query = db.select().from(knowledgeArticles).where(and(eq(knowledgeArticles.jurisdictionId, jurisdictionId), eq(knowledgeArticles.id, id))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertKnowledgeArticle(db: Executor, row: typeof knowledgeArticles.$inferInsert): Promise<void> {
  await db.insert(knowledgeArticles).values(row);
}

export type KnowledgeArticleChanges = Partial<Pick<KnowledgeArticleRow, 'title' | 'body' | 'categoryId' | 'keywords' | 'public' | 'active'>>;

/**
 * Apply changes if the article is still at `expectedVersion` (null: whatever version it is at), bumping the
 * version. Null when it is unknown or someone else changed it first; the caller tells the two apart.
 */
export async function updateKnowledgeArticle(db: Executor, jurisdictionId: string, id: string, expectedVersion: number | null,
  changes: KnowledgeArticleChanges, by: { userId: string; at: Date }): Promise<KnowledgeArticleRow | null> {
  const t = knowledgeArticles;
  const where = [eq(t.jurisdictionId, jurisdictionId), eq(t.id, id)];
  if (expectedVersion !== null) where.push(eq(t.version, expectedVersion));
  const [row] = await db.update(t).set({ ...changes, updatedBy: by.userId, updatedAt: by.at, version: sql`${t.version} + 1` }).where(and(...where)).returning();
  return row ?? null;
}

export interface ReplyTemplateFilter {
  /** A category and its ancestors, most specific first: templates of these categories and generic ones. */
  categoryPath?: readonly string[] | undefined;
  /** Templates for this result and those for any result. */
  result?: string | undefined;
  includeInactive: boolean;
}

/**
 * Reply templates. With a category path: the most specific category's templates first, then its ancestors', then
 * the generic ones (no category); within each, result-specific before any-result, then sort order and name.
 */
export async function listReplyTemplates(db: Executor, jurisdictionId: string, filter: ReplyTemplateFilter): Promise<ReplyTemplateRow[]> {
  const t = replyTemplates;
  const where: SQL[] = [eq(t.jurisdictionId, jurisdictionId)];
  if (!filter.includeInactive) where.push(eq(t.active, true));
  if (filter.result) where.push(sql`(${t.result} IS NULL OR ${t.result} = ${filter.result})`);
  const path = filter.categoryPath;
  if (path) where.push(path.length ? sql`(${t.categoryId} IS NULL OR ${inArray(t.categoryId, [...path])})` : sql`${t.categoryId} IS NULL`);
  const specificity = path?.length
    ? sql`CASE ${sql.join(path.map((id, i) => sql`WHEN ${t.categoryId} = ${id} THEN ${i}::int`), sql` `)} ELSE ${path.length}::int END`
    : sql`CASE WHEN ${t.categoryId} IS NULL THEN 1 ELSE 0 END`;
  return db.select().from(t).where(and(...where))
    .orderBy(specificity, sql`CASE WHEN ${t.result} IS NULL THEN 1 ELSE 0 END`, asc(t.sortOrder), asc(t.name), asc(t.id));
}

export async function findReplyTemplate(db: Executor, jurisdictionId: string, id: string, lock = false): Promise<ReplyTemplateRow | null> {
  const query = db.select().from(replyTemplates).where(and(eq(replyTemplates.jurisdictionId, jurisdictionId), eq(replyTemplates.id, id))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertReplyTemplate(db: Executor, row: typeof replyTemplates.$inferInsert): Promise<void> {
  await db.insert(replyTemplates).values(row);
}

export type ReplyTemplateChanges = Partial<Pick<ReplyTemplateRow, 'name' | 'text' | 'categoryId' | 'result' | 'active' | 'sortOrder'>>;

/** Like updateKnowledgeArticle, for a reply template. */
export async function updateReplyTemplate(db: Executor, jurisdictionId: string, id: string, expectedVersion: number | null,
  changes: ReplyTemplateChanges, by: { userId: string; at: Date }): Promise<ReplyTemplateRow | null> {
  const t = replyTemplates;
  const where = [eq(t.jurisdictionId, jurisdictionId), eq(t.id, id)];
  if (expectedVersion !== null) where.push(eq(t.version, expectedVersion));
  const [row] = await db.update(t).set({ ...changes, updatedBy: by.userId, updatedAt: by.at, version: sql`${t.version} + 1` }).where(and(...where)).returning();
  return row ?? null;
}

/** Seed content: categories named by key, resolved to the jurisdiction's ids (an unknown key leaves it generic). */
export interface KnowledgeSeed {
  articles: readonly { title: string; body: string; categoryKey: string | null; keywords: readonly string[]; public: boolean }[];
  templates: readonly { name: string; text: string; categoryKey: string | null; result: string | null; sortOrder: number }[];
}

/** Insert a jurisdiction's starting knowledge base and reply templates (demo, new installations). */
export async function seedKnowledge(db: Executor, jurisdictionId: string, seed: KnowledgeSeed, categoryIdByKey: ReadonlyMap<string, string>): Promise<void> {
  const category = (key: string | null) => (key ? categoryIdByKey.get(key) ?? null : null);
  if (seed.articles.length) {
    await db.insert(knowledgeArticles).values(seed.articles.map((a) => ({
      jurisdictionId, id: newId(), title: a.title, body: a.body, categoryId: category(a.categoryKey), keywords: [...a.keywords], public: a.public,
    })));
  }
  if (seed.templates.length) {
    await db.insert(replyTemplates).values(seed.templates.map((t) => ({
      jurisdictionId, id: newId(), name: t.name, text: t.text, categoryId: category(t.categoryKey), result: t.result, sortOrder: t.sortOrder,
    })));
  }
}
