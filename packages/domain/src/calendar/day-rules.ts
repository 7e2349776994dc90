/**
 * Which local dates are working days. Dates are handled as integer "day numbers" (days since
 * 1970-01-01) so that stepping through a range is integer arithmetic rather than string parsing.
 */

export const DAY_MS = 86_400_000;

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'override_holiday' | 'override_workday';

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  name?: string;
}

export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
}

/** Shape of chinese-days' data file: date → 'English name,中文名,n'. */
export interface OfficialDays {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
}

export interface DayRules {
  dayInfo(date: string): DayInfo;
  dayInfoByNumber(dayNumber: number): DayInfo;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a local 'YYYY-MM-DD' into a day number, rejecting impossible dates like 2026-02-30. */
export function dayNumberOf(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`invalid date '${date}', expected YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`invalid date '${date}'`);
  }
  return ms / DAY_MS;
}

/** Formats a day number back to 'YYYY-MM-DD'. */
export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** chinese-days names are 'English,中文,n'; the platform speaks Chinese, so keep the Chinese part. */
function officialName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? raw).trim();
}

/** Builds the cached day classifier; admin overrides beat the official calendar, which beats Mon–Fri. */
export function createDayRules(overrides: ReadonlyArray<CalendarOverride>, official: OfficialDays): DayRules {
  const overrideWork = new Map<string, string | undefined>();
  const overrideHoliday = new Map<string, string | undefined>();
  for (const o of overrides) {
    dayNumberOf(o.date);
    if (o.kind === 'workday') overrideWork.set(o.date, o.name);
    else if (o.kind === 'holiday') overrideHoliday.set(o.date, o.name);
    else throw new RangeError(`invalid override kind '${String(o.kind)}' for ${o.date}`);
  }
  const cache = new Map<number, DayInfo>();
  const byDate = new Map<string, DayInfo>();

  function classify(dayNumber: number): DayInfo {
    const date = dateOfDayNumber(dayNumber);
    // Frozen because the cache hands the same object to every caller.
    const named = (working: boolean, reason: DayReason, name?: string): DayInfo =>
      Object.freeze(name === undefined ? { date, working, reason } : { date, working, reason, name });
    if (overrideWork.has(date)) return named(true, 'override_workday', overrideWork.get(date));
    if (overrideHoliday.has(date)) return named(false, 'override_holiday', overrideHoliday.get(date));
    const makeup = Object.hasOwn(official.workdays, date) ? official.workdays[date] : undefined;
    if (makeup !== undefined) return named(true, 'makeup_workday', officialName(makeup));
    const holiday = Object.hasOwn(official.holidays, date) ? official.holidays[date] : undefined;
    if (holiday !== undefined) return named(false, 'holiday', officialName(holiday));
    const wd = weekdayOf(dayNumber);
    return wd === 0 || wd === 6 ? named(false, 'weekend') : named(true, 'weekday');
  }

  function dayInfoByNumber(dayNumber: number): DayInfo {
    let info = cache.get(dayNumber);
    if (!info) {
      info = classify(dayNumber);
      cache.set(dayNumber, info);
    }
    return info;
  }

  function dayInfo(date: string): DayInfo {
    let info = byDate.get(date);
    if (!info) {
      info = dayInfoByNumber(dayNumberOf(date));
      byDate.set(date, info);
    }
    return info;
  }

  return { dayInfo, dayInfoByNumber };
}
