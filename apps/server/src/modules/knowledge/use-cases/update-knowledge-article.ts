import type { KnowledgeArticleChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { cleanKeywords } from '../changes';
import { ARTICLES } from '../kinds';
import { requireKnowledgeAdmin } from '../policy';
import { presentKnowledgeArticle } from '../presenter';
import { editVersioned } from '../versioned-edit';

export interface KnowledgeArticlePatchInput extends KnowledgeArticleChanges { version: number }

/** Edit an article read at `version` (409 STALE_STATE when someone else edited it first), audited old → new. */
export async function updateKnowledgeArticleFor(deps: Deps, user: SessionUser, id: string, input: KnowledgeArticlePatchInput) {
  requireKnowledgeAdmin(user);
  const { version, ...fields } = input;
  const patch: KnowledgeArticleChanges = { ...fields, title: fields.title?.trim(), body: fields.body?.trim(), keywords: cleanKeywords(fields.keywords) };
  return presentKnowledgeArticle(await editVersioned(deps, user, ARTICLES, id, version, patch));
}
