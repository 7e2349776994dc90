import { AppError } from '@minsheng/contracts';
import { deleteCalendarOverride, upsertCalendarOverride, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';

function checkDate(date: string): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw new AppError('VALIDATION_FAILED', 'not a calendar date', { field: 'date' });
}

/** Mark a date as a holiday or a working day for this jurisdiction, over the official calendar. */
export async function setCalendarOverride(deps: Deps, user: SessionUser, date: string, kind: 'holiday' | 'workday', name: string) {
  requireAdmin(user);
  checkDate(date);
  await deps.database.db.transaction(async (tx) => {
    await upsertCalendarOverride(tx, { jurisdictionId: user.jurisdictionId, date, kind, name, createdBy: user.userId });
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'set_calendar_override', targetType: 'calendar', targetId: date, detail: { kind, name } });
  });
  deps.runtimes.invalidate(user.jurisdictionId);
  return { date, kind, name };
}

export async function removeCalendarOverride(deps: Deps, user: SessionUser, date: string) {
  requireAdmin(user);
  checkDate(date);
  await deps.database.db.transaction(async (tx) => {
    if (!(await deleteCalendarOverride(tx, user.jurisdictionId, date))) throw new AppError('NOT_FOUND');
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'remove_calendar_override', targetType: 'calendar', targetId: date, detail: {} });
  });
  deps.runtimes.invalidate(user.jurisdictionId);
}
