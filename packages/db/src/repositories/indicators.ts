import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { CLOCK_COMPLETIONS, CLOSING_ACTIONS, DISPATCH_ACTIONS, INTAKE_ACCEPTING_ACTIONS } from '@minsheng/domain';
import type { IndicatorCode } from '@minsheng/domain';
import type { SatisfactionLevel } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { assessmentExclusions, assessmentMonths } from '../schema';

export const INDICATOR_GROUPINGS = ['unit', 'area', 'category', 'channel', 'kind'] as const;
export type IndicatorGrouping = (typeof INDICATOR_GROUPINGS)[number];

/** Which members count: one period, what the reader may see, and an optional unit (or its subtree). */
export interface IndicatorQuery {
  jurisdictionId: string;
  from: Date;
  to: Date;
  asOf: Date;
  weights: Record<SatisfactionLevel, number>;
  groupBy: IndicatorGrouping;
  /** Counting a member for every unit above its own as well (单位含下级). */
  includeSubunits: boolean;
  unitId?: string | undefined;
  /** The reader's unit subtree; null for the whole jurisdiction. Members counted against other units are hidden. */
  visibleUnitIds: readonly string[] | null;
  /** The reader's units and their ancestors: appeals accusing one of them are never counted for the reader. */
  ancestorUnitIds: readonly string[];
}

export interface FigureRow { indicator: IndicatorCode; groupKey: string; numerator: number; denominator: number }
export interface MemberRow { appealId: string; number: string; title: string; unitId: string; at: Date; numerator: number }

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const textArray = (ids: readonly string[]) => sql`ARRAY[${list(ids)}]::text[]`;

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

/** An event of the appeal after `seq` (and before the next of `until`, when given), up to `asOf`. */
function followedBy(q: IndicatorQuery, action: string, until: readonly string[]): SQL {
  const j = q.jurisdictionId;
  return sql`EXISTS (SELECT 1 FROM appeal_events x WHERE x.jurisdiction_id = ${j} AND x.appeal_id = e.appeal_id AND x.action = ${action}
    AND x.seq > e.seq AND x.occurred_at <= ${q.asOf}
    AND x.seq < COALESCE((SELECT min(n.seq) FROM appeal_events n WHERE n.jurisdiction_id = ${j} AND n.appeal_id = e.appeal_id
      AND n.seq > e.seq AND n.action IN (${list(until)})), 2147483647))`;
}

/**
 * Every member of every indicator in the period, as rows (indicator, appeal_id, unit_id, at, numerator): the SQL
 * form of `indicatorMembers` in packages/domain (DOMAIN.md §7). Figures and drill-downs both read this, so a
 * figure always equals the list behind it.
 */
function membersSql(q: IndicatorQuery): SQL {
  const j = q.jurisdictionId;
  const inPeriod = (col: SQL) => sql`${col} >= ${q.from} AND ${col} < ${q.to}`;
  const w = q.weights;
  const satisfaction = sql`CASE e.payload->>'satisfaction' WHEN 'very_satisfied' THEN ${w.very_satisfied}::float8 WHEN 'satisfied' THEN ${w.satisfied}::float8
    WHEN 'basically_satisfied' THEN ${w.basically_satisfied}::float8 WHEN 'dissatisfied' THEN ${w.dissatisfied}::float8
    WHEN 'very_dissatisfied' THEN ${w.very_dissatisfied}::float8 ELSE 0::float8 END`;
  const eventActions = ['callback', 'approve_reply', ...CLOSING_ACTIONS, ...DISPATCH_ACTIONS];
  return sql`
  runs AS (
    SELECT r.appeal_id, r.clock, r.started_at, r.due_at, r.stopped_at, ${completedBy(j, 'r')} AS completed, COALESCE(r.stopped_at, r.paused_at, ${q.asOf}::timestamptz) AS last_live
      FROM appeal_clock_runs r
     WHERE r.jurisdiction_id = ${j} AND r.clock IN ('sign_for', 'handling') AND r.started_at <= ${q.asOf}
       AND ((${inPeriod(sql`r.due_at`)}) OR (${inPeriod(sql`r.stopped_at`)}))
  ),
  judged AS (
    SELECT runs.*, (completed AND stopped_at <= due_at) AS on_time,
           CASE WHEN completed AND stopped_at <= due_at THEN stopped_at WHEN due_at < last_live THEN due_at END AS end_at
      FROM runs
  ),
  ev AS (
    SELECT e.appeal_id, e.seq, e.action, e.occurred_at, e.payload, e.from_status FROM appeal_events e
     WHERE e.jurisdiction_id = ${j} AND e.occurred_at <= ${q.asOf} AND ${inPeriod(sql`e.occurred_at`)}
       AND (e.action IN (${list(eventActions)}) OR (e.from_status = 'registered' AND e.action IN (${list(INTAKE_ACCEPTING_ACTIONS)})))
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
           (CASE WHEN k.indicator = 'return' THEN ${followedBy(q, 'approve_return', DISPATCH_ACTIONS)} ELSE ${followedBy(q, 'urge', DISPATCH_ACTIONS)} END)::int::float8
      FROM ev e CROSS JOIN (VALUES ('return'), ('urge')) AS k(indicator) WHERE e.action IN (${list(DISPATCH_ACTIONS)})
    UNION ALL
    SELECT 'callback', e.appeal_id, ${leadAt(j, sql`e.appeal_id`, sql`e.occurred_at`)}, e.occurred_at,
           (${followedBy(q, 'callback', ['approve_reply'])})::int::float8
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

/** The key a member is grouped under, and the joins it needs. */
function grouping(q: IndicatorQuery): { key: SQL; join: SQL } {
  switch (q.groupBy) {
    case 'unit':
      return q.includeSubunits
        ? { key: sql`g.unit_id`, join: sql`JOIN units mu ON mu.jurisdiction_id = ${q.jurisdictionId} AND mu.id = m.unit_id CROSS JOIN unnest(mu.path) AS g(unit_id)` }
        : { key: sql`m.unit_id`, join: sql`` };
    case 'area': return { key: sql`COALESCE(a.area_code, '')`, join: sql`` };
    case 'category': return { key: sql`COALESCE(a.category_id, '')`, join: sql`` };
    case 'channel': return { key: sql`a.channel`, join: sql`` };
    case 'kind': return { key: sql`a.kind`, join: sql`` };
  }
}

/** Hotline appeals only (§7 is the hotline's dictionary), not excluded, visible to the reader, in the unit asked for. */
function memberFilter(q: IndicatorQuery, key: SQL): SQL {
  const parts: SQL[] = [sql`m.unit_id IS NOT NULL`, sql`a.track = 'hotline'`,
    sql`NOT EXISTS (SELECT 1 FROM assessment_exclusions x WHERE x.jurisdiction_id = ${q.jurisdictionId} AND x.appeal_id = m.appeal_id AND x.indicator = m.indicator)`];
  if (q.ancestorUnitIds.length) parts.push(sql`(a.accused_unit_id IS NULL OR NOT (a.accused_unit_id = ANY(${textArray(q.ancestorUnitIds)})))`);
  const underUnit = (unitId: string) => sql`EXISTS (SELECT 1 FROM units su WHERE su.jurisdiction_id = ${q.jurisdictionId} AND su.id = m.unit_id AND ${unitId} = ANY(su.path))`;
  if (q.visibleUnitIds !== null) {
    parts.push(q.visibleUnitIds.length ? sql`m.unit_id = ANY(${textArray(q.visibleUnitIds)})` : sql`FALSE`);
    // Rolled up to ancestors, a member still shows only under the reader's own units.
    if (q.groupBy === 'unit' && q.includeSubunits) parts.push(q.visibleUnitIds.length ? sql`${key} = ANY(${textArray(q.visibleUnitIds)})` : sql`FALSE`);
  }
  if (q.unitId) parts.push(q.includeSubunits ? underUnit(q.unitId) : sql`m.unit_id = ${q.unitId}`);
  if (q.unitId && q.groupBy === 'unit' && q.includeSubunits) parts.push(underUnitKey(q, key, q.unitId));
  return sql.join(parts, sql` AND `);
}

/** With a unit asked for and sub-units rolled up, groups are that unit and the units below it, never its ancestors. */
function underUnitKey(q: IndicatorQuery, key: SQL, unitId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM units ku WHERE ku.jurisdiction_id = ${q.jurisdictionId} AND ku.id = ${key} AND ${unitId} = ANY(ku.path))`;
}

/** Numerator and denominator of every indicator for every group of the period. */
export async function computeIndicatorFigures(db: Executor, q: IndicatorQuery): Promise<FigureRow[]> {
  const g = grouping(q);
  const rows = await queryRows<{ indicator: IndicatorCode; group_key: string; numerator: number | string; denominator: number }>(db, sql`
    WITH ${membersSql(q)}
    SELECT m.indicator, ${g.key} AS group_key, sum(m.numerator)::float8 AS numerator, count(*)::int AS denominator
      FROM members m JOIN appeals a ON a.jurisdiction_id = ${q.jurisdictionId} AND a.id = m.appeal_id ${g.join}
     WHERE ${memberFilter(q, g.key)}
     GROUP BY 1, 2 ORDER BY 2, 1`);
  return rows.map((r) => ({ indicator: r.indicator, groupKey: r.group_key, numerator: Math.round(Number(r.numerator) * 10_000) / 10_000, denominator: r.denominator }));
}

/** The members behind one figure (its denominator, or only those with a numerator share), oldest first, paged. */
export async function listIndicatorMembers(db: Executor, q: IndicatorQuery, f: { indicator: IndicatorCode; groupKey: string | null; part: 'numerator' | 'denominator'; limit: number; offset: number }): Promise<{ total: number; items: MemberRow[] }> {
  // Without a group the figure is the total: no roll-up join, so each member is listed once.
  const g = f.groupKey === null ? { key: sql`''`, join: sql`` } : grouping(q);
  const where = sql`m.indicator = ${f.indicator} AND ${memberFilter(q, g.key)}
    ${f.groupKey === null ? sql`` : sql`AND ${g.key} = ${f.groupKey}`} ${f.part === 'numerator' ? sql`AND m.numerator > 0` : sql``}`;
  const rows = await queryRows<{ appeal_id: string; number: string; title: string; unit_id: string; at: Date | string; numerator: number | string; total: number }>(db, sql`
    WITH ${membersSql(q)}
    SELECT m.appeal_id, a.number, a.title, m.unit_id, m.at, m.numerator, count(*) OVER ()::int AS total
      FROM members m JOIN appeals a ON a.jurisdiction_id = ${q.jurisdictionId} AND a.id = m.appeal_id ${g.join}
     WHERE ${where}
     ORDER BY m.at, m.appeal_id, m.unit_id LIMIT ${f.limit} OFFSET ${f.offset}`);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && f.offset > 0) {
    const [c] = await queryRows<{ n: number }>(db, sql`WITH ${membersSql(q)} SELECT count(*)::int AS n FROM members m
      JOIN appeals a ON a.jurisdiction_id = ${q.jurisdictionId} AND a.id = m.appeal_id ${g.join} WHERE ${where}`);
    total = c?.n ?? 0;
  }
  return {
    total,
    items: rows.map((r) => ({ appealId: r.appeal_id, number: r.number, title: r.title, unitId: r.unit_id, at: new Date(r.at), numerator: Math.round(Number(r.numerator) * 10_000) / 10_000 })),
  };
}

export type ExclusionRow = typeof assessmentExclusions.$inferSelect;

/** Take an appeal out of one indicator; false when it already was (the first reason stands). */
export async function addExclusion(db: Executor, row: ExclusionRow): Promise<boolean> {
  const rows = await db.insert(assessmentExclusions).values(row).onConflictDoNothing().returning({ appealId: assessmentExclusions.appealId });
  return rows.length === 1;
}

/** Put an appeal back into an indicator; the removed row, or null when there was none. */
export async function removeExclusion(db: Executor, jurisdictionId: string, appealId: string, indicator: string): Promise<ExclusionRow | null> {
  const rows = await db.delete(assessmentExclusions).where(and(eq(assessmentExclusions.jurisdictionId, jurisdictionId),
    eq(assessmentExclusions.appealId, appealId), eq(assessmentExclusions.indicator, indicator))).returning();
  return rows[0] ?? null;
}

export async function listExclusions(db: Executor, jurisdictionId: string): Promise<ExclusionRow[]> {
  return db.select().from(assessmentExclusions).where(eq(assessmentExclusions.jurisdictionId, jurisdictionId)).orderBy(assessmentExclusions.excludedAt);
}

export type FrozenMonthRow = typeof assessmentMonths.$inferSelect;

export async function findFrozenMonth(db: Executor, jurisdictionId: string, month: string): Promise<FrozenMonthRow | null> {
  const rows = await db.select().from(assessmentMonths).where(and(eq(assessmentMonths.jurisdictionId, jurisdictionId), eq(assessmentMonths.month, month)));
  return rows[0] ?? null;
}

/** Freeze a month once; false when it was frozen already (a frozen month is never overwritten). */
export async function freezeMonth(db: Executor, row: FrozenMonthRow): Promise<boolean> {
  const rows = await db.insert(assessmentMonths).values(row).onConflictDoNothing().returning({ month: assessmentMonths.month });
  return rows.length === 1;
}
