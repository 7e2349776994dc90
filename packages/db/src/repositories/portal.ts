import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { boardPosts, humanCheckUses, monthlyBulletins, receptionSchedules, units } from '../schema';

export type BoardPostRow = typeof boardPosts.$inferSelect;
export type ReceptionScheduleRow = typeof receptionSchedules.$inferSelect;

// ---------------------------------------------------------------- abuse controls

/**
 * Count one hit in each of several fixed windows (distinct buckets) in one atomic upsert, shared by every process;
 * the windows' totals in the order given.
 */
export async function hitRateLimits(db: Executor, jurisdictionId: string, hits: readonly { bucket: string; windowStart: Date }[]): Promise<number[]> {
  const rows = await queryRows<{ bucket: string; hits: number }>(db, sql`
    INSERT INTO rate_limits (jurisdiction_id, bucket, window_start, hits)
    VALUES ${sql.join(hits.map((h) => sql`(${jurisdictionId}, ${h.bucket}, ${h.windowStart}, 1)`), sql`, `)}
    ON CONFLICT (jurisdiction_id, bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
    RETURNING bucket, hits`);
  const byBucket = new Map(rows.map((r) => [r.bucket, Number(r.hits)]));
  return hits.map((h) => byBucket.get(h.bucket)!);
}

/** Windows that ended long ago only take space. */
export async function purgeRateLimits(db: Executor, before: Date): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${before}`);
}

/** Spend a human check's nonce; false when it was spent already (a replay). */
export async function spendHumanCheck(db: Executor, jurisdictionId: string, nonce: string, at: Date): Promise<boolean> {
  const rows = await db.insert(humanCheckUses).values({ jurisdictionId, nonce, usedAt: at }).onConflictDoNothing().returning({ nonce: humanCheckUses.nonce });
  return rows.length === 1;
}

/** Give a nonce back when the submission it guarded failed after it was spent (the citizen may try again). */
export async function refundHumanCheck(db: Executor, jurisdictionId: string, nonce: string): Promise<void> {
  await db.delete(humanCheckUses).where(and(eq(humanCheckUses.jurisdictionId, jurisdictionId), eq(humanCheckUses.nonce, nonce)));
}

// ---------------------------------------------------------------- reference data for the public

export interface PublicArea { code: string; name: string; path: string }

/**
 * Areas of the jurisdiction whose name contains `q`, shallowest first, each with its path from the county down
 * ('兖州区 / 鼓楼街道'). Without `q`: the level right under the jurisdiction's own area.
 */
export async function searchPublicAreas(db: Executor, jurisdictionId: string, q: string, limit: number): Promise<PublicArea[]> {
  const match = q ? sql`strpos(a.name, ${q}) > 0 OR strpos(a.short_name, ${q}) > 0` : sql`a.parent_code = ${jurisdictionId}`;
  return queryRows<PublicArea>(db, sql`
    WITH RECURSIVE hit AS (
      SELECT a.code, a.name, length(a.code) AS depth FROM areas a
       WHERE a.jurisdiction_id = ${jurisdictionId} AND a.code LIKE ${`${jurisdictionId}%`} AND a.code <> ${jurisdictionId} AND (${match})
       ORDER BY length(a.code), a.code LIMIT ${limit}),
    up(code, ancestor, name, n) AS (
      SELECT h.code, a.code, a.short_name, 0 FROM hit h JOIN areas a ON a.jurisdiction_id = ${jurisdictionId} AND a.code = h.code
      UNION ALL
      SELECT up.code, p.code, p.short_name, up.n + 1 FROM up
        JOIN areas c ON c.jurisdiction_id = ${jurisdictionId} AND c.code = up.ancestor
        JOIN areas p ON p.jurisdiction_id = ${jurisdictionId} AND p.code = c.parent_code
       WHERE up.ancestor <> ${jurisdictionId} AND up.n < 6)
    SELECT h.code, h.name, (SELECT string_agg(u.name, ' / ' ORDER BY u.n DESC) FROM up u WHERE u.code = h.code) AS path
      FROM hit h ORDER BY h.depth, h.code`);
}

/** id → name of units, categories and areas, for public views (names are public; people are not). */
export async function publicNames(db: Executor, jurisdictionId: string) {
  const rows = await queryRows<{ t: string; id: string; name: string }>(db, sql`
    SELECT 'u' AS t, id, short_name AS name FROM units WHERE jurisdiction_id = ${jurisdictionId}
    UNION ALL SELECT 'c', id, name FROM categories WHERE jurisdiction_id = ${jurisdictionId}`);
  const unitNames = new Map<string, string>();
  const categoryNames = new Map<string, string>();
  for (const r of rows) (r.t === 'u' ? unitNames : categoryNames).set(r.id, r.name);
  return { unitNames, categoryNames };
}

/** Names of the given area codes. */
export async function areaNames(db: Executor, jurisdictionId: string, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await queryRows<{ code: string; name: string }>(db, sql`
    SELECT code, name FROM areas WHERE jurisdiction_id = ${jurisdictionId} AND code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Active units for the public directory, in tree order. */
export async function listDirectoryUnits(db: Executor, jurisdictionId: string) {
  return db.select({ id: units.id, name: units.name, kind: units.kind, phone: units.phone, address: units.address, receptionHours: units.receptionHours })
    .from(units).where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.active, true))).orderBy(asc(sql`array_length(${units.path}, 1)`), asc(units.name));
}

// ---------------------------------------------------------------- reception schedules (领导接访 / 热线)

/** Active schedules that have not ended, soonest first. */
export async function listUpcomingSchedules(db: Executor, jurisdictionId: string, now: Date, limit = 100): Promise<ReceptionScheduleRow[]> {
  return db.select().from(receptionSchedules)
    .where(and(eq(receptionSchedules.jurisdictionId, jurisdictionId), eq(receptionSchedules.active, true), gte(receptionSchedules.endsAt, now)))
    .orderBy(asc(receptionSchedules.startsAt)).limit(limit);
}

/** Every schedule, newest start first (the admin list). */
export async function listAllSchedules(db: Executor, jurisdictionId: string): Promise<ReceptionScheduleRow[]> {
  return db.select().from(receptionSchedules).where(eq(receptionSchedules.jurisdictionId, jurisdictionId)).orderBy(sql`${receptionSchedules.startsAt} DESC`).limit(500);
}

export async function findSchedule(db: Executor, jurisdictionId: string, id: string): Promise<ReceptionScheduleRow | null> {
  const [row] = await db.select().from(receptionSchedules).where(and(eq(receptionSchedules.jurisdictionId, jurisdictionId), eq(receptionSchedules.id, id)));
  return row ?? null;
}

export async function insertSchedule(db: Executor, row: typeof receptionSchedules.$inferInsert): Promise<void> {
  await db.insert(receptionSchedules).values(row);
}

export type ScheduleChanges = Partial<Pick<ReceptionScheduleRow, 'kind' | 'unitId' | 'leaderName' | 'leaderTitle' | 'startsAt' | 'endsAt' | 'place' | 'topic' | 'active'>>;
export async function updateSchedule(db: Executor, jurisdictionId: string, id: string, changes: ScheduleChanges): Promise<void> {
  await db.update(receptionSchedules).set(changes).where(and(eq(receptionSchedules.jurisdictionId, jurisdictionId), eq(receptionSchedules.id, id)));
}

// ---------------------------------------------------------------- board (留言板)

/** A closed appeal that may go on the board, with the texts to redact. */
export interface BoardCandidate {
  appealId: string; title: string; content: string; reply: string; categoryId: string | null; areaCode: string | null;
  unitId: string; askedAt: Date; repliedAt: Date;
  /** The citizen's own identity as stored (encrypted), so the draft can remove it wherever it appears. */
  citizen: { nameEnc: string | null; phoneEnc: string | null; addressEnc: string | null; idNumberEnc: string | null } | null;
}

/**
 * Closed appeals whose citizen consented, that are not confidential, accuse no unit, are no 举报 and have a reply,
 * and have no board post yet: oldest closure first, at most `limit` (a bounded sweep).
 */
export async function listBoardCandidates(db: Executor, jurisdictionId: string, limit: number): Promise<BoardCandidate[]> {
  const rows = await queryRows<{ id: string; title: string; content: string; reply: string; category_id: string | null; area_code: string | null; unit_id: string; created_at: string | Date; replied_at: string | Date;
    citizen_id: string | null; name_enc: string | null; phone_enc: string | null; address_enc: string | null; id_number_enc: string | null }>(db, sql`
    SELECT a.id, a.title, a.content, coalesce(a.reply->>'text', a.outcome->>'answer') AS reply, a.category_id, a.area_code,
           coalesce(a.lead_unit_id, a.owner_unit_id) AS unit_id, a.created_at,
           coalesce((a.reply->>'at')::timestamptz, a.closed_at) AS replied_at,
           c.id AS citizen_id, c.name_enc, c.phone_enc, c.address_enc, c.id_number_enc
      FROM appeals a LEFT JOIN citizens c ON c.jurisdiction_id = a.jurisdiction_id AND c.id = a.citizen_id
     WHERE a.jurisdiction_id = ${jurisdictionId} AND a.status = 'closed' AND a.consent_publish AND NOT a.confidential
       AND a.accused_unit_id IS NULL AND a.kind <> 'report' AND coalesce(a.reply->>'text', a.outcome->>'answer') IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM board_posts b WHERE b.jurisdiction_id = a.jurisdiction_id AND b.appeal_id = a.id)
     ORDER BY a.closed_at, a.id LIMIT ${limit}`);
  return rows.map((r) => ({
    appealId: r.id, title: r.title, content: r.content, reply: r.reply, categoryId: r.category_id, areaCode: r.area_code, unitId: r.unit_id,
    askedAt: new Date(r.created_at), repliedAt: new Date(r.replied_at),
    citizen: r.citizen_id ? { nameEnc: r.name_enc, phoneEnc: r.phone_enc, addressEnc: r.address_enc, idNumberEnc: r.id_number_enc } : null,
  }));
}

/** A draft post; a second draft of the same appeal changes nothing (the primary key). */
export async function insertBoardPost(db: Executor, row: typeof boardPosts.$inferInsert): Promise<boolean> {
  const rows = await db.insert(boardPosts).values(row).onConflictDoNothing().returning({ id: boardPosts.appealId });
  return rows.length === 1;
}

export interface BoardPostView extends BoardPostRow { number: string }

export async function findBoardPost(db: Executor, jurisdictionId: string, appealId: string): Promise<BoardPostView | null> {
  const [row] = await db.select().from(boardPosts).where(and(eq(boardPosts.jurisdictionId, jurisdictionId), eq(boardPosts.appealId, appealId)));
  if (!row) return null;
  const [a] = await queryRows<{ number: string }>(db, sql`SELECT number FROM appeals WHERE jurisdiction_id = ${jurisdictionId} AND id = ${appealId}`);
  return { ...row, number: a?.number ?? '' };
}

/** Posts in one review state for staff, oldest first (pending) or newest reviewed first. */
export async function listBoardPostsByStatus(db: Executor, jurisdictionId: string, status: string, limit: number): Promise<BoardPostView[]> {
  const rows = await queryRows<{ appeal_id: string; number: string }>(db, sql`
    SELECT b.appeal_id, a.number FROM board_posts b JOIN appeals a ON a.jurisdiction_id = b.jurisdiction_id AND a.id = b.appeal_id
     WHERE b.jurisdiction_id = ${jurisdictionId} AND b.status = ${status}
     ORDER BY ${status === 'pending' ? sql`b.created_at, b.appeal_id` : sql`b.reviewed_at DESC NULLS LAST, b.appeal_id`} LIMIT ${limit}`);
  if (!rows.length) return [];
  const posts = await db.select().from(boardPosts).where(and(eq(boardPosts.jurisdictionId, jurisdictionId), sql`${boardPosts.appealId} IN (${sql.join(rows.map((r) => sql`${r.appeal_id}`), sql`, `)})`));
  const byId = new Map(posts.map((p) => [p.appealId, p]));
  return rows.flatMap((r) => { const p = byId.get(r.appeal_id); return p ? [{ ...p, number: r.number }] : []; });
}

export interface BoardReview {
  title: string; content: string; reply: string; status: 'approved' | 'rejected'; reviewedBy: string; reviewedAt: Date; reviewNote: string | null;
  publishedAt: Date | null;
}

/** Record a review if the post is still at `expectedVersion`; false when someone else reviewed it first. */
export async function reviewBoardPost(db: Executor, jurisdictionId: string, appealId: string, expectedVersion: number, review: BoardReview): Promise<boolean> {
  const rows = await db.update(boardPosts).set({ ...review, version: sql`${boardPosts.version} + 1` })
    .where(and(eq(boardPosts.jurisdictionId, jurisdictionId), eq(boardPosts.appealId, appealId), eq(boardPosts.version, expectedVersion)))
    .returning({ id: boardPosts.appealId });
  return rows.length === 1;
}

export interface PublicBoardFilter {
  q?: string | undefined; categoryId?: string | undefined; areaCode?: string | undefined; unitId?: string | undefined;
  /** Local month bounds of `asked_at`. */
  askedFrom?: Date | undefined; askedTo?: Date | undefined;
  after?: { publishedKey: string; appealId: string } | undefined;
  number?: string | undefined;
  limit: number;
}

export interface PublicBoardRow {
  appeal_id: string; number: string; title: string; content: string; reply: string; category_id: string | null; area_code: string | null;
  unit_id: string | null; asked_at: string | Date; replied_at: string | Date; published_key: string;
}

/** Approved posts only, newest publication first, keyset pages. */
export async function listPublicBoard(db: Executor, jurisdictionId: string, f: PublicBoardFilter): Promise<PublicBoardRow[]> {
  const where: SQL[] = [sql`b.jurisdiction_id = ${jurisdictionId}`, sql`b.status = 'approved'`];
  if (f.q) {
    const q = f.q.toLowerCase();
    where.push(sql`(strpos(lower(b.title), ${q}) > 0 OR strpos(lower(b.content), ${q}) > 0 OR strpos(lower(b.reply), ${q}) > 0)`);
  }
  if (f.categoryId) {
    where.push(sql`b.category_id IN (
      WITH RECURSIVE down(id, depth) AS (
        SELECT id, 0 FROM categories WHERE jurisdiction_id = ${jurisdictionId} AND id = ${f.categoryId}
        UNION ALL
        SELECT c.id, down.depth + 1 FROM categories c JOIN down ON c.jurisdiction_id = ${jurisdictionId} AND c.parent_id = down.id WHERE down.depth < 10)
      SELECT id FROM down)`);
  }
  // Area codes nest by prefix (GB/T 2260 + statistical codes): a street's code starts every one of its communities'.
  if (f.areaCode) where.push(sql`b.area_code LIKE ${`${f.areaCode}%`}`);
  if (f.unitId) where.push(sql`b.unit_id = ${f.unitId}`);
  if (f.askedFrom) where.push(sql`b.asked_at >= ${f.askedFrom}`);
  if (f.askedTo) where.push(sql`b.asked_at < ${f.askedTo}`);
  if (f.number) where.push(sql`a.number = ${f.number}`);
  if (f.after) {
    where.push(sql`(b.published_at < ${f.after.publishedKey}::timestamptz OR (b.published_at = ${f.after.publishedKey}::timestamptz AND b.appeal_id > ${f.after.appealId}))`);
  }
  return queryRows<PublicBoardRow>(db, sql`
    SELECT b.appeal_id, a.number, b.title, b.content, b.reply, b.category_id, b.area_code, b.unit_id, b.asked_at, b.replied_at,
           to_char(b.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS published_key
      FROM board_posts b JOIN appeals a ON a.jurisdiction_id = b.jurisdiction_id AND a.id = b.appeal_id
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY b.published_at DESC, b.appeal_id LIMIT ${f.limit}`);
}

// ---------------------------------------------------------------- monthly figures (每月通报)

/** One unit's figures for a period; rates are computed by the caller from these counts. */
export interface UnitPeriodFigures {
  unitId: string; received: number; replied: number; onTime: number; rated: number; satisfied: number;
  /** Appeals whose handling clock fell due in the period and is still running (overdue, unanswered). */
  overdueOpen: number;
  /** Σ weight(level) over the period's callbacks (DOMAIN.md §7 satisfaction rate numerator). */
  satisfactionPoints: number;
}

/**
 * Per responsible unit (the lead unit, or the receiving unit before dispatch) over [from, to):
 * received = appeals registered (merged followers excluded: their master counts);
 * replied = appeals whose reply was approved, answered directly or closure approved in the period;
 * onTime = of those, no handling clock ran past its due time before it stopped (or before the reply);
 * overdueOpen = appeals whose running handling clock fell due in the period (DOMAIN.md §7: the on-time rate's
 * denominator counts open overdue appeals too, so not answering cannot improve the rate);
 * rated = appeals with a callback in the period (the last one counts), satisfied = rated 基本满意 or better,
 * satisfactionPoints = the configured weights summed.
 */
export async function unitPeriodFigures(db: Executor, jurisdictionId: string, from: Date, to: Date, weights: Record<string, number>): Promise<UnitPeriodFigures[]> {
  const weightCases = sql.join(Object.entries(weights).map(([level, w]) => sql`WHEN ${level} THEN ${w}::float8`), sql` `);
  const rows = await queryRows<{ unit_id: string; received: number; replied: number; on_time: number; rated: number; satisfied: number; points: number | string; overdue_open: number }>(db, sql`
    WITH scope AS (
      SELECT a.id, coalesce(a.lead_unit_id, a.owner_unit_id) AS unit_id, a.created_at, a.status FROM appeals a WHERE a.jurisdiction_id = ${jurisdictionId}),
    received AS (
      SELECT unit_id, count(*)::int AS n FROM scope WHERE created_at >= ${from} AND created_at < ${to} AND status <> 'merged' GROUP BY 1),
    replies AS (
      SELECT s.unit_id, s.id, max(e.occurred_at) AS at FROM scope s
        JOIN appeal_events e ON e.jurisdiction_id = ${jurisdictionId} AND e.appeal_id = s.id
       WHERE e.action IN ('approve_reply', 'answer_directly', 'approve_closure') AND e.occurred_at >= ${from} AND e.occurred_at < ${to}
       GROUP BY 1, 2),
    replied AS (
      SELECT r.unit_id, count(*)::int AS n,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = ${jurisdictionId} AND c.appeal_id = r.id AND c.clock = 'handling'
                  AND c.started_at <= r.at AND c.due_at < coalesce(c.stopped_at, r.at)))::int AS on_time
        FROM replies r GROUP BY 1),
    overdue_open AS (
      SELECT s.unit_id, count(DISTINCT s.id)::int AS n FROM scope s
        JOIN appeal_clocks c ON c.jurisdiction_id = ${jurisdictionId} AND c.appeal_id = s.id AND c.clock = 'handling'
       WHERE c.stopped_at IS NULL AND c.paused_at IS NULL AND c.due_at >= ${from} AND c.due_at < ${to} AND s.status <> 'merged'
       GROUP BY 1),
    callbacks AS (
      SELECT DISTINCT ON (s.id) s.unit_id, s.id, e.payload->>'satisfaction' AS level FROM scope s
        JOIN appeal_events e ON e.jurisdiction_id = ${jurisdictionId} AND e.appeal_id = s.id
       WHERE e.action = 'callback' AND e.occurred_at >= ${from} AND e.occurred_at < ${to}
       ORDER BY s.id, e.seq DESC),
    rated AS (
      SELECT unit_id, count(*)::int AS n,
             count(*) FILTER (WHERE level IN ('very_satisfied', 'satisfied', 'basically_satisfied'))::int AS satisfied,
             coalesce(sum(CASE level ${weightCases} ELSE 0 END), 0) AS points
        FROM callbacks GROUP BY 1),
    units_seen AS (SELECT unit_id FROM received UNION SELECT unit_id FROM replied UNION SELECT unit_id FROM rated UNION SELECT unit_id FROM overdue_open)
    SELECT u.unit_id, coalesce(rc.n, 0) AS received, coalesce(rp.n, 0) AS replied, coalesce(rp.on_time, 0) AS on_time,
           coalesce(rt.n, 0) AS rated, coalesce(rt.satisfied, 0) AS satisfied, coalesce(rt.points, 0) AS points, coalesce(od.n, 0) AS overdue_open
      FROM units_seen u LEFT JOIN received rc USING (unit_id) LEFT JOIN replied rp USING (unit_id) LEFT JOIN rated rt USING (unit_id)
      LEFT JOIN overdue_open od USING (unit_id)
     ORDER BY u.unit_id`);
  return rows.map((r) => ({
    unitId: r.unit_id, received: Number(r.received), replied: Number(r.replied), onTime: Number(r.on_time), rated: Number(r.rated),
    satisfied: Number(r.satisfied), satisfactionPoints: Number(r.points), overdueOpen: Number(r.overdue_open),
  }));
}

/** Freeze one unit's month; an already published month stays as it was (the primary key). */
export async function insertMonthlyBulletin(db: Executor, row: typeof monthlyBulletins.$inferInsert): Promise<boolean> {
  const rows = await db.insert(monthlyBulletins).values(row).onConflictDoNothing().returning({ unitId: monthlyBulletins.unitId });
  return rows.length === 1;
}

/** Published months, newest first. */
export async function listBulletinMonths(db: Executor, jurisdictionId: string): Promise<string[]> {
  const rows = await queryRows<{ month: string }>(db, sql`SELECT DISTINCT month FROM monthly_bulletins WHERE jurisdiction_id = ${jurisdictionId} ORDER BY month DESC LIMIT 240`);
  return rows.map((r) => r.month);
}

export async function listBulletinRows(db: Executor, jurisdictionId: string, month: string) {
  return db.select().from(monthlyBulletins)
    .where(and(eq(monthlyBulletins.jurisdictionId, jurisdictionId), eq(monthlyBulletins.month, month))).orderBy(asc(monthlyBulletins.unitId));
}
