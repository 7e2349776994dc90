import { AppError } from '@minsheng/contracts';
import { canPublishHearing } from '@minsheng/domain';
import type { HearingStatus } from '@minsheng/domain';
import { findHearing, updateHearing, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadHearing, presentOne } from '../load-hearing';

/** Put a hearing on the portal (or take it off); a draft, whose notice is not out, cannot be published. */
export async function setHearingPublished(deps: Deps, user: SessionUser, id: string, published: boolean) {
  const jid = user.jurisdictionId;
  const h = await loadHearing(deps, user, id, true);
  if (published && !canPublishHearing(h.status as HearingStatus)) throw new AppError('ILLEGAL_TRANSITION', 'announce the hearing before publishing it');
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    if (!(await updateHearing(tx, jid, id, { publishedAt: published ? (h.publishedAt ?? now) : null, updatedAt: now }, h.status))) throw new AppError('STALE_STATE');
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: published ? 'publish_hearing' : 'unpublish_hearing', targetType: 'hearing', targetId: id, detail: {} });
  });
  return presentOne(deps, jid, (await findHearing(deps.database.db, jid, id))!);
}
