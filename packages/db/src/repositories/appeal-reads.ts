import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { ClockState } from '@minsheng/domain';
import { TERMINAL_STATUSES } from '@minsheng/contracts';
import type { ClockName, DurationUnit } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { appealAssignments, appealClocks, appealEvents, appeals, citizens } from '../schema';

export async function findAppeal(db: Executor, jurisdictionId: string, id: string) {
  const [row] = await db.select().from(appeals).where(and(eq(appeals.jurisdictionId, jurisdictionId), eq(appeals.id, id))).limit(1);
  return row ?? null;
}

/** The domain's view of a stored clock row. */
export function toClockState(r: Pick<typeof appealClocks.$inferSelect, 'clock' | 'amount' | 'unit' | 'startedAt' | 'dueAt' | 'stoppedAt' | 'pausedAt' | 'pausedBudget'>): ClockState {
  return {
    clock: r.clock as ClockName, amount: Number(r.amount), unit: r.unit as DurationUnit, startedAt: r.startedAt, dueAt: r.dueAt,
    stoppedAt: r.stoppedAt, pausedAt: r.pausedAt, pausedBudget: r.pausedBudget as ClockState['pausedBudget'],
  };
}

export async function appealClockStates(db: Executor, jurisdictionId: string, appealId: string): Promise<ClockState[]> {
  const rows = await db.select().from(appealClocks)
    .where(and(eq(appealClocks.jurisdictionId, jurisdictionId), eq(appealClocks.appealId, appealId)));
  return rows.map(toClockState);
}

/** Every unit the appeal was ever assigned to (active or not): they keep read access to what they handled. */
export async function assignedUnitIds(db: Executor, jurisdictionId: string, appealId: string): Promise<string[]> {
  const rows = await db.select({ unitId: appealAssignments.unitId }).from(appealAssignments)
    .where(and(eq(appealAssignments.jurisdictionId, jurisdictionId), eq(appealAssignments.appealId, appealId)));
  return rows.map((r) => r.unitId);
}

export async function appealEventsOf(db: Executor, jurisdictionId: string, appealId: string) {
  return db.select().from(appealEvents)
    .where(and(eq(appealEvents.jurisdictionId, jurisdictionId), eq(appealEvents.appealId, appealId)))
    .orderBy(asc(appealEvents.seq));
}

export async function findCitizen(db: Executor, jurisdictionId: string, id: string) {
  const [row] = await db.select().from(citizens).where(and(eq(citizens.jurisdictionId, jurisdictionId), eq(citizens.id, id))).limit(1);
  return row ?? null;
}

export interface AppealScope {
  /** The reader's jurisdiction, written as a constant into the scope's sub-query so it can use the unit index. */
  jurisdictionId: string;
  /** null = the whole jurisdiction; otherwise the unit ids of every subtree the user's roles cover. */
  unitIds: string[] | null;
  /** The user's units and their ancestors: an appeal accusing any of them is invisible. */
  ancestorIds: string[];
}

/** Unit ids in the subtrees of the given units (path overlap), for list scoping. */
export async function subtreeUnitIds(db: Executor, jurisdictionId: string, rootIds: readonly string[]): Promise<string[]> {
  if (!rootIds.length) return [];
  // Raw and with one array parameter: every list page of a unit's staff runs this first.
  const rows = await queryRows<{ id: string }>(db, sql`SELECT id FROM units WHERE jurisdiction_id = ${jurisdictionId} AND path && ${sql.param([...rootIds])}::text[]`);
  return rows.map((r) => r.id);
}

/** When an appeal counts as 疑难 (the jurisdiction's settings). */
export interface ProblemRule { redo: number; unitsWithoutLead: number }

export interface AppealListFilter {
  status?: string[] | undefined;
  unitId?: string | undefined;
  categoryId?: string | undefined;
  areaCode?: string | undefined;
  channel?: string | undefined;
  kind?: string | undefined;
  track?: string | undefined;
  /** Registered at or after / before these instants. */
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  overdue?: boolean | undefined;
  /** 黄灯: a running clock the deadline sweep has marked yellow (its share of the time used) that is not yet due. */
  dueSoon?: boolean | undefined;
  /** A request waiting for a decision (延期申请). */
  pending?: 'extension' | undefined;
  /** 疑难工单 by these thresholds (DOMAIN.md §2), or escalated (提级). */
  problem?: ProblemRule | undefined;
  text?: string | undefined;
  /** The caller's keyed phone hash: every appeal whose citizen gave that number. */
  /** A caller's phone hash, or its hashes under every configured key (while a key rotation is under way). */
  phoneHash?: string | string[] | undefined;
  cursor?: { createdAt: Date; id: string } | undefined;
  limit: number;
  now: Date;
}

export const textArray = (ids: readonly string[]) => sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::text[]`;

/**
 * The read scope as a condition on the appeals table under `alias`: owned by or ever assigned to a unit of the scope,
 * and never accusing one of the user's units. Lists, reports and text features share it, so counts match lists.
 */
export function appealScopeCondition(scope: AppealScope, alias = 'a'): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [];
  if (scope.unitIds !== null) {
    if (!scope.unitIds.length) return sql`FALSE`;
    // The jurisdiction as a constant, not `${a}.jurisdiction_id`: PostgreSQL turns the EXISTS into one hashed sub-plan,
    // which can then read appeal_assignments_unit_idx (jurisdiction_id, unit_id) instead of the whole table (a unit
    // inbox at 22,000 appeals: 13.6 ms → 1.7 ms).
    parts.push(sql`(${a}.owner_unit_id = ANY(${textArray(scope.unitIds)}) OR EXISTS (SELECT 1 FROM appeal_assignments x
      WHERE x.jurisdiction_id = ${scope.jurisdictionId} AND x.appeal_id = ${a}.id AND x.unit_id = ANY(${textArray(scope.unitIds)})))`);
  }
  if (scope.ancestorIds.length) parts.push(sql`(${a}.accused_unit_id IS NULL OR NOT (${a}.accused_unit_id = ANY(${textArray(scope.ancestorIds)})))`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

/**
 * Not closed, referred, rejected or merged, on `appeals a`, as constants: the list of appeals_open_idx's predicate
 * (PostgreSQL uses a partial index only when it can prove the query's condition implies it, which parameters prevent)
 * and of migration 0023's 'open' count, which the rollup rebuild recounts with this.
 */
export const OPEN_APPEAL = sql.raw(`a.status NOT IN (${TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/**
 * A running, unpaused clock `c` without the sweep's overdue mark: appeal_clocks_unswept_idx's predicate, written out
 * for PostgreSQL to use the index. Past due, such clocks are the live part of 超期 (the rest is on the appeals).
 */
export const UNSWEPT_CLOCK = sql.raw('c.stopped_at IS NULL AND c.paused_at IS NULL AND c.overdue_notified_at IS NULL');

/**
 * 超期 now: some running, unpaused clock of the appeal is past due. The sweep's marks are on the appeal
 * (overdue_marked, in appeals_open_idx with the rest of a count); only an appeal without one is looked up among its
 * clocks for one past due that no sweep has marked yet (a few minutes' worth).
 */
export function overdueNow(now: Date, alias = 'a'): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.overdue_marked OR EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = ${a}.jurisdiction_id AND c.appeal_id = ${a}.id
      AND ${UNSWEPT_CLOCK} AND c.due_at < ${now}))`;
}

/** 疑难: redone, escalated, or passed between units without one taking the lead (the thresholds are settings). */
export function problemAppeal(problem: ProblemRule, alias = 'a'): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.redo_count >= ${problem.redo} OR ${a}.escalated
      OR (${a}.units_passed >= ${problem.unitsWithoutLead} AND (${a}.lead_unit_id IS NULL OR ${a}.status = 'return_requested')))`;
}

/**
 * The read scope as appealScopeCondition has it, for the dashboards: a unit reader's appeals are also named as a set
 * first — those its units own, and those ever sent to them — so PostgreSQL reads those few by key instead of testing
 * the scope on every appeal of the period (a street at 10 million appeals' monthly density: ~4,000 appeals, not
 * 280,000); the scope's own condition still decides, so the set only narrows what is read, never what is counted.
 */
export function appealScopeByUnits(scope: AppealScope, alias = 'a'): SQL {
  const condition = appealScopeCondition(scope, alias);
  if (scope.unitIds === null || !scope.unitIds.length) return condition;
  const units = textArray(scope.unitIds);
  return sql`${sql.raw(alias)}.id IN (SELECT o.id FROM appeals o WHERE o.jurisdiction_id = ${scope.jurisdictionId} AND o.owner_unit_id = ANY(${units})
      UNION ALL SELECT y.appeal_id FROM appeal_assignments y WHERE y.jurisdiction_id = ${scope.jurisdictionId} AND y.unit_id = ANY(${units}))
    AND ${condition}`;
}

/** Newest first, keyset-paginated on (created_at, id); scope and filters are applied in SQL. */
export async function listAppeals(db: Executor, jurisdictionId: string, scope: AppealScope, f: AppealListFilter) {
  return db.select().from(appeals).where(and(...appealListConditions(jurisdictionId, scope, f))).orderBy(desc(appeals.createdAt), desc(appeals.id)).limit(f.limit);
}

/** How many appeals the same filter matches, by lead unit (null: not dispatched) — the supervision board's counts. */
export async function countAppealsByLeadUnit(db: Executor, jurisdictionId: string, scope: AppealScope, f: Omit<AppealListFilter, 'limit' | 'cursor'>) {
  const rows = await db.select({ unitId: appeals.leadUnitId, n: sql<string>`count(*)` }).from(appeals)
    .where(and(...appealListConditions(jurisdictionId, scope, { ...f, limit: 0 }))).groupBy(appeals.leadUnitId);
  return rows.map((r) => ({ unitId: r.unitId, count: Number(r.n) }));
}

/** The WHERE of the appeal list: tenant, read scope and every filter (the list, its counts and its export agree). */
export function appealListConditions(jurisdictionId: string, scope: AppealScope, f: AppealListFilter): SQL[] {
  const where: SQL[] = [eq(appeals.jurisdictionId, jurisdictionId)];
  where.push(appealScopeCondition(scope, 'appeals'));
  if (f.status?.length) where.push(sql`${appeals.status} = ANY(${textArray(f.status)})`);
  if (f.unitId) {
    where.push(sql`EXISTS (SELECT 1 FROM appeal_assignments y WHERE y.jurisdiction_id = ${jurisdictionId}
      AND y.appeal_id = ${appeals.id} AND y.unit_id = ${f.unitId} AND y.active)`);
  }
  if (f.categoryId) where.push(eq(appeals.categoryId, f.categoryId));
  if (f.areaCode) where.push(sql`${appeals.areaCode} LIKE ${`${f.areaCode}%`}`);
  if (f.channel) where.push(eq(appeals.channel, f.channel));
  if (f.kind) where.push(eq(appeals.kind, f.kind));
  if (f.track) where.push(eq(appeals.track, f.track));
  if (f.createdFrom) where.push(sql`${appeals.createdAt} >= ${f.createdFrom}`);
  if (f.createdTo) where.push(sql`${appeals.createdAt} < ${f.createdTo}`);
  if (f.phoneHash?.length) {
    const hashes = sql.join((Array.isArray(f.phoneHash) ? f.phoneHash : [f.phoneHash]).map((h) => sql`${h}`), sql`, `);
    where.push(sql`${appeals.citizenId} IN (SELECT id FROM citizens WHERE jurisdiction_id = ${appeals.jurisdictionId} AND phone_hash IN (${hashes}))`);
  }
  if (f.overdue !== undefined) {
    const overdue = overdueNow(f.now, 'appeals');
    where.push(f.overdue ? overdue : sql`NOT ${overdue}`);
  }
  if (f.dueSoon) {
    where.push(sql`EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = ${appeals.jurisdictionId} AND c.appeal_id = ${appeals.id}
      AND c.stopped_at IS NULL AND c.paused_at IS NULL AND c.yellow_notified_at IS NOT NULL AND c.due_at >= ${f.now})`);
  }
  if (f.pending) where.push(sql`${appeals.pending}->>'type' = ${f.pending}`);
  if (f.problem) where.push(problemAppeal(f.problem, 'appeals'));
  if (f.text) where.push(textCondition(jurisdictionId, f.text));
  if (f.cursor) where.push(sql`(${appeals.createdAt}, ${appeals.id}) < (${f.cursor.createdAt}, ${f.cursor.id})`);
  return where;
}

/**
 * Title or content holds the text (any case, % and _ literal), or it is the appeal's number. Two characters or more
 * read the GIN index of appeal_search_grams (each appeal's lower-cased two-character pieces) instead of every appeal.
 */
function textCondition(jurisdictionId: string, text: string): SQL {
  const exact = textMatch(text);
  const length = [...text].length;
  if (length < 2) return exact;
  const holding = sql`SELECT appeal_id FROM appeal_search_grams WHERE jurisdiction_id = ${jurisdictionId} AND grams @> minsheng_search_grams(${text}::text)`;
  if (length === 2 && !text.includes('\n')) {
    // One piece, and holding it is the match (pieces are lower-cased as ILIKE compares; a number is never two
    // characters), so no ILIKE. OFFSET 0 keeps the sub-query whole: the GIN index is read once, whatever the
    // statistics say — flattened into a join, a table not yet analysed after a bulk load had PostgreSQL probe the
    // pieces of every appeal instead (measured: 27 ms instead of 1 ms a page).
    return sql`${appeals.id} IN (${holding} OFFSET 0)`;
  }
  // Longer: the appeals holding every piece (and the one with that number) are the candidates ILIKE checks; the
  // UNION ALL keeps the sub-query whole like OFFSET 0 above.
  return sql`${appeals.id} IN (${holding} UNION ALL SELECT id FROM appeals n WHERE n.jurisdiction_id = ${jurisdictionId} AND n.number = ${text})
    AND ${exact}`;
}

/** Title or content holds the text (any case, % and _ literal), or it is the appeal's number: tested row by row. */
export function textMatch(text: string): SQL {
  const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql`(${appeals.title} ILIKE ${like} OR ${appeals.content} ILIKE ${like} OR ${appeals.number} = ${text})`;
}

/** Running clocks for many appeals at once (list pages show lights without N+1 queries). */
export async function clocksForAppeals(db: Executor, jurisdictionId: string, appealIds: readonly string[]) {
  if (!appealIds.length) return [];
  return db.select().from(appealClocks)
    .where(and(eq(appealClocks.jurisdictionId, jurisdictionId), sql`${appealClocks.appealId} = ANY(${textArray(appealIds)})`));
}
