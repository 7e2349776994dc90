import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { CLOCK_COMPLETIONS, CLOSING_ACTIONS, DISPATCH_ACTIONS, INTAKE_ACCEPTING_ACTIONS } from '@minsheng/domain';
import type { SatisfactionLevel } from '@minsheng/contracts';

/** What the brute-force members are computed for: one period and moment, optionally only some appeals. */
export interface MembersScope {
  jurisdictionId: string;
  from: Date;
  to: Date;
  asOf: Date;
  weights: Record<SatisfactionLevel, number>;
  /** A sub-query of appeal ids; all of the jurisdiction's appeals when absent. */
  appeals?: SQL | undefined;
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const onlyAppeals = (column: string, appeals: SQL | undefined) => (appeals ? sql`AND ${sql.raw(column)} IN (${appeals})` : sql``);

/** The lead unit of `appealId` at instant `at`: named by the latest dispatch at or before it, cleared by a return or reopen. */
function leadAt(j: string, appealId: SQL, at: SQL): SQL {
  return sql`(SELECT CASE WHEN d.action IN (${list(DISPATCH_ACTIONS)}) THEN d.payload->>'leadUnitId' END FROM appeal_events d
    WHERE d.jurisdiction_id = ${j} AND d.appeal_id = ${appealId} AND d.occurred_at <= ${at}
      AND d.action IN (${list([...DISPATCH_ACTIONS, 'approve_return', 'reopen'])}) ORDER BY d.seq DESC LIMIT 1)`;
}

/** A run was completed by its own event (CLOCK_COMPLETIONS) at the moment it stopped. */
function completedBy(j: string, run: string): SQL {
  const r = sql.raw(run);
  const byClock = Object.entries(CLOCK_COMPLETIONS).map(([clock, actions]) => sql`(${r}.clock = ${clock} AND c.action IN (${list(actions!)}))`);
  return sql`(${r}.stopped_at IS NOT NULL AND EXISTS (SELECT 1 FROM appeal_events c WHERE c.jurisdiction_id = ${j}
    AND c.appeal_id = ${r}.appeal_id AND c.occurred_at = ${r}.stopped_at AND (${sql.join(byClock, sql` OR `)})))`;
}

/** An event of the appeal after `seq` (and before the next of `until`, when given), up to `asOf` when given. */
function followedBy(j: string, asOf: Date | null, action: string, until: readonly string[]): SQL {
  return sql`EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = ${action}
    AND x.seq > e.seq ${asOf ? sql`AND x.occurred_at <= ${asOf}` : sql``}
    AND x.seq < COALESCE((SELECT min(n.seq) FROM appeal_events n WHERE n.jurisdiction_id = ${j} AND n.appeal_id = e.appeal_id
      AND n.seq > e.seq AND n.action IN (${list(until)})), 2147483647))`;
}

/** Events the members are decided by. */
const EVENT_ACTIONS = ['callback', 'approve_reply', ...CLOSING_ACTIONS, ...DISPATCH_ACTIONS];
const memberEvent = sql`(e.action IN (${list(EVENT_ACTIONS)}) OR (e.from_status = 'registered' AND e.action IN (${list(INTAKE_ACCEPTING_ACTIONS)})))`;

/**
 * Every member of every indicator in the period, as CTEs ending in `members` (indicator, appeal_id, unit_id, at,
 * numerator): the SQL form of `indicatorMembers` in packages/domain (DOMAIN.md §7), straight from the events and
 * clock runs. The rollups are checked against this (verifyAnalyticsRollups); figures read the rollups.
 */
export function bruteForceMembersSql(q: MembersScope): SQL {
  const j = q.jurisdictionId;
  const inPeriod = (col: SQL) => sql`${col} >= ${q.from} AND ${col} < ${q.to}`;
  const w = q.weights;
  const satisfaction = sql`CASE e.payload->>'satisfaction' WHEN 'very_satisfied' THEN ${w.very_satisfied}::float8 WHEN 'satisfied' THEN ${w.satisfied}::float8
    WHEN 'basically_satisfied' THEN ${w.basically_satisfied}::float8 WHEN 'dissatisfied' THEN ${w.dissatisfied}::float8
    WHEN 'very_dissatisfied' THEN ${w.very_dissatisfied}::float8 ELSE 0::float8 END`;
  return sql`
  runs AS (
    SELECT r.appeal_id, r.clock, r.started_at, r.due_at, r.stopped_at, ${completedBy(j, 'r')} AS completed, COALESCE(r.stopped_at, r.paused_at, ${q.asOf}::timestamptz) AS last_live
      FROM appeal_clock_runs r
     WHERE r.jurisdiction_id = ${j} AND r.clock IN ('sign_for', 'handling') AND r.started_at <= ${q.asOf} ${onlyAppeals('r.appeal_id', q.appeals)}
       AND ((${inPeriod(sql`r.due_at`)}) OR (${inPeriod(sql`r.stopped_at`)}))
  ),
  judged AS (
    SELECT runs.*, (completed AND stopped_at <= due_at) AS on_time,
           CASE WHEN completed AND stopped_at <= due_at THEN stopped_at WHEN due_at < last_live THEN due_at END AS end_at
      FROM runs
  ),
  ev AS (
    SELECT e.appeal_id, e.seq, e.action, e.occurred_at, e.payload, e.from_status FROM appeal_events e
     WHERE e.jurisdiction_id = ${j} AND e.occurred_at <= ${q.asOf} AND ${inPeriod(sql`e.occurred_at`)} ${onlyAppeals('e.appeal_id', q.appeals)} AND ${memberEvent}
  ),
  members AS (
    SELECT CASE WHEN clock = 'handling' THEN 'on_time_completion' ELSE k.indicator END AS indicator, appeal_id,
           ${leadAt(j, sql`judged.appeal_id`, sql`judged.end_at`)} AS unit_id, end_at AS at,
           CASE WHEN k.indicator = 'response' THEN (on_time AND EXISTS (SELECT 1 FROM appeal_clock_runs fc
             WHERE fc.jurisdiction_id = ${j} AND fc.appeal_id = judged.appeal_id AND fc.clock = 'first_contact'
               AND fc.started_at = judged.stopped_at AND fc.stopped_at <= fc.due_at AND ${completedBy(j, 'fc')}))::int
             ELSE on_time::int END::float8 AS numerator
      FROM judged CROSS JOIN (VALUES ('sign_on_time'), ('response')) AS k(indicator)
     WHERE end_at IS NOT NULL AND ${inPeriod(sql`end_at`)} AND (clock = 'sign_for' OR k.indicator = 'sign_on_time')
    UNION ALL
    SELECT k.indicator, e.appeal_id, ${leadAt(j, sql`e.appeal_id`, sql`e.occurred_at`)}, e.occurred_at,
           CASE WHEN k.indicator = 'resolution' THEN (CASE WHEN e.payload->>'solved' = 'true' THEN 1 ELSE 0 END)::float8 ELSE ${satisfaction} END
      FROM ev e CROSS JOIN (VALUES ('resolution'), ('satisfaction')) AS k(indicator)
     WHERE e.action = 'callback' AND (k.indicator = 'satisfaction' OR NOT EXISTS (SELECT 1 FROM appeals ca
       WHERE ca.jurisdiction_id = ${j} AND ca.id = e.appeal_id AND ca.kind = 'consultation'))
    UNION ALL
    SELECT 'redo', e.appeal_id, ${leadAt(j, sql`e.appeal_id`, sql`e.occurred_at`)}, e.occurred_at,
           (EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = 'redo' AND x.seq < e.seq))::int::float8
      FROM ev e WHERE e.action IN (${list(CLOSING_ACTIONS)})
    UNION ALL
    SELECT k.indicator, e.appeal_id, e.payload->>'leadUnitId', e.occurred_at,
           (CASE WHEN k.indicator = 'return' THEN ${followedBy(j, q.asOf, 'approve_return', DISPATCH_ACTIONS)} ELSE ${followedBy(j, q.asOf, 'urge', DISPATCH_ACTIONS)} END)::int::float8
      FROM ev e CROSS JOIN (VALUES ('return'), ('urge')) AS k(indicator) WHERE e.action IN (${list(DISPATCH_ACTIONS)})
    UNION ALL
    SELECT 'callback', e.appeal_id, ${leadAt(j, sql`e.appeal_id`, sql`e.occurred_at`)}, e.occurred_at,
           (${followedBy(j, q.asOf, 'callback', ['approve_reply'])})::int::float8
      FROM ev e WHERE e.action = 'approve_reply'
    UNION ALL
    SELECT k.indicator, e.appeal_id, ia.owner_unit_id, e.occurred_at,
           (CASE WHEN k.indicator = 'direct_answer'
             THEN EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = 'answer_directly' AND x.occurred_at <= ${q.asOf})
             ELSE ia.related_appeal_id IS NOT NULL OR EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = 'merge' AND x.occurred_at <= ${q.asOf})
           END)::int::float8
      FROM ev e JOIN appeals ia ON ia.jurisdiction_id = ${j} AND ia.id = e.appeal_id
      CROSS JOIN (VALUES ('direct_answer'), ('repeat')) AS k(indicator)
     WHERE e.from_status = 'registered' AND e.action IN (${list(INTAKE_ACCEPTING_ACTIONS)})
  )`;
}

/**
 * The same members in the form the rollup stores, independent of the reading moment and settings: a run still
 * running unpaused is `pending` at its due time (a member once that passes), 满意率 keeps the callback's level for the
 * reader to weigh, and the appeal attributes the filters read are copied in. Columns in the order of
 * analytics_indicator_members after jurisdiction_id. Every event of an appeal marks it dirty, so a member that a
 * later event would change (a dispatch before a pending run's due time, a return after a dispatch) is recomputed.
 */
export function materialMembersSql(j: string, appeals: SQL | undefined): SQL {
  return sql`(WITH runs AS (
    SELECT r.appeal_id, r.clock, r.started_at, r.due_at, r.stopped_at, r.paused_at, ${completedBy(j, 'r')} AS completed,
           row_number() OVER (PARTITION BY r.appeal_id, r.clock ORDER BY r.started_at)::int AS n
      FROM appeal_clock_runs r WHERE r.jurisdiction_id = ${j} AND r.clock IN ('sign_for', 'handling') ${onlyAppeals('r.appeal_id', appeals)}
  ),
  judged AS (
    SELECT runs.*, (completed AND stopped_at <= due_at) AS on_time,
           CASE WHEN completed AND stopped_at <= due_at THEN stopped_at ELSE due_at END AS end_at,
           NOT (completed AND stopped_at <= due_at) AND stopped_at IS NULL AND paused_at IS NULL AS pending
      FROM runs
     WHERE (completed AND stopped_at <= due_at) OR due_at < COALESCE(stopped_at, paused_at, 'infinity'::timestamptz)
  ),
  ev AS (
    SELECT e.appeal_id, e.seq, e.action, e.occurred_at, e.payload, e.from_status FROM appeal_events e
     WHERE e.jurisdiction_id = ${j} ${onlyAppeals('e.appeal_id', appeals)} AND ${memberEvent}
  ),
  members AS (
    SELECT CASE WHEN clock = 'handling' THEN 'on_time_completion' ELSE k.indicator END AS indicator, appeal_id, -n AS ord,
           ${leadAt(j, sql`judged.appeal_id`, sql`judged.end_at`)} AS unit_id, end_at AS at,
           CASE WHEN k.indicator = 'response' THEN (on_time AND EXISTS (SELECT 1 FROM appeal_clock_runs fc
             WHERE fc.jurisdiction_id = ${j} AND fc.appeal_id = judged.appeal_id AND fc.clock = 'first_contact'
               AND fc.started_at = judged.stopped_at AND fc.stopped_at <= fc.due_at AND ${completedBy(j, 'fc')}))::int
             ELSE on_time::int END::float8 AS numerator, NULL::text AS satisfaction, pending
      FROM judged CROSS JOIN (VALUES ('sign_on_time'), ('response')) AS k(indicator)
     WHERE clock = 'sign_for' OR k.indicator = 'sign_on_time'
    UNION ALL
    SELECT k.indicator, e.appeal_id, e.seq, ${leadAt(j, sql`e.appeal_id`, sql`e.occurred_at`)}, e.occurred_at,
           CASE WHEN k.indicator = 'resolution' AND e.payload->>'solved' = 'true' THEN 1 ELSE 0 END::float8,
           CASE WHEN k.indicator = 'satisfaction' THEN e.payload->>'satisfaction' END, false
      FROM ev e CROSS JOIN (VALUES ('resolution'), ('satisfaction')) AS k(indicator)
     WHERE e.action = 'callback' AND (k.indicator = 'satisfaction' OR NOT EXISTS (SELECT 1 FROM appeals ca
       WHERE ca.jurisdiction_id = ${j} AND ca.id = e.appeal_id AND ca.kind = 'consultation'))
    UNION ALL
    SELECT 'redo', e.appeal_id, e.seq, ${leadAt(j, sql`e.appeal_id`, sql`e.occurred_at`)}, e.occurred_at,
           (EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = 'redo' AND x.seq < e.seq))::int::float8, NULL, false
      FROM ev e WHERE e.action IN (${list(CLOSING_ACTIONS)})
    UNION ALL
    SELECT k.indicator, e.appeal_id, e.seq, e.payload->>'leadUnitId', e.occurred_at,
           (CASE WHEN k.indicator = 'return' THEN ${followedBy(j, null, 'approve_return', DISPATCH_ACTIONS)} ELSE ${followedBy(j, null, 'urge', DISPATCH_ACTIONS)} END)::int::float8, NULL, false
      FROM ev e CROSS JOIN (VALUES ('return'), ('urge')) AS k(indicator) WHERE e.action IN (${list(DISPATCH_ACTIONS)})
    UNION ALL
    SELECT 'callback', e.appeal_id, e.seq, ${leadAt(j, sql`e.appeal_id`, sql`e.occurred_at`)}, e.occurred_at,
           (${followedBy(j, null, 'callback', ['approve_reply'])})::int::float8, NULL, false
      FROM ev e WHERE e.action = 'approve_reply'
    UNION ALL
    SELECT k.indicator, e.appeal_id, e.seq, ia.owner_unit_id, e.occurred_at,
           (CASE WHEN k.indicator = 'direct_answer'
             THEN EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = 'answer_directly')
             ELSE ia.related_appeal_id IS NOT NULL OR EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = 'merge')
           END)::int::float8, NULL, false
      FROM ev e JOIN appeals ia ON ia.jurisdiction_id = ${j} AND ia.id = e.appeal_id
      CROSS JOIN (VALUES ('direct_answer'), ('repeat')) AS k(indicator)
     WHERE e.from_status = 'registered' AND e.action IN (${list(INTAKE_ACCEPTING_ACTIONS)})
  )
  SELECT m.appeal_id, m.indicator, m.ord, m.unit_id, m.at, m.numerator, m.satisfaction, m.pending,
         a.track, a.kind, a.channel, a.category_id, a.area_code, a.accused_unit_id
    FROM members m JOIN appeals a ON a.jurisdiction_id = ${j} AND a.id = m.appeal_id
   WHERE m.unit_id IS NOT NULL)`;
}

/** 满意率's numerator of a stored member: the reader's weight of its level. */
export function satisfactionWeight(level: SQL, w: Record<SatisfactionLevel, number>): SQL {
  return sql`CASE ${level} WHEN 'very_satisfied' THEN ${w.very_satisfied}::float8 WHEN 'satisfied' THEN ${w.satisfied}::float8
    WHEN 'basically_satisfied' THEN ${w.basically_satisfied}::float8 WHEN 'dissatisfied' THEN ${w.dissatisfied}::float8
    WHEN 'very_dissatisfied' THEN ${w.very_dissatisfied}::float8 ELSE 0::float8 END`;
}
