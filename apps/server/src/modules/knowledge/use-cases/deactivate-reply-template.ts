import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { TEMPLATES } from '../kinds';
import { requireKnowledgeAdmin } from '../policy';
import { presentReplyTemplate } from '../presenter';
import { deactivateVersioned } from '../versioned-edit';

/** DELETE: the template leaves the reply form; the row and its history stay. Idempotent. */
export async function deactivateReplyTemplate(deps: Deps, user: SessionUser, id: string) {
  requireKnowledgeAdmin(user);
  return presentReplyTemplate(await deactivateVersioned(deps, user, TEMPLATES, id, (t) => ({ name: t.name })));
}
