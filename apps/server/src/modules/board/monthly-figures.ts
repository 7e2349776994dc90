import { unitPeriodFigures } from '@minsheng/db';
import type { Deps } from '../../deps';
import { requireRuntime } from '../../runtime/require-runtime';
import { monthBounds } from '../portal/month';

/** One unit's 每月通报 line: counts plus the two rates (null when nothing to divide by). */
export interface UnitMonthFigures {
  unitId: string; received: number; replied: number; onTime: number;
  /** Handling clocks that fell due in the month and still run: they count against the on-time rate. */
  overdueOpen: number;
  onTimeRate: number | null;
  rated: number; satisfied: number; satisfactionRate: number | null;
}

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

/**
 * The month's figures per responsible unit, computed live from events and clocks (DOMAIN.md §7: on-time rate = replied
 * within the handling clock / (replied + still-open overdue); satisfaction rate = configured weights / callbacks). The console's preview and the
 * published bulletin both come from here, so they cannot disagree.
 */
export async function monthlyUnitFigures(deps: Deps, jurisdictionId: string, month: string): Promise<UnitMonthFigures[]> {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const { from, to } = monthBounds(month, runtime.settings.utcOffsetMinutes);
  const rows = await unitPeriodFigures(deps.database.db, jurisdictionId, from, to, runtime.settings.satisfactionWeights);
  return rows.map((r) => ({
    unitId: r.unitId, received: r.received, replied: r.replied, onTime: r.onTime, overdueOpen: r.overdueOpen, onTimeRate: rate(r.onTime, r.replied + r.overdueOpen),
    rated: r.rated, satisfied: r.satisfied, satisfactionRate: rate(r.satisfactionPoints, r.rated),
  }));
}
