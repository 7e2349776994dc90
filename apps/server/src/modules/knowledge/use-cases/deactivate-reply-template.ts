import { AppError } from '@minsheng/contracts';
import { findReplyTemplate, updateReplyTemplate, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireKnowledgeAdmin } from '../policy';
import { presentReplyTemplate } from '../presenter';

/** DELETE: the template leaves the reply form; the row and its history stay. Idempotent. */
export async function deactivateReplyTemplate(deps: Deps, user: SessionUser, id: string) {
  requireKnowledgeAdmin(user);
  const jid = user.jurisdictionId;
  const row = await deps.database.db.transaction(async (tx) => {
    const current = await findReplyTemplate(tx, jid, id, true);
    if (!current) throw new AppError('NOT_FOUND');
    if (!current.active) return current;
    const updated = await updateReplyTemplate(tx, jid, id, current.version, { active: false }, { userId: user.userId, at: deps.now() });
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'deactivate_reply_template', targetType: 'reply_template', targetId: id,
      detail: { version: updated!.version, name: current.name },
    });
    return updated!;
  });
  return presentReplyTemplate(row);
}
