/**
 * The jurisdiction's work calendar: which days are worked, and when a clock started at an instant
 * falls due. Pure: every instant is passed in, nothing reads the clock.
 */
import type { DurationUnit, Light } from '@minsheng/contracts';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { DAY_MS, createDayRules, dateOfDayNumber } from './day-rules';
import type { CalendarOverride, DayInfo, OfficialDays } from './day-rules';
import { createWorkingTime, parseWindows } from './working-time';
import type { WorkingHoursWindow } from './working-time';

export interface WorkCalendarOptions {
  /** A jurisdiction's own rows; they win over the official calendar. */
  overrides?: ReadonlyArray<CalendarOverride>;
  workingHours?: ReadonlyArray<WorkingHoursWindow>;
  /** Fixed offset of local time from UTC; China has no DST, so a constant is exact. */
  utcOffsetMinutes?: number;
  /** Defaults to the chinese-days data shipped with the package. */
  officialDays?: OfficialDays;
}

/** What is left of a clock when it is paused; `working` says whether `minutes` are working minutes. */
export interface RemainingBudget {
  minutes: number;
  working: boolean;
}

export interface WorkCalendar {
  /** Whether a local 'YYYY-MM-DD' is worked (override > official 调休/holiday > Mon–Fri). */
  isWorkingDay(date: string): boolean;
  /** Why a date is or is not worked, with the holiday's Chinese name when there is one. */
  dayInfo(date: string): DayInfo;
  /** The local 'YYYY-MM-DD' an instant falls on in this jurisdiction. */
  localDate(instant: Date): string;
  /** Due instant of a clock of `amount` `unit`s started at `start`; RangeError on bad amounts. */
  addDuration(start: Date, amount: number, unit: DurationUnit): Date;
  /** Working minutes inside [a, b); 0 when b <= a. */
  workingMinutesBetween(a: Date, b: Date): number;
  /** Share of the clock used at `now`: ≥ 0, above 1 once overdue; a zero-length clock gives 0 before due, 1 from due. */
  elapsedFraction(start: Date, due: Date, now: Date, unit: DurationUnit): number;
  /** Red past due, yellow once the used share reaches `yellowAt`, otherwise green. */
  light(start: Date, due: Date, now: Date, unit: DurationUnit, yellowAt: number): Light;
  /** Budget left at suspension; negative (or 0 for a working overrun outside hours) when already overdue. */
  remainingBudget(due: Date, at: Date, unit: DurationUnit): RemainingBudget;
  /** New due instant when a suspended clock resumes; an overdue budget is due at `resumeAt` itself. */
  resumeDue(budget: RemainingBudget, resumeAt: Date): Date;
}

export const DEFAULT_WORKING_HOURS: ReadonlyArray<WorkingHoursWindow> = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

export const DEFAULT_UTC_OFFSET_MINUTES = 480;

const MINUTE_MS = 60_000;

/** True for units whose time only runs inside working hours of working days. */
export function isWorkingUnit(unit: DurationUnit): boolean {
  return unit === 'working_hours' || unit === 'working_days';
}

function checkAmount(amount: number, unit: DurationUnit): void {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`duration amount must be a finite number >= 0, got ${amount}`);
  }
  const fractional = unit === 'minutes' || unit === 'hours' || unit === 'working_hours';
  if (!fractional && !Number.isInteger(amount)) {
    throw new RangeError(`duration amount in ${unit} must be a whole number, got ${amount}`);
  }
}

function instantMs(d: Date): number {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** Builds a work calendar from the official holiday data plus a jurisdiction's overrides and hours. */
export function createWorkCalendar(options: WorkCalendarOptions = {}): WorkCalendar {
  const offset = options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) {
    throw new RangeError(`utcOffsetMinutes must be a whole number of minutes within ±14h, got ${offset}`);
  }
  const rules = createDayRules(options.overrides ?? [], options.officialDays ?? chineseDays);
  const isWorkingNumber = (n: number): boolean => rules.dayInfoByNumber(n).working;
  const wt = createWorkingTime(parseWindows(options.workingHours ?? DEFAULT_WORKING_HOURS), offset, isWorkingNumber);

  function nextWorkingDay(after: number): number {
    let n = after + 1;
    while (!isWorkingNumber(n)) n += 1;
    return n;
  }

  /** 从收到次日起算: day 0 is the receipt day itself, so the Nth working day is strictly after it. */
  function workingDaysDue(startMs: number, amount: number): number {
    const startDay = wt.localDayNumber(startMs);
    let n = isWorkingNumber(startDay) ? startDay : nextWorkingDay(startDay);
    if (amount > 0) {
      n = startDay;
      for (let i = 0; i < amount; i++) n = nextWorkingDay(n);
    }
    return wt.dayWorkEndMs(n);
  }

  function monthsDue(startMs: number, amount: number): number {
    const [y, m, d] = dateOfDayNumber(wt.localDayNumber(startMs)).split('-').map(Number) as [number, number, number];
    const total = y * 12 + (m - 1) + amount;
    const ty = Math.floor(total / 12);
    const tm = total % 12;
    // Day 0 of the following month is the last day of the target month: clamps 01-31 + 1 month to 02-28.
    const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
    const target = Date.UTC(ty, tm, Math.min(d, lastDay)) / DAY_MS;
    return wt.dayStartMs(target + 1);
  }

  function addDuration(start: Date, amount: number, unit: DurationUnit): Date {
    checkAmount(amount, unit);
    const s = instantMs(start);
    switch (unit) {
      case 'minutes':
        return new Date(s + Math.round(amount * MINUTE_MS));
      case 'hours':
        return new Date(s + Math.round(amount * 60 * MINUTE_MS));
      case 'working_hours':
        return new Date(wt.addWorkingMs(s, Math.round(amount * 60 * MINUTE_MS)));
      case 'working_days':
        return new Date(workingDaysDue(s, amount));
      case 'calendar_days':
        // End of day N is the next local midnight after it.
        return new Date(wt.dayStartMs(wt.localDayNumber(s) + amount + 1));
      case 'months':
        return new Date(monthsDue(s, amount));
      default:
        throw new RangeError(`unknown duration unit '${String(unit satisfies never)}'`);
    }
  }

  function workingMinutesBetween(a: Date, b: Date): number {
    return wt.workingMsBetween(instantMs(a), instantMs(b)) / MINUTE_MS;
  }

  function elapsedFraction(start: Date, due: Date, now: Date, unit: DurationUnit): number {
    const s = instantMs(start);
    const d = instantMs(due);
    const n = instantMs(now);
    const working = isWorkingUnit(unit);
    const total = working ? wt.workingMsBetween(s, d) : d - s;
    // A clock with no budget is entirely used once due arrives; 1 (not Infinity) keeps sums and averages finite.
    if (total <= 0) return n >= d ? 1 : 0;
    const used = working ? wt.workingMsBetween(s, n) : n - s;
    return Math.max(0, used / total);
  }

  function light(start: Date, due: Date, now: Date, unit: DurationUnit, yellowAt: number): Light {
    if (instantMs(now) > instantMs(due)) return 'red';
    return elapsedFraction(start, due, now, unit) >= yellowAt ? 'yellow' : 'green';
  }

  function remainingBudget(due: Date, at: Date, unit: DurationUnit): RemainingBudget {
    const d = instantMs(due);
    const a = instantMs(at);
    const working = isWorkingUnit(unit);
    // Overdue gives a negative budget (how far past due, in the same kind of minutes). For working
    // budgets that is 0 when the overrun fell entirely outside working hours; resumeDue treats both alike.
    const ms = working ? (a <= d ? wt.workingMsBetween(a, d) : 0 - wt.workingMsBetween(d, a)) : d - a;
    return { minutes: ms === 0 ? 0 : ms / MINUTE_MS, working };
  }

  function resumeDue(budget: RemainingBudget, resumeAt: Date): Date {
    const r = instantMs(resumeAt);
    if (!Number.isFinite(budget.minutes)) throw new RangeError(`budget minutes must be finite, got ${budget.minutes}`);
    // An overdue clock cannot win back time by being suspended: it is due the moment it resumes.
    if (budget.minutes <= 0) return new Date(r);
    const ms = Math.round(budget.minutes * MINUTE_MS);
    return new Date(budget.working ? wt.addWorkingMs(r, ms) : r + ms);
  }

  return {
    isWorkingDay: (date) => rules.dayInfo(date).working,
    dayInfo: (date) => rules.dayInfo(date),
    localDate: (instant) => dateOfDayNumber(wt.localDayNumber(instantMs(instant))),
    addDuration,
    workingMinutesBetween,
    elapsedFraction,
    light,
    remainingBudget,
    resumeDue,
  };
}
