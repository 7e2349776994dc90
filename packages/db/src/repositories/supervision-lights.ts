import { sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { appealScopeByUnits, OPEN_APPEAL, problemAppeal, textArray, UNSWEPT_CLOCK } from './appeal-reads';
import type { AppealScope, ProblemRule } from './appeal-reads';

export interface SupervisionLightCount { unitId: string | null; red: number; problem: number }

/**
 * The 督办 board's red (超期) and problem (疑难) lights by lead unit, over the appeals in `statuses` the scope reads:
 * the same appeals the board's lists show with `overdue` and `problem`, counted in one pass over the open appeals'
 * index (overdue_marked and the 疑难 columns are in it) instead of one query per light. Red adds the appeals without
 * the sweep's mark that have a running clock past due no sweep has marked yet, found from those few clocks by key
 * (LATERAL, OFFSET 0: PostgreSQL cannot tell how few they are and would otherwise hash every open appeal).
 */
export async function countSupervisionLights(db: Executor, scope: AppealScope, o: { statuses: readonly string[]; now: Date; problem: ProblemRule }): Promise<SupervisionLightCount[]> {
  const j = scope.jurisdictionId;
  // OPEN_APPEAL as constants as well: the partial index is then used whatever the statuses are bound as.
  const supervised = sql`a.status = ANY(${textArray(o.statuses)}) AND ${OPEN_APPEAL} AND ${appealScopeByUnits(scope)}`;
  const rows = await queryRows<{ unit_id: string | null; red: number; problem: number }>(db, sql`
    SELECT a.lead_unit_id AS unit_id, count(*) FILTER (WHERE a.overdue_marked)::int AS red,
           count(*) FILTER (WHERE ${problemAppeal(o.problem)})::int AS problem
      FROM appeals a WHERE a.jurisdiction_id = ${j} AND ${supervised} GROUP BY 1
    UNION ALL
    SELECT a.lead_unit_id, count(*)::int, 0
      FROM (SELECT DISTINCT c.appeal_id FROM appeal_clocks c WHERE c.jurisdiction_id = ${j}
              AND ${UNSWEPT_CLOCK} AND c.due_at < ${o.now}) k
      CROSS JOIN LATERAL (SELECT a.lead_unit_id FROM appeals a
                           WHERE a.jurisdiction_id = ${j} AND a.id = k.appeal_id AND NOT a.overdue_marked AND ${supervised} OFFSET 0) a
     GROUP BY 1`);
  const byUnit = new Map<string | null, SupervisionLightCount>();
  for (const r of rows) {
    const u = byUnit.get(r.unit_id) ?? { unitId: r.unit_id, red: 0, problem: 0 };
    byUnit.set(r.unit_id, { unitId: r.unit_id, red: u.red + r.red, problem: u.problem + r.problem });
  }
  return [...byUnit.values()];
}
