import { AppError } from '@minsheng/contracts';
import { findNotification, requeueFailedNotification, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireOutboxAccess } from '../policy';
import { presentNotification } from '../presenter';

/** Requeue a failed notification (e.g. after the gateway was fixed): due at once, with a fresh attempt budget. */
export async function retryNotification(deps: Deps, user: SessionUser, id: string) {
  requireOutboxAccess(user);
  const jid = user.jurisdictionId;
  const now = deps.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const requeued = await requeueFailedNotification(tx, jid, id, now);
    if (!requeued) {
      if (await findNotification(tx, jid, id)) throw new AppError('ILLEGAL_TRANSITION', 'only failed notifications can be retried');
      throw new AppError('NOT_FOUND');
    }
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'retry_notification', targetType: 'notification', targetId: id, detail: { template: requeued.template }, at: now });
    return requeued;
  });
  return presentNotification(row, deps.cipher);
}
