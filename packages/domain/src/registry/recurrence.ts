/**
 * Recurring leader reception and hotline schedules (e.g. 区长 the first Tuesday of each month, a weekly Saturday
 * rota, every working day). A rule expands into local dates; the caller turns each date into a schedule row.
 */
export type Recurrence =
  /** Every week on `weekday` (0 = Sunday … 6 = Saturday). */
  | { freq: 'weekly'; weekday: number }
  /** The `nth` (1–5, or -1 for the last) `weekday` of every month. */
  | { freq: 'monthly'; nth: number; weekday: number }
  /** Every working day of the jurisdiction's calendar (调休 and holidays respected). */
  | { freq: 'working_days' };

const DAY_MS = 86_400_000;

/** Whether a recurrence is well formed; the API answers INVALID_RECURRENCE otherwise. */
export function isValidRecurrence(r: Recurrence): boolean {
  const weekdayOk = (w: number) => Number.isInteger(w) && w >= 0 && w <= 6;
  switch (r.freq) {
    case 'weekly': return weekdayOk(r.weekday);
    case 'monthly': return weekdayOk(r.weekday) && Number.isInteger(r.nth) && ((r.nth >= 1 && r.nth <= 5) || r.nth === -1);
    case 'working_days': return true;
    default: return false;
  }
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Local dates 'YYYY-MM-DD' in [from, to] (both inclusive) on which the rule falls. */
export function expandRecurrence(r: Recurrence, from: string, to: string, isWorkingDay: (date: string) => boolean): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    const date = dateOf(n);
    if (fallsOn(r, date, isWorkingDay)) out.push(date);
  }
  return out;
}

function fallsOn(r: Recurrence, date: string, isWorkingDay: (date: string) => boolean): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  switch (r.freq) {
    case 'weekly': return d.getUTCDay() === r.weekday;
    case 'working_days': return isWorkingDay(date);
    case 'monthly': {
      if (d.getUTCDay() !== r.weekday) return false;
      const day = d.getUTCDate();
      if (r.nth > 0) return Math.ceil(day / 7) === r.nth;
      const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
      return day + 7 > daysInMonth;
    }
  }
}

/** The instant of local `date` at 'HH:MM' in a zone `utcOffsetMinutes` ahead of UTC. */
export function localInstant(date: string, hhmm: string, utcOffsetMinutes: number): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.parse(`${date}T00:00:00Z`) + (h * 60 + m - utcOffsetMinutes) * 60_000);
}

/** Every local date of a month 'YYYY-MM'. */
export function datesOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}
