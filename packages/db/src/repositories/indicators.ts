import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { IndicatorCode } from '@minsheng/domain';
import type { SatisfactionLevel } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { assessmentExclusions, assessmentMonths } from '../schema';
import { materialMembersSql, satisfactionWeight } from './indicator-members-sql';

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

/** GB/T 2260 street/town codes are 9 digits; a community's 12-digit code starts with its street's. */
const STREET_CODE_LENGTH = 9;
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const textArray = (ids: readonly string[]) => sql`ARRAY[${list(ids)}]::text[]`;

/** The appeals whose stored members are out of date: readers recompute them inline. */
export function dirtyAppealsSql(j: string): SQL {
  return sql`SELECT d.appeal_id FROM analytics_dirty_appeals d WHERE d.jurisdiction_id = ${j}`;
}

/**
 * Every member of every indicator in the period as of `asOf`, as the CTE `members` (indicator, appeal_id, unit_id,
 * at, numerator and the appeal attributes filters read): the stored rollup of appeals that are up to date, plus the
 * same computation inline for the appeals marked dirty, judged against asOf and weighed by the reader's settings.
 * Figures and drill-downs both read this, so a figure always equals the list behind it.
 */
function membersSql(q: Pick<IndicatorQuery, 'jurisdictionId' | 'from' | 'to' | 'asOf' | 'weights'>, appeals?: SQL): SQL {
  const j = q.jurisdictionId;
  const only = (col: string) => (appeals ? sql`AND ${sql.raw(col)} IN (${appeals})` : sql``);
  const inPeriod = (col: string) => sql`${sql.raw(col)} >= ${q.from} AND ${sql.raw(col)} < ${q.to}`;
  const columns = 'appeal_id, indicator, unit_id, at, numerator, satisfaction, pending, track, kind, channel, category_id, area_code, accused_unit_id';
  return sql`
  stored AS (
    SELECT ${sql.raw(columns.split(', ').map((c) => `s.${c}`).join(', '))} FROM analytics_indicator_members s
     WHERE s.jurisdiction_id = ${j} AND ${inPeriod('s.at')} ${only('s.appeal_id')}
       AND NOT EXISTS (SELECT 1 FROM analytics_dirty_appeals d WHERE d.jurisdiction_id = ${j} AND d.appeal_id = s.appeal_id)
    UNION ALL
    SELECT ${sql.raw(columns)} FROM ${materialMembersSql(j, appeals ? sql`${dirtyAppealsSql(j)} AND d.appeal_id IN (${appeals})` : dirtyAppealsSql(j))} f WHERE ${inPeriod('f.at')}
  ),
  members AS (
    SELECT appeal_id, indicator, unit_id, at,
           CASE WHEN indicator = 'satisfaction' THEN ${satisfactionWeight(sql`satisfaction`, q.weights)} ELSE numerator END AS numerator,
           track, kind, channel, category_id, area_code, accused_unit_id
      FROM stored WHERE at <= ${q.asOf} AND (NOT pending OR at < ${q.asOf})
  )`;
}

/** One member as the rollup says (verification): its unit, moment, numerator and the appeal attributes it carries. */
export interface RollupMemberRow { indicator: string; appealId: string; unitId: string; at: Date; numerator: number; track: string; kind: string; channel: string; categoryId: string | null; areaCode: string | null; accusedUnitId: string | null }

/** Every member of the given appeals in the period as the figures read them (stored, or recomputed while dirty). */
export async function listRollupMembers(db: Executor, q: Pick<IndicatorQuery, 'jurisdictionId' | 'from' | 'to' | 'asOf' | 'weights'>, appeals: SQL): Promise<RollupMemberRow[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`WITH ${membersSql(q, appeals)}
    SELECT indicator, appeal_id, unit_id, at, numerator, track, kind, channel, category_id, area_code, accused_unit_id FROM members`);
  return rows.map(memberRow);
}

/** A members row (snake_case, engine-typed) as a RollupMemberRow. */
export function memberRow(r: Record<string, unknown>): RollupMemberRow {
  return {
    indicator: String(r.indicator), appealId: String(r.appeal_id), unitId: String(r.unit_id), at: new Date(r.at as string), numerator: Number(r.numerator),
    track: String(r.track), kind: String(r.kind), channel: String(r.channel), categoryId: (r.category_id as string | null) ?? null,
    areaCode: (r.area_code as string | null) ?? null, accusedUnitId: (r.accused_unit_id as string | null) ?? null,
  };
}

/** The key a member is grouped under, and the joins it needs. */
function grouping(q: IndicatorQuery): { key: SQL; join: SQL } {
  switch (q.groupBy) {
    case 'unit':
      return q.includeSubunits
        ? { key: sql`g.unit_id`, join: sql`JOIN units mu ON mu.jurisdiction_id = ${q.jurisdictionId} AND mu.id = m.unit_id CROSS JOIN unnest(mu.path) AS g(unit_id)` }
        : { key: sql`m.unit_id`, join: sql`` };
    // A community counts for its street (the 9-digit prefix of its 12-digit code), as on the dashboards' street map.
    case 'area': return { key: sql`CASE WHEN length(m.area_code) >= ${STREET_CODE_LENGTH} THEN left(m.area_code, ${STREET_CODE_LENGTH}) ELSE COALESCE(m.area_code, '') END`, join: sql`` };
    case 'category': return { key: sql`COALESCE(m.category_id, '')`, join: sql`` };
    case 'channel': return { key: sql`m.channel`, join: sql`` };
    case 'kind': return { key: sql`m.kind`, join: sql`` };
  }
}

/** Hotline appeals only (§7 is the hotline's dictionary), not excluded, visible to the reader, in the unit asked for. */
function memberFilter(q: IndicatorQuery, key: SQL): SQL {
  const parts: SQL[] = [sql`m.track = 'hotline'`,
    sql`NOT EXISTS (SELECT 1 FROM assessment_exclusions x WHERE x.jurisdiction_id = ${q.jurisdictionId} AND x.appeal_id = m.appeal_id AND x.indicator = m.indicator)`];
  if (q.ancestorUnitIds.length) parts.push(sql`(m.accused_unit_id IS NULL OR NOT (m.accused_unit_id = ANY(${textArray(q.ancestorUnitIds)})))`);
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
      FROM members m ${g.join}
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
  // The page is cut before the appeals are joined for their number and title.
  const rows = await queryRows<{ appeal_id: string; number: string; title: string; unit_id: string; at: Date | string; numerator: number | string; total: number }>(db, sql`
    WITH ${membersSql(q)},
    page AS (SELECT m.appeal_id, m.unit_id, m.at, m.numerator, count(*) OVER ()::int AS total FROM members m ${g.join}
      WHERE ${where} ORDER BY m.at, m.appeal_id, m.unit_id LIMIT ${f.limit} OFFSET ${f.offset})
    SELECT p.appeal_id, a.number, a.title, p.unit_id, p.at, p.numerator, p.total
      FROM page p JOIN appeals a ON a.jurisdiction_id = ${q.jurisdictionId} AND a.id = p.appeal_id
     ORDER BY p.at, p.appeal_id, p.unit_id`);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && f.offset > 0) {
    const [c] = await queryRows<{ n: number }>(db, sql`WITH ${membersSql(q)} SELECT count(*)::int AS n FROM members m ${g.join} WHERE ${where}`);
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
