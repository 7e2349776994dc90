/** A local calendar month 'YYYY-MM' as instants [from, to), at the jurisdiction's fixed UTC offset. */
export function monthBounds(month: string, utcOffsetMinutes: number): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const shift = utcOffsetMinutes * 60_000;
  return { from: new Date(Date.UTC(y, m - 1, 1) - shift), to: new Date(Date.UTC(y, m, 1) - shift) };
}

/** The local month before the one `now` falls in. */
export function previousMonth(now: Date, utcOffsetMinutes: number): string {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  const prev = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return prev.toISOString().slice(0, 7);
}

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';
