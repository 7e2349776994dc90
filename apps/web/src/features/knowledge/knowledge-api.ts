/**
 * The console's client for 知识库 (GET/POST/PATCH/DELETE /api/knowledge) and 答复模板 (/api/reply-templates).
 * `searchKnowledge` and `listReplyTemplates` are what the intake form and the reply form use; the rest is for the
 * admin screens. Every failure is an ApiError (see api/errors.ts), like the rest of the console's API calls.
 */
import type { ReplyResult } from '@minsheng/contracts';
import { api } from '../../api/client';

/** One knowledge article. `snippet` is a plain-text excerpt around the first query word (or the opening). */
export interface KnowledgeArticle {
  id: string;
  title: string;
  body: string;
  snippet: string;
  categoryId: string | null;
  keywords: string[];
  /** May the public portal show it; staff see every active article. */
  public: boolean;
  active: boolean;
  updatedAt: string;
  /** Send it back with an edit: a stale one is 409 STALE_STATE with `details.version` = the current one. */
  version: number;
}

/** A page of search results, best first. */
export interface KnowledgePage {
  items: KnowledgeArticle[];
  /** Pass as `cursor` for the next page (same query and filters); null on the last page. */
  nextCursor: string | null;
  /** The words the server searched for (for highlighting); null for a blank query, [] for one of only stop words. */
  terms: string[] | null;
}

export interface KnowledgeSearchOptions {
  /** Only this category and its subcategories. */
  categoryId?: string | null;
  /** 1–100, default 20. */
  limit?: number;
  cursor?: string | null;
  /** Deactivated articles too (administrators only; 403 for anyone else). */
  includeInactive?: boolean;
}

/**
 * Search the knowledge base in Chinese: the query is segmented on the server and articles whose title, keywords or
 * body contain its words come back best first (title/keyword hits outrank body hits, then newest). A blank query
 * lists every article, newest first; a query of only stop words or punctuation returns no items (never an error).
 */
export function searchKnowledge(q: string, opts: KnowledgeSearchOptions = {}, signal?: AbortSignal): Promise<KnowledgePage> {
  return api.get<KnowledgePage>('/api/knowledge', {
    q: q.trim() || undefined, categoryId: opts.categoryId ?? undefined, limit: opts.limit, cursor: opts.cursor ?? undefined,
    includeInactive: opts.includeInactive ? 'true' : undefined,
  }, signal);
}

/** One reply template. `categoryId` null = fits every category; `result` null = fits every reply result. */
export interface ReplyTemplate {
  id: string;
  name: string;
  text: string;
  categoryId: string | null;
  result: ReplyResult | null;
  active: boolean;
  sortOrder: number;
  updatedAt: string;
  version: number;
}

/**
 * The active templates a reply may start from, in the order to offer them:
 * - `categoryId` a category: that category's templates, then its parent categories', then the generic ones;
 * - `categoryId` null: the generic ones only (an appeal without a category);
 * - `categoryId` undefined: every template (administration).
 * With `result`, only templates for that result or for any result (result-specific first within each group).
 */
export async function listReplyTemplates(categoryId: string | null | undefined, result?: ReplyResult | null, signal?: AbortSignal): Promise<ReplyTemplate[]> {
  const res = await api.get<{ items: ReplyTemplate[] }>('/api/reply-templates', {
    categoryId: categoryId ?? undefined, genericOnly: categoryId === null ? 'true' : undefined, result: result ?? undefined,
  }, signal);
  return res.items;
}

// ── administration ─────────────────────────────────────────────────────────────────────────────────────────

/** Every template, deactivated ones included (administrators only). */
export async function listAllReplyTemplates(signal?: AbortSignal): Promise<ReplyTemplate[]> {
  return (await api.get<{ items: ReplyTemplate[] }>('/api/reply-templates', { includeInactive: 'true' }, signal)).items;
}

export interface KnowledgeArticleInput { title: string; body: string; categoryId: string | null; keywords: string[]; public: boolean }
export interface ReplyTemplateInput { name: string; text: string; categoryId: string | null; result: ReplyResult | null; sortOrder: number }

export const createKnowledgeArticle = (input: KnowledgeArticleInput) => api.post<KnowledgeArticle>('/api/knowledge', input);
/** Change some fields of the article read at `version` (`active: true` reactivates it). */
export const updateKnowledgeArticle = (id: string, version: number, changes: Partial<KnowledgeArticleInput> & { active?: boolean }) =>
  api.patch<KnowledgeArticle>(`/api/knowledge/${id}`, { version, ...changes });
/** Deactivate (the row and its history stay; PATCH active: true brings it back). */
export const deactivateKnowledgeArticle = (id: string) => api.del<KnowledgeArticle>(`/api/knowledge/${id}`);

export const createReplyTemplate = (input: ReplyTemplateInput) => api.post<ReplyTemplate>('/api/reply-templates', input);
export const updateReplyTemplate = (id: string, version: number, changes: Partial<ReplyTemplateInput> & { active?: boolean }) =>
  api.patch<ReplyTemplate>(`/api/reply-templates/${id}`, { version, ...changes });
export const deactivateReplyTemplate = (id: string) => api.del<ReplyTemplate>(`/api/reply-templates/${id}`);
