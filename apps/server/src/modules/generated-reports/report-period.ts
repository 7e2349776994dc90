import { AppError } from '@minsheng/contracts';
import { resolvePeriod } from '@minsheng/domain';
import type { Period } from '@minsheng/domain';
import type { ReportKind } from './report-body';

/** A report's period, the one before it (for the changes), its stored key and its words for a title. */
export interface ReportPeriod { key: string; label: string; period: Period; previous: Period; previousKey: string }

const DAY_MS = 86_400_000;
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** The local period (of the resolver's kind) that contains `day`, or a 400 naming the field. */
function periodOf(kind: 'week' | 'month' | 'quarter', day: string, offset: number, now: Date): Period {
  const r = resolvePeriod({ kind, from: day }, offset, now);
  if (!r.ok) throw new AppError('VALIDATION_FAILED', `period: ${r.message}`, { field: 'period' });
  return r.period;
}

function keyOf(kind: 'week' | 'month' | 'quarter', p: Period): string {
  if (kind === 'week') return p.firstDay;
  if (kind === 'month') return p.firstDay.slice(0, 7);
  return `${p.firstDay.slice(0, 4)}-Q${Math.floor(Number(p.firstDay.slice(5, 7)) / 3) + 1}`;
}

function labelOf(kind: 'week' | 'month' | 'quarter', p: Period): string {
  const y = p.firstDay.slice(0, 4);
  if (kind === 'week') return `${p.firstDay} 至 ${p.lastDay}`;
  if (kind === 'month') return `${y}年${Number(p.firstDay.slice(5, 7))}月`;
  return `${y}年第${'一二三四'[Math.floor(Number(p.firstDay.slice(5, 7)) / 3)]}季度`;
}

/**
 * The period named by a report request: weekly `YYYY-MM-DD` (any day; the week from its Monday), monthly `YYYY-MM`,
 * petition `YYYY-MM` or `YYYY-Qn`. A period that has not started yet is refused: there is nothing to report.
 */
export function reportPeriod(kind: ReportKind, input: string, utcOffsetMinutes: number, now: Date): ReportPeriod {
  let unit: 'week' | 'month' | 'quarter';
  let day: string;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(input);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(input);
  if (kind === 'weekly' && /^\d{4}-\d{2}-\d{2}$/.test(input)) { unit = 'week'; day = input; }
  else if (kind !== 'weekly' && month) { unit = 'month'; day = `${input}-01`; }
  else if (kind === 'petition' && quarter) { unit = 'quarter'; day = `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`; }
  else {
    const want = kind === 'weekly' ? 'YYYY-MM-DD' : kind === 'monthly' ? 'YYYY-MM' : 'YYYY-MM or YYYY-Qn';
    throw new AppError('VALIDATION_FAILED', `period of a ${kind} report must be ${want}`, { field: 'period' });
  }
  const period = periodOf(unit, day, utcOffsetMinutes, now);
  if (period.from.getTime() > now.getTime()) throw new AppError('VALIDATION_FAILED', 'the period has not started', { field: 'period' });
  const previous = periodOf(unit, dayBefore(period.firstDay), utcOffsetMinutes, now);
  return { key: keyOf(unit, period), label: labelOf(unit, period), period, previous, previousKey: keyOf(unit, previous) };
}

/** The last period of a kind that has ended by `now` (what the schedule generates): last week, last month. */
export function lastEndedPeriodKey(kind: ReportKind, utcOffsetMinutes: number, now: Date): string {
  const today = new Date(now.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  if (kind === 'weekly') return keyOf('week', periodOf('week', dayBefore(periodOf('week', today, utcOffsetMinutes, now).firstDay), utcOffsetMinutes, now));
  return keyOf('month', periodOf('month', dayBefore(`${today.slice(0, 7)}-01`), utcOffsetMinutes, now));
}
