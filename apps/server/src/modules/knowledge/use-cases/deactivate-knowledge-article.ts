import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { ARTICLES } from '../kinds';
import { requireKnowledgeAdmin } from '../policy';
import { presentKnowledgeArticle } from '../presenter';
import { deactivateVersioned } from '../versioned-edit';

/** DELETE: the article stops being found (and shown on the portal) but the row and its history stay. Idempotent. */
export async function deactivateKnowledgeArticle(deps: Deps, user: SessionUser, id: string) {
  requireKnowledgeAdmin(user);
  return presentKnowledgeArticle(await deactivateVersioned(deps, user, ARTICLES, id, (a) => ({ title: a.title })));
}
