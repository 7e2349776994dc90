import { countAppealsByLeadUnit } from '@minsheng/db';
import type { AppealListFilter } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { appealScopeOf } from '../../appeals/appeal-scope';

/** The appeals a supervisor watches: with a unit, not yet closed (the board's tabs list the same statuses). */
export const SUPERVISED_STATUSES = ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback'];

type Light = 'red' | 'yellow' | 'problem';

/**
 * 督办看板: red (overdue), yellow (due soon) and problem appeals counted by lead unit over the user's whole scope,
 * by the same SQL filters the board's lists use, so a unit's badge always equals the length of its list.
 */
export async function supervisionBoard(deps: Deps, user: SessionUser) {
  const db = deps.database.reader;
  const [runtime, scope] = await Promise.all([requireRuntime(deps, user.jurisdictionId), appealScopeOf(deps, user)]);
  const now = deps.now();
  const base = { status: SUPERVISED_STATUSES, now };
  const filters: Record<Light, Omit<AppealListFilter, 'limit' | 'cursor'>> = {
    red: { ...base, overdue: true },
    yellow: { ...base, dueSoon: true },
    problem: { ...base, problem: runtime.settings.problem },
  };
  const units = new Map<string | null, Record<Light, number>>();
  const totals: Record<Light, number> = { red: 0, yellow: 0, problem: 0 };
  // The three counts at once (each the list's own query): the board waits for the slowest, not for their sum.
  const lights = ['red', 'yellow', 'problem'] as const;
  const counted = await Promise.all(lights.map((light) => countAppealsByLeadUnit(db, user.jurisdictionId, scope, filters[light])));
  for (const [i, light] of lights.entries()) {
    for (const row of counted[i]!) {
      const entry = units.get(row.unitId) ?? { red: 0, yellow: 0, problem: 0 };
      entry[light] = row.count;
      units.set(row.unitId, entry);
      totals[light] += row.count;
    }
  }
  return {
    totals,
    units: [...units.entries()].map(([unitId, c]) => ({ unitId, ...c }))
      .sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.problem - a.problem),
  };
}
