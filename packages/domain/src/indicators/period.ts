/** The periods figures are computed over, in the jurisdiction's local calendar (Asia/Shanghai by default). */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A half-open instant range [from, to) and its local first and last day (inclusive), for labels. */
export interface Period { kind: PeriodKind; from: Date; to: Date; firstDay: string; lastDay: string }

export type PeriodResult = { ok: true; period: Period } | { ok: false; field: 'period' | 'from' | 'to'; message: string };

const DAY_MS = 86_400_000;
/** A custom range may span at most this many days, so one request cannot ask for the whole history. */
export const MAX_CUSTOM_DAYS = 1100;

/** YYYY-MM-DD as a UTC-midnight date, or null when it is not a real calendar day. */
function parseDay(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The period of `kind` containing local day `from` (default: today at `now`); `custom` runs from `from` to `to`
 * inclusive. Weeks start on Monday; quarters on January, April, July and October.
 */
export function resolvePeriod(input: { kind: string; from?: string | undefined; to?: string | undefined }, utcOffsetMinutes: number, now: Date): PeriodResult {
  if (!(PERIOD_KINDS as readonly string[]).includes(input.kind)) return { ok: false, field: 'period', message: `period must be one of ${PERIOD_KINDS.join(', ')}` };
  const kind = input.kind as PeriodKind;
  const today = dayOf(new Date(now.getTime() + utcOffsetMinutes * 60_000));
  const anchor = parseDay(input.from ?? today);
  if (!anchor) return { ok: false, field: 'from', message: 'from must be a calendar day YYYY-MM-DD' };
  let start = anchor;
  let end: Date; // exclusive, local midnight as UTC date
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth();
  switch (kind) {
    case 'day': end = new Date(start.getTime() + DAY_MS); break;
    case 'week': start = new Date(anchor.getTime() - ((anchor.getUTCDay() + 6) % 7) * DAY_MS); end = new Date(start.getTime() + 7 * DAY_MS); break;
    case 'month': start = new Date(Date.UTC(y, m, 1)); end = new Date(Date.UTC(y, m + 1, 1)); break;
    case 'quarter': start = new Date(Date.UTC(y, m - (m % 3), 1)); end = new Date(Date.UTC(y, m - (m % 3) + 3, 1)); break;
    case 'year': start = new Date(Date.UTC(y, 0, 1)); end = new Date(Date.UTC(y + 1, 0, 1)); break;
    case 'custom': {
      if (input.from === undefined || input.to === undefined) return { ok: false, field: input.from === undefined ? 'from' : 'to', message: 'a custom period needs from and to' };
      const last = parseDay(input.to);
      if (!last) return { ok: false, field: 'to', message: 'to must be a calendar day YYYY-MM-DD' };
      if (last.getTime() < anchor.getTime()) return { ok: false, field: 'to', message: 'to must not be before from' };
      end = new Date(last.getTime() + DAY_MS);
      if ((end.getTime() - start.getTime()) / DAY_MS > MAX_CUSTOM_DAYS) return { ok: false, field: 'to', message: `a custom period spans at most ${MAX_CUSTOM_DAYS} days` };
      break;
    }
  }
  const shift = utcOffsetMinutes * 60_000;
  return { ok: true, period: { kind, from: new Date(start.getTime() - shift), to: new Date(end.getTime() - shift), firstDay: dayOf(start), lastDay: dayOf(new Date(end.getTime() - DAY_MS)) } };
}

/** A month key YYYY-MM as its period, or null when it is not one. */
export function monthPeriod(month: string, utcOffsetMinutes: number, now: Date): Period | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
  const r = resolvePeriod({ kind: 'month', from: `${month}-01` }, utcOffsetMinutes, now);
  return r.ok ? r.period : null;
}
