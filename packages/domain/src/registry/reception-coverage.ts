import { datesOfMonth } from './recurrence';

/**
 * 领导接访 coverage of a month: at least one district leader receiving every working day, and every leader receiving
 * at least `minPerLeader` times. Pure: the scheduled receptions and the calendar are passed in.
 */
export interface ScheduledReception { leaderName: string; date: string }

export interface ReceptionCoverage {
  month: string;
  workingDays: number;
  coveredDays: number;
  /** Working days without any leader receiving. */
  uncoveredDays: string[];
  /** Receptions per named leader, and whether each reached `minPerLeader`. */
  leaders: { leaderName: string; receptions: number; compliant: boolean }[];
  /** Covered working days over working days; null when the month has none. */
  rate: number | null;
}

export function receptionCoverage(month: string, receptions: readonly ScheduledReception[], leaderNames: readonly string[], isWorkingDay: (date: string) => boolean, minPerLeader: number): ReceptionCoverage {
  const working = datesOfMonth(month).filter(isWorkingDay);
  const inMonth = receptions.filter((r) => r.date.startsWith(`${month}-`));
  const days = new Set(inMonth.map((r) => r.date));
  const uncoveredDays = working.filter((d) => !days.has(d));
  const names = [...new Set([...leaderNames, ...inMonth.map((r) => r.leaderName)])];
  const leaders = names.map((leaderName) => {
    const receptions = inMonth.filter((r) => r.leaderName === leaderName).length;
    return { leaderName, receptions, compliant: receptions >= minPerLeader };
  }).sort((a, b) => a.receptions - b.receptions || a.leaderName.localeCompare(b.leaderName, 'zh'));
  const coveredDays = working.length - uncoveredDays.length;
  return { month, workingDays: working.length, coveredDays, uncoveredDays, leaders, rate: working.length ? coveredDays / working.length : null };
}
