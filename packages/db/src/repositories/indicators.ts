import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { IndicatorCode } from '@minsheng/domain';
import type { SatisfactionLevel } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { assessmentExclusions, assessmentMonths } from '../schema';
import { materialMembersSql, satisfactionWeight } from './indicator-members-sql';
import { indicatorDaysOffset, memberGroupValueSql, wholeDaySumsSql, wholeDaysBefore, wholeMonthsWithin } from './indicator-days';

export { wholeDaysBefore, wholeMonthsWithin };

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

/** The appeals whose stored members are out of date: readers recompute them inline. */
export function dirtyAppealsSql(j: string): SQL {
  return sql`SELECT d.appeal_id FROM analytics_dirty_appeals d WHERE d.jurisdiction_id = ${j}`;
}

/**
 * Every member of every indicator in the period as of `asOf`, as the CTE `members` (indicator, appeal_id, unit_id,
 * at, numerator and the appeal attributes filters read): the stored rollup of appeals that are up to date, plus the
 * same computation inline for the appeals marked dirty, judged against asOf and weighed by the reader's settings.
 * Figures and drill-downs both read this, so a figure always equals the list behind it. With `skip`, the stored
 * members of those days are left out (the figures read them from the day sums), the dirty ones' never.
 */
function membersSql(q: Pick<IndicatorQuery, 'jurisdictionId' | 'from' | 'to' | 'asOf' | 'weights'>, appeals?: SQL, skip?: { from: Date; to: Date }): SQL {
  const j = q.jurisdictionId;
  const only = (col: string) => (appeals ? sql`AND ${sql.raw(col)} IN (${appeals})` : sql``);
  const inPeriod = (col: string) => sql`${sql.raw(col)} >= ${q.from} AND ${sql.raw(col)} < ${q.to}`;
  // The period less the skipped days, as index ranges (not a filter over the whole period's entries).
  const ranges = (skip ? [[q.from, skip.from], [skip.to, q.to]] : [[q.from, q.to]]).filter(([a, b]) => a! < b!);
  const storedPeriod = ranges.length ? sql`(${sql.join(ranges.map(([a, b]) => sql`(s.at >= ${a} AND s.at < ${b})`), sql` OR `)})` : sql`FALSE`;
  const columns = 'appeal_id, indicator, unit_id, at, numerator, satisfaction, pending, track, kind, channel, category_id, area_code, accused_unit_id';
  return sql`
  stored AS (
    SELECT ${sql.raw(columns.split(', ').map((c) => `s.${c}`).join(', '))} FROM analytics_indicator_members s
     WHERE s.jurisdiction_id = ${j} AND ${storedPeriod} AND s.at <= ${q.asOf} ${only('s.appeal_id')}
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
    default: return { key: memberGroupValueSql(q.groupBy, 'm'), join: sql`` };
  }
}

/** Hotline appeals only (§7 is the hotline's dictionary), not excluded, visible to the reader, in the unit asked for. */
function memberFilter(q: IndicatorQuery, key: SQL): SQL {
  return sql.join([sql`m.track = 'hotline'`, notExcluded(q), scopeFilter(q), keyFilter(q, key)], sql` AND `);
}

const notExcluded = (q: IndicatorQuery) =>
  sql`NOT EXISTS (SELECT 1 FROM assessment_exclusions x WHERE x.jurisdiction_id = ${q.jurisdictionId} AND x.appeal_id = m.appeal_id AND x.indicator = m.indicator)`;

/** What the reader may see of a member by its unit and accused unit, and the unit (or subtree) asked for. */
function scopeFilter(q: IndicatorQuery): SQL {
  const parts: SQL[] = [sql`TRUE`];
  if (q.ancestorUnitIds.length) parts.push(sql`(m.accused_unit_id IS NULL OR NOT (m.accused_unit_id = ANY(${textArray(q.ancestorUnitIds)})))`);
  const underUnit = (unitId: string) => sql`EXISTS (SELECT 1 FROM units su WHERE su.jurisdiction_id = ${q.jurisdictionId} AND su.id = m.unit_id AND ${unitId} = ANY(su.path))`;
  if (q.visibleUnitIds !== null) parts.push(q.visibleUnitIds.length ? sql`m.unit_id = ANY(${textArray(q.visibleUnitIds)})` : sql`FALSE`);
  if (q.unitId) parts.push(q.includeSubunits ? underUnit(q.unitId) : sql`m.unit_id = ${q.unitId}`);
  return sql.join(parts, sql` AND `);
}

/** Rolled up to ancestors, a member still shows only under the reader's own units, and under the unit asked for. */
function keyFilter(q: IndicatorQuery, key: SQL): SQL {
  const parts: SQL[] = [sql`TRUE`];
  if (q.groupBy !== 'unit' || !q.includeSubunits) return parts[0]!;
  if (q.visibleUnitIds !== null) parts.push(q.visibleUnitIds.length ? sql`${key} = ANY(${textArray(q.visibleUnitIds)})` : sql`FALSE`);
  if (q.unitId) parts.push(underUnitKey(q, key, q.unitId));
  return sql.join(parts, sql` AND `);
}

/** With a unit asked for and sub-units rolled up, groups are that unit and the units below it, never its ancestors. */
function underUnitKey(q: IndicatorQuery, key: SQL, unitId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM units ku WHERE ku.jurisdiction_id = ${q.jurisdictionId} AND ku.id = ${key} AND ${unitId} = ANY(ku.path))`;
}

type FigureSqlRow = { indicator: IndicatorCode; group_key: string; numerator: number | string; denominator: number | string };
const figureRow = (r: FigureSqlRow): FigureRow => ({ indicator: r.indicator, groupKey: r.group_key, numerator: Math.round(Number(r.numerator) * 10_000) / 10_000, denominator: Number(r.denominator) });

/**
 * Numerator and denominator of every indicator for every group of the period. The whole days before asOf's are
 * read from the day sums (analytics_indicator_days) and the rest member by member; `fromMembers` reads every
 * member instead (what the day sums are checked against), as does a read while a rebuild has not summed them yet.
 * Either way the same figures.
 */
export async function computeIndicatorFigures(db: Executor, q: IndicatorQuery, o: { fromMembers?: boolean } = {}): Promise<FigureRow[]> {
  const offset = o.fromMembers ? null : await indicatorDaysOffset(db, q.jurisdictionId);
  const days = offset === null ? null : wholeDaysBefore(q.from, q.to, q.asOf, offset);
  if (!days) {
    const g = grouping(q);
    const rows = await queryRows<FigureSqlRow>(db, sql`
      WITH ${membersSql(q)}
      SELECT m.indicator, ${g.key} AS group_key, sum(m.numerator)::float8 AS numerator, count(*)::int AS denominator
        FROM members m ${g.join}
       WHERE ${memberFilter(q, g.key)}
       GROUP BY 1, 2 ORDER BY 2, 1`);
    return rows.map(figureRow);
  }
  // Rolled up to the ancestors, summed per unit first: a few thousand rows expanded, not every member.
  const rollUp = q.groupBy === 'unit' && q.includeSubunits;
  const key = q.groupBy === 'unit' ? (rollUp ? sql`g.unit_id` : sql`m.unit_id`) : sql`m.group_value`;
  const figures = sql`
    WITH ${membersSql(q, undefined, days)},
    signed AS (
      ${wholeDaySumsSql(q, q.groupBy, days)}
      UNION ALL
      SELECT m.indicator, m.unit_id, m.accused_unit_id, ${memberGroupValueSql(q.groupBy, 'm')}, 1, m.numerator
        FROM members m WHERE m.track = 'hotline' AND ${notExcluded(q)}
    )${rollUp ? sql`,
    per_unit AS (
      SELECT m.indicator, m.unit_id, sum(m.n) AS n, sum(m.numerator) AS numerator
        FROM signed m WHERE ${scopeFilter(q)} GROUP BY 1, 2
    )` : sql``}
    SELECT m.indicator, ${key} AS group_key, sum(m.numerator)::float8 AS numerator, sum(m.n)::int AS denominator
      FROM ${rollUp ? sql`per_unit m ${grouping(q).join}` : sql`signed m`}
     WHERE ${rollUp ? keyFilter(q, key) : scopeFilter(q)}
     GROUP BY 1, 2 HAVING sum(m.n) <> 0 ORDER BY 2, 1`;
  // A month by category is some 500,000 day rows at 10 million appeals: memory enough to hash them, not sort on disk.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
    return queryRows<FigureSqlRow>(tx, figures);
  });
  return rows.map(figureRow);
}

/** Where a keyset page of a drill-down resumes: after this member in (at, appeal_id, unit_id) order. */
export interface MemberCursor { at: Date; appealId: string; unitId: string }

export interface MemberListing {
  indicator: IndicatorCode;
  groupKey: string | null;
  part: 'numerator' | 'denominator';
  limit: number;
  offset: number;
  after?: MemberCursor | undefined;
}

/**
 * The members behind one figure (its denominator, or only those with a numerator share), oldest first, paged by
 * offset or after a cursor. The total is counted the way the figure is (the day sums, then member by member for
 * the rest), and the page read from the members in index order — a month's first page reads a few hundred index
 * entries, not every member of the month.
 */
export async function listIndicatorMembers(db: Executor, q: IndicatorQuery, f: MemberListing): Promise<{ total: number; items: MemberRow[] }> {
  const total = await countIndicatorMembers(db, q, f);
  if (!total || (!f.after && f.offset >= total)) return { total, items: [] };
  const j = q.jurisdictionId;
  // Without a group the figure is the total: no roll-up join, so each member is listed once.
  const g = f.groupKey === null ? { key: sql`''`, join: sql`` } : grouping(q);
  const numerator = sql`CASE WHEN m.indicator = 'satisfaction' THEN ${satisfactionWeight(sql`m.satisfaction`, q.weights)} ELSE m.numerator END`;
  // What the figure counts of a member row (stored or recomputed) under alias m, as of asOf.
  const where = sql`m.indicator = ${f.indicator} AND m.at >= ${q.from} AND m.at < ${q.to} AND m.at <= ${q.asOf} AND (NOT m.pending OR m.at < ${q.asOf})
    AND ${memberFilter(q, g.key)} ${f.groupKey === null ? sql`` : sql`AND ${g.key} = ${f.groupKey}`} ${f.part === 'numerator' ? sql`AND ${numerator} > 0` : sql``}
    ${f.after ? sql`AND (m.at, m.appeal_id, m.unit_id) > (${f.after.at}, ${f.after.appealId}, ${f.after.unitId})` : sql``}`;
  const order = sql`ORDER BY m.at, m.appeal_id, m.unit_id`;
  // The stored members in index order, as many as the page needs, and every one of the (few) dirty appeals
  // recomputed; the page is cut from both, then joined to the appeals for their number and title.
  const rows = await queryRows<{ appeal_id: string; number: string; title: string; unit_id: string; at: Date | string; numerator: number | string }>(db, sql`
    WITH page AS (
      (SELECT m.appeal_id, m.unit_id, m.at, ${numerator} AS numerator FROM analytics_indicator_members m ${g.join}
        WHERE m.jurisdiction_id = ${j} AND ${where}
          AND NOT EXISTS (SELECT 1 FROM analytics_dirty_appeals d WHERE d.jurisdiction_id = ${j} AND d.appeal_id = m.appeal_id)
        ${order} LIMIT ${f.offset + f.limit})
      UNION ALL
      (SELECT m.appeal_id, m.unit_id, m.at, ${numerator} FROM ${materialMembersSql(j, dirtyAppealsSql(j))} m ${g.join} WHERE ${where})
      ORDER BY at, appeal_id, unit_id LIMIT ${f.limit} OFFSET ${f.offset})
    SELECT p.appeal_id, a.number, a.title, p.unit_id, p.at, p.numerator
      FROM page p JOIN appeals a ON a.jurisdiction_id = ${j} AND a.id = p.appeal_id
     ORDER BY p.at, p.appeal_id, p.unit_id`);
  return {
    total,
    items: rows.map((r) => ({ appealId: r.appeal_id, number: r.number, title: r.title, unitId: r.unit_id, at: new Date(r.at), numerator: Math.round(Number(r.numerator) * 10_000) / 10_000 })),
  };
}

/**
 * How many members a drill-down lists: the figure's denominator, or its members with a share — read like the
 * figure from the day sums of the whole days before asOf plus the rest member by member, so it equals the list.
 */
async function countIndicatorMembers(db: Executor, q: IndicatorQuery, f: MemberListing): Promise<number> {
  const offset = await indicatorDaysOffset(db, q.jurisdictionId);
  const days = offset === null ? null : wholeDaysBefore(q.from, q.to, q.asOf, offset);
  const g = f.groupKey === null ? { key: sql`''`, join: sql`` } : grouping(q);
  const groupFilter = f.groupKey === null ? sql`` : sql`AND ${g.key} = ${f.groupKey}`;
  if (!days) {
    const [row] = await queryRows<{ n: number }>(db, sql`WITH ${membersSql(q)}
      SELECT count(*)::int AS n FROM members m ${g.join}
       WHERE m.indicator = ${f.indicator} AND ${memberFilter(q, g.key)} ${groupFilter} ${f.part === 'numerator' ? sql`AND m.numerator > 0` : sql``}`);
    return row?.n ?? 0;
  }
  // Read under the grouping's own day sums (each member once per grouping); the total under the unit's.
  const dim = f.groupKey === null ? 'unit' : q.groupBy;
  const key = f.groupKey === null ? sql`''` : q.groupBy === 'unit' ? g.key : sql`m.group_value`;
  const positive = f.part === 'numerator';
  const [row] = await queryRows<{ n: number | string | null }>(db, sql`
    WITH ${membersSql(q, undefined, days)},
    signed AS (
      ${wholeDaySumsSql(q, dim, days, { measure: positive ? 'positive' : 'share', indicator: f.indicator })}
      UNION ALL
      SELECT m.indicator, m.unit_id, m.accused_unit_id, ${memberGroupValueSql(dim, 'm')}, 1, (m.numerator > 0)::int
        FROM members m WHERE m.indicator = ${f.indicator} AND m.track = 'hotline' AND ${notExcluded(q)}
    )
    SELECT sum(${positive ? sql`m.numerator` : sql`m.n`})::bigint AS n FROM signed m ${g.join}
     WHERE ${scopeFilter(q)} AND ${keyFilter(q, key)} ${f.groupKey === null ? sql`` : sql`AND ${key} = ${f.groupKey}`}`);
  return Number(row?.n ?? 0);
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
