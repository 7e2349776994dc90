/**
 * 民情日记 monthly compliance: every leader writes at least `minEntries` entries a month, and the monthly visit day
 * (e.g. the 28th) is marked when one of the entries records a visit on it. Pure: the entries are passed in.
 */
export interface DiaryLeader { userId: string; name: string; unitId: string | null }
export interface DiaryEntryFact { authorUserId: string; visitDate: string }

export interface DiaryComplianceRow {
  userId: string;
  name: string;
  unitId: string | null;
  entries: number;
  /** Whether an entry records a visit on the month's visit day (下访日). */
  visitedOnVisitDay: boolean;
  compliant: boolean;
}

export interface DiaryComplianceReport {
  month: string;
  visitDate: string;
  minEntries: number;
  rows: DiaryComplianceRow[];
  compliantLeaders: number;
  /** Compliant leaders over all leaders; null when there are none. */
  rate: number | null;
}

/** The visit day of a month, clamped to its last day (the 31st in February is the 28th or 29th). */
export function visitDateOf(month: string, visitDay: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(Math.min(Math.max(1, visitDay), last)).padStart(2, '0')}`;
}

/** One row per leader (worst first: fewest entries), counting only entries whose visit date is in the month. */
export function diaryCompliance(month: string, leaders: readonly DiaryLeader[], entries: readonly DiaryEntryFact[], rules: { minEntries: number; visitDay: number }): DiaryComplianceReport {
  const visitDate = visitDateOf(month, rules.visitDay);
  const inMonth = entries.filter((e) => e.visitDate.startsWith(`${month}-`));
  const rows = leaders.map((l) => {
    const mine = inMonth.filter((e) => e.authorUserId === l.userId);
    return { userId: l.userId, name: l.name, unitId: l.unitId, entries: mine.length, visitedOnVisitDay: mine.some((e) => e.visitDate === visitDate), compliant: mine.length >= rules.minEntries };
  }).sort((a, b) => a.entries - b.entries || a.name.localeCompare(b.name, 'zh'));
  const compliantLeaders = rows.filter((r) => r.compliant).length;
  return { month, visitDate, minEntries: rules.minEntries, rows, compliantLeaders, rate: rows.length ? compliantLeaders / rows.length : null };
}
