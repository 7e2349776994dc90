import { AppError } from '@minsheng/contracts';
import { findHearing, insertHearing, newId, unitPaths, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { presentOne } from '../load-hearing';
import { canManageHearing, defaultOrganiserUnit, requireHearingOrganiser } from '../policy';

export interface HearingInput {
  title: string; topic: string; organiserUnitId?: string | undefined; place: string; scheduledAt: string; minNoticeDays?: number | undefined; notice?: string | undefined;
}

/** 听证会 statutory notice when the organiser names none (重大行政决策 practice: 10 days); per hearing, as data. */
export const DEFAULT_MIN_NOTICE_DAYS = 10;

/** Draft a hearing for the organiser's unit (or a unit below it). */
export async function createHearing(deps: Deps, user: SessionUser, input: HearingInput) {
  requireHearingOrganiser(user);
  const jid = user.jurisdictionId;
  const unitId = input.organiserUnitId ?? defaultOrganiserUnit(user)!;
  const path = (await unitPaths(deps.database.db, jid, [unitId]))[unitId];
  if (!path) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'organiserUnitId' });
  if (!canManageHearing(user, path)) throw new AppError('FORBIDDEN', 'the organiser unit is outside your units');
  const id = newId();
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    await insertHearing(tx, {
      jurisdictionId: jid, id, title: input.title.trim(), topic: input.topic.trim(), organiserUnitId: unitId, place: input.place.trim(),
      scheduledAt: new Date(input.scheduledAt), minNoticeDays: input.minNoticeDays ?? DEFAULT_MIN_NOTICE_DAYS, notice: input.notice?.trim() ?? '',
      status: 'draft', createdBy: user.userId, createdAt: now, updatedAt: now,
    });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_hearing', targetType: 'hearing', targetId: id, detail: { organiserUnitId: unitId } });
  });
  return presentOne(deps, jid, (await findHearing(deps.database.db, jid, id))!);
}
