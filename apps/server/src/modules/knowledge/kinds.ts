import { findKnowledgeArticle, findReplyTemplate, updateKnowledgeArticle, updateReplyTemplate } from '@minsheng/db';
import type { KnowledgeArticleChanges, KnowledgeArticleRow, ReplyTemplateChanges, ReplyTemplateRow } from '@minsheng/db';
import type { VersionedKind } from './versioned-edit';

export const ARTICLES: VersionedKind<KnowledgeArticleRow, KnowledgeArticleChanges> = {
  target: 'knowledge_article', noun: 'article',
  find: (tx, jid, id) => findKnowledgeArticle(tx, jid, id, true),
  update: updateKnowledgeArticle,
};

export const TEMPLATES: VersionedKind<ReplyTemplateRow, ReplyTemplateChanges> = {
  target: 'reply_template', noun: 'template',
  find: (tx, jid, id) => findReplyTemplate(tx, jid, id, true),
  update: updateReplyTemplate,
};
