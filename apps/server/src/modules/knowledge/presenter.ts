import type { KnowledgeArticleRow, ReplyTemplateRow } from '@minsheng/db';

const SNIPPET_CHARS = 120;
const LEAD_CHARS = 30;

/**
 * A short plain-text excerpt of an article: around the first query term the body contains, else its opening.
 * Whitespace runs become one space so it fits on a line of a result list.
 */
export function snippetOf(body: string, terms: readonly string[] | null): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let at = -1;
  for (const t of terms ?? []) {
    const i = lower.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let start = at > LEAD_CHARS ? at - LEAD_CHARS : 0;
  // Never start on the second half of a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(flat[start] ?? '')) start -= 1;
  let end = Math.min(flat.length, start + SNIPPET_CHARS);
  if (end < flat.length && /[\ud800-\udbff]/.test(flat[end - 1] ?? '')) end -= 1;
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/** A knowledge article on the wire (知识库条目). */
export function presentKnowledgeArticle(a: KnowledgeArticleRow, terms: readonly string[] | null = null) {
  return {
    id: a.id, title: a.title, body: a.body, snippet: snippetOf(a.body, terms), categoryId: a.categoryId, keywords: a.keywords,
    public: a.public, active: a.active, updatedAt: a.updatedAt.toISOString(), version: a.version,
  };
}

/** A reply template on the wire (答复模板). */
export function presentReplyTemplate(t: ReplyTemplateRow) {
  return {
    id: t.id, name: t.name, text: t.text, categoryId: t.categoryId, result: t.result, active: t.active, sortOrder: t.sortOrder,
    updatedAt: t.updatedAt.toISOString(), version: t.version,
  };
}
