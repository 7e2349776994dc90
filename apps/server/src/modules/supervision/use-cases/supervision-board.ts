import { countAppealsByLeadUnit, countSupervisionLights } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { appealScopeOf } from '../../appeals/appeal-scope';

/** The appeals a supervisor watches: with a unit, not yet closed (the board's tabs list the same statuses). */
export const SUPERVISED_STATUSES = ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback'];

type Light = 'red' | 'yellow' | 'problem';

/**
 * 督办看板: red (overdue), yellow (due soon) and problem appeals counted by lead unit over the user's whole scope,
 * the same appeals the board's lists show with those filters, so a unit's badge always equals the length of its list
 * (analytics-rollups and supervision check it). Red and problem in one pass over the open appeals' index; yellow, the
 * sweep's yellow marks on running clocks not yet due, by the list's own query (a few hours' worth of clocks).
 */
export async function supervisionBoard(deps: Deps, user: SessionUser) {
  const db = deps.database.reader;
  const [runtime, scope] = await Promise.all([requireRuntime(deps, user.jurisdictionId), appealScopeOf(deps, user)]);
  const now = deps.now();
  const [lit, yellow] = await Promise.all([
    countSupervisionLights(db, scope, { statuses: SUPERVISED_STATUSES, now, problem: runtime.settings.problem }),
    countAppealsByLeadUnit(db, user.jurisdictionId, scope, { status: SUPERVISED_STATUSES, now, dueSoon: true }),
  ]);
  const units = new Map<string | null, Record<Light, number>>();
  const totals: Record<Light, number> = { red: 0, yellow: 0, problem: 0 };
  const add = (unitId: string | null, light: Light, n: number) => {
    if (!n) return;
    const entry = units.get(unitId) ?? { red: 0, yellow: 0, problem: 0 };
    entry[light] += n;
    units.set(unitId, entry);
    totals[light] += n;
  };
  for (const r of lit) { add(r.unitId, 'red', r.red); add(r.unitId, 'problem', r.problem); }
  for (const r of yellow) add(r.unitId, 'yellow', r.count);
  return {
    totals,
    units: [...units.entries()].map(([unitId, c]) => ({ unitId, ...c }))
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.problem - a.problem),
  };
}
