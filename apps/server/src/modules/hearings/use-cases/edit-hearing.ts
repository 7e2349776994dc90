import { AppError } from '@minsheng/contracts';
import { earliestHearingDate, representativesEditable } from '@minsheng/domain';
import type { HearingStatus } from '@minsheng/domain';
import { findHearing, updateHearing, writeAudit } from '@minsheng/db';
import type { HearingChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadHearing, presentOne } from '../load-hearing';
import type { HearingInput } from './create-hearing';

/** Edit a hearing before it is held; once announced, a new date must still leave the notice period from now. */
export async function editHearing(deps: Deps, user: SessionUser, id: string, patch: Partial<Omit<HearingInput, 'organiserUnitId'>>) {
  const jid = user.jurisdictionId;
  const h = await loadHearing(deps, user, id, true);
  if (!representativesEditable(h.status as HearingStatus)) throw new AppError('ILLEGAL_TRANSITION', 'a held, concluded or cancelled hearing is not edited');
  const changes: HearingChanges = { updatedAt: deps.now() };
  if (patch.title !== undefined) changes.title = patch.title.trim();
  if (patch.topic !== undefined) changes.topic = patch.topic.trim();
  if (patch.place !== undefined) changes.place = patch.place.trim();
  if (patch.notice !== undefined) changes.notice = patch.notice.trim();
  if (patch.minNoticeDays !== undefined) changes.minNoticeDays = patch.minNoticeDays;
  if (patch.scheduledAt !== undefined) changes.scheduledAt = new Date(patch.scheduledAt);
  if (h.status === 'announced') {
    if (patch.notice !== undefined && !changes.notice) throw new AppError('INVALID_TRANSITION_INPUT', 'an announced hearing keeps its notice', { field: 'notice' });
    const earliest = earliestHearingDate(deps.now(), changes.minNoticeDays ?? h.minNoticeDays);
    if (changes.scheduledAt && changes.scheduledAt < earliest) throw new AppError('NOTICE_TOO_SHORT', undefined, { field: 'scheduledAt', earliest: earliest.toISOString() });
  }
  await deps.database.db.transaction(async (tx) => {
    if (!(await updateHearing(tx, jid, id, changes, h.status))) throw new AppError('STALE_STATE');
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'edit_hearing', targetType: 'hearing', targetId: id, detail: { fields: Object.keys(changes) } });
  });
  return presentOne(deps, jid, (await findHearing(deps.database.db, jid, id))!);
}
