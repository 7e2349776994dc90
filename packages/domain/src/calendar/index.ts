/** Work calendar: working days, working hours and due-time arithmetic for appeal clocks. */
export { createWorkCalendar, isWorkingUnit, DEFAULT_WORKING_HOURS, DEFAULT_UTC_OFFSET_MINUTES } from './work-calendar';
export type { WorkCalendar, WorkCalendarOptions, RemainingBudget } from './work-calendar';
export type { CalendarOverride, DayInfo, DayReason, OfficialDays } from './day-rules';
export type { WorkingHoursWindow } from './working-time';
