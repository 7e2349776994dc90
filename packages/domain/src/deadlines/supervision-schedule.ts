import type { WorkCalendar } from '../calendar';
import type { JurisdictionSettings } from '../settings';

const DAY_MS = 86_400_000;

/** The start of the first working day after the day of `at` (local time, first working-hours window). */
export function nextWorkingDayStart(calendar: WorkCalendar, at: Date, settings: Pick<JurisdictionSettings, 'utcOffsetMinutes' | 'workingHours'>): Date {
  const offset = settings.utcOffsetMinutes * 60_000;
  let day = calendar.localDate(at);
  for (let i = 0; i < 60; i++) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(day)) break;
  }
  const [h, m] = (settings.workingHours[0]?.start ?? '08:30').split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) - offset + (h * 60 + m) * 60_000);
}

/**
 * When an overdue clock escalates (DOMAIN.md §5, a 12345 bureau's rule): a supervision notice (督办) the working day
 * after it fell due, and the bulletin (超期通报) a configurable number of working days after that notice.
 */
export function supervisionSchedule(calendar: WorkCalendar, dueAt: Date, settings: JurisdictionSettings): { noticeAt: Date; bulletinAfterNotice: (noticeAt: Date) => Date } {
  return {
    // A clock due at local midnight ends the day before; the notice comes the working day after THAT day.
    noticeAt: nextWorkingDayStart(calendar, new Date(dueAt.getTime() - 1), settings),
    bulletinAfterNotice: (noticeAt) => calendar.addDuration(noticeAt, settings.supervision.bulletinAfterWorkingDays, 'working_days'),
  };
}
