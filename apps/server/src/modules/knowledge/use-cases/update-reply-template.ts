import type { ReplyTemplateChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { TEMPLATES } from '../kinds';
import { requireKnowledgeAdmin } from '../policy';
import { presentReplyTemplate } from '../presenter';
import { editVersioned } from '../versioned-edit';

export interface ReplyTemplatePatchInput extends ReplyTemplateChanges { version: number }

/** Edit a template read at `version` (409 STALE_STATE when someone else edited it first), audited old → new. */
export async function updateReplyTemplateFor(deps: Deps, user: SessionUser, id: string, input: ReplyTemplatePatchInput) {
  requireKnowledgeAdmin(user);
  const { version, ...fields } = input;
  const patch: ReplyTemplateChanges = { ...fields, name: fields.name?.trim(), text: fields.text?.trim() };
  return presentReplyTemplate(await editVersioned(deps, user, TEMPLATES, id, version, patch));
}
