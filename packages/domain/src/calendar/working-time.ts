/**
 * Working-time arithmetic over working-hour windows. Everything is done in integer milliseconds
 * and stepped one local day at a time, so sweeps over thousands of clocks stay cheap.
 */
import { DAY_MS } from './day-rules';

export interface WorkingHoursWindow {
  start: string;
  end: string;
}

/** A window as [start, end) milliseconds after local midnight. */
interface MsWindow {
  start: number;
  end: number;
}

export interface WorkingTime {
  localDayNumber(instantMs: number): number;
  dayStartMs(dayNumber: number): number;
  /** End of the last working window of a day, as an instant. */
  dayWorkEndMs(dayNumber: number): number;
  workingMsBetween(fromMs: number, toMs: number): number;
  addWorkingMs(startMs: number, amountMs: number): number;
}

const HHMM_RE = /^(\d{2}):(\d{2})$/;

function parseHHMM(value: string): number {
  const m = HHMM_RE.exec(value);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  // 24:00 is allowed so a window can run to midnight.
  if (!m || min > 59 || h * 60 + min > 24 * 60) throw new RangeError(`invalid time '${value}', expected HH:MM`);
  return (h * 60 + min) * 60_000;
}

/** Validates and sorts working-hour windows; overlapping windows would double-count time. */
export function parseWindows(windows: ReadonlyArray<WorkingHoursWindow>): MsWindow[] {
  if (windows.length === 0) throw new RangeError('at least one working-hours window is required');
  const parsed = windows.map((w) => ({ start: parseHHMM(w.start), end: parseHHMM(w.end) }));
  parsed.sort((a, b) => a.start - b.start);
  parsed.forEach((w, i) => {
    if (w.end <= w.start) throw new RangeError('a working-hours window must end after it starts');
    const prev = parsed[i - 1];
    if (prev && w.start < prev.end) throw new RangeError('working-hours windows must not overlap');
  });
  return parsed;
}

/** Builds the working-time engine for given windows, UTC offset and working-day predicate. */
export function createWorkingTime(
  windows: ReadonlyArray<MsWindow>,
  utcOffsetMinutes: number,
  isWorkingDay: (dayNumber: number) => boolean,
): WorkingTime {
  const offsetMs = utcOffsetMinutes * 60_000;
  const lastEnd = windows[windows.length - 1]?.end ?? 0;
  const fullDayMs = windows.reduce((sum, w) => sum + (w.end - w.start), 0);

  const localDayNumber = (instantMs: number): number => Math.floor((instantMs + offsetMs) / DAY_MS);
  const dayStartMs = (dayNumber: number): number => dayNumber * DAY_MS - offsetMs;

  /** Working ms of one day inside [lo, hi), both measured from that day's local midnight. */
  function dayWorkingMs(lo: number, hi: number): number {
    if (lo <= 0 && hi >= DAY_MS) return fullDayMs;
    let sum = 0;
    for (const w of windows) {
      const a = Math.max(w.start, lo);
      const b = Math.min(w.end, hi);
      if (b > a) sum += b - a;
    }
    return sum;
  }

  function workingMsBetween(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return 0;
    const first = localDayNumber(fromMs);
    const last = localDayNumber(toMs);
    let sum = 0;
    for (let n = first; n <= last; n++) {
      if (!isWorkingDay(n)) continue;
      const base = dayStartMs(n);
      const lo = n === first ? fromMs - base : 0;
      const hi = n === last ? toMs - base : DAY_MS;
      sum += dayWorkingMs(lo, hi);
    }
    return sum;
  }

  function addWorkingMs(startMs: number, amountMs: number): number {
    // Nothing to consume means the clock is due where it starts, even outside working time.
    if (amountMs <= 0) return startMs;
    let remaining = amountMs;
    let n = localDayNumber(startMs);
    let from = startMs - dayStartMs(n);
    for (;;) {
      if (isWorkingDay(n)) {
        for (const w of windows) {
          const a = Math.max(w.start, from);
          if (a >= w.end) continue;
          const available = w.end - a;
          // `<=` so that time ending exactly at a window's close is due then, not at the next opening.
          if (remaining <= available) return dayStartMs(n) + a + remaining;
          remaining -= available;
        }
      }
      n += 1;
      from = 0;
    }
  }

  return {
    localDayNumber,
    dayStartMs,
    dayWorkEndMs: (dayNumber) => dayStartMs(dayNumber) + lastEnd,
    workingMsBetween,
    addWorkingMs,
  };
}
