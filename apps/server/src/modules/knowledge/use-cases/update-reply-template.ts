import { AppError } from '@minsheng/contracts';
import { findReplyTemplate, updateReplyTemplate, writeAudit } from '@minsheng/db';
import type { ReplyTemplateChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireActiveCategory } from '../category-check';
import { auditDiff, changedFields } from '../changes';
import { requireKnowledgeAdmin } from '../policy';
import { presentReplyTemplate } from '../presenter';

export interface ReplyTemplatePatchInput extends ReplyTemplateChanges { version: number }

/** Edit a template read at `version`; a stale version is 409 STALE_STATE, the audit row keeps old and new values. */
export async function updateReplyTemplateFor(deps: Deps, user: SessionUser, id: string, input: ReplyTemplatePatchInput) {
  requireKnowledgeAdmin(user);
  const jid = user.jurisdictionId;
  const { version, ...fields } = input;
  const patch: ReplyTemplateChanges = { ...fields, name: fields.name?.trim(), text: fields.text?.trim() };
  const row = await deps.database.db.transaction(async (tx) => {
    const current = await findReplyTemplate(tx, jid, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('STALE_STATE', 'the template was changed by someone else', { version: current.version });
    const changed = changedFields(current, patch);
    if (!Object.keys(changed).length) return current;
    if (changed.categoryId !== undefined) await requireActiveCategory(tx, jid, changed.categoryId);
    const updated = await updateReplyTemplate(tx, jid, id, version, changed, { userId: user.userId, at: deps.now() });
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'update_reply_template', targetType: 'reply_template', targetId: id,
      detail: { version: updated!.version, changes: auditDiff(current, changed) },
    });
    return updated!;
  });
  return presentReplyTemplate(row);
}
