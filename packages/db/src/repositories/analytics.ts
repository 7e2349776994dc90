import { sql } from 'drizzle-orm';
import { resolveSettings } from '@minsheng/domain';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { foldCountDeltas, rebuildDailyCounts, rollupOffset } from './analytics-counts';
import { addToIndicatorSumsSql, resumIndicatorDays } from './indicator-days';
import { materialMembersSql } from './indicator-members-sql';

const MEMBER_COLUMNS = 'appeal_id, indicator, ord, unit_id, at, numerator, satisfaction, pending, track, kind, channel, category_id, area_code, accused_unit_id';

/**
 * Run `fn` in a transaction holding the jurisdiction's fold lock, so folds and rebuilds never interleave (two folds
 * of one appeal would each delete what the other had not written yet). `wait: false` gives up at once: another
 * worker is folding, and what it leaves is picked up next round.
 */
async function withFoldLock<T>(db: Executor, jurisdictionId: string, wait: boolean, fn: (tx: Executor) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const key = sql`hashtext(${`minsheng_analytics:${jurisdictionId}`})`;
    if (wait) await tx.execute(sql`SELECT pg_advisory_xact_lock(${key})`);
    else {
      const [row] = await queryRows<{ ok: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${key}) AS ok`);
      if (!row?.ok) return null;
    }
    return fn(tx);
  });
}

/**
 * Recompute the members of up to `limit` dirty appeals (the oldest marks first) and clear the marks seen. A mark
 * written while this runs stays, so its appeal is recomputed again: never one missed. The day sums follow in the
 * same transaction: the old members taken out, the new ones added, at the offset the daily counts use (recorded
 * before any member is written: by the count fold or the rebuild); `days: false` leaves them to the rebuild's end.
 */
async function foldDirtyAppeals(tx: Executor, jurisdictionId: string, limit: number, o: { days: boolean } = { days: true }): Promise<number> {
  const j = jurisdictionId;
  const offset = await rollupOffset(tx, j);
  if (offset === null) throw new Error(`analytics of ${j}: no rollup offset recorded before folding members`);
  const claimed = await queryRows<{ appeal_id: string }>(tx, sql`
    DELETE FROM analytics_dirty_appeals WHERE jurisdiction_id = ${j} AND id IN (
      SELECT id FROM analytics_dirty_appeals WHERE jurisdiction_id = ${j} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING appeal_id`);
  if (!claimed.length) return 0;
  const ids = [...new Set(claimed.map((r) => r.appeal_id))];
  const set = sql`SELECT unnest(ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[])`;
  const gone = sql`DELETE FROM analytics_indicator_members WHERE jurisdiction_id = ${j} AND appeal_id IN (${set})`;
  const added = sql`INSERT INTO analytics_indicator_members (jurisdiction_id, ${sql.raw(MEMBER_COLUMNS)})
    SELECT ${j}, ${sql.raw(MEMBER_COLUMNS)} FROM ${materialMembersSql(j, set)} f`;
  if (!o.days) {
    await tx.execute(gone);
    await tx.execute(added);
    return ids.length;
  }
  await tx.execute(addToIndicatorSumsSql(j, offset, { with: sql`gone AS (${gone} RETURNING *)`, from: sql`gone` }, -1));
  await tx.execute(addToIndicatorSumsSql(j, offset, { with: sql`added AS (${added} RETURNING *)`, from: sql`added` }, 1));
  return ids.length;
}

export interface FoldResult { appeals: number; deltas: number }

/**
 * The analytics job: fold pending count deltas and recompute dirty appeals, batch by batch, until none are left
 * or `maxBatches` ran. Readers are exact either way; folding only keeps their inline share small.
 */
export async function foldAnalytics(db: Executor, jurisdictionId: string, offsetMinutes: number, o: { batch?: number; maxBatches?: number; wait?: boolean } = {}): Promise<FoldResult> {
  const batch = o.batch ?? 2_000;
  const total: FoldResult = { appeals: 0, deltas: 0 };
  for (let i = 0; i < (o.maxBatches ?? 50); i++) {
    const r = await withFoldLock(db, jurisdictionId, o.wait ?? false, async (tx) => ({
      deltas: await foldCountDeltas(tx, jurisdictionId, offsetMinutes, batch * 5),
      appeals: await foldDirtyAppeals(tx, jurisdictionId, batch),
    }));
    if (!r) break;
    total.appeals += r.appeals;
    total.deltas += r.deltas;
    if (!r.appeals && !r.deltas) break;
  }
  return total;
}

/**
 * Full backfill (after a bulk load, a calendar change, or to repair): the daily counts recounted from the appeals,
 * and every appeal's members recomputed. Exact throughout: appeals are marked dirty first, so readers recompute
 * those not yet folded. Returns the rows written.
 */
export async function rebuildAnalyticsRollups(db: Executor, jurisdictionId: string, o: { batch?: number; onProgress?: (appeals: number) => void } = {}): Promise<{ rows: number }> {
  const j = jurisdictionId;
  const [settings] = await queryRows<{ settings: unknown }>(db, sql`SELECT settings FROM jurisdictions WHERE id = ${j}`);
  const offset = resolveSettings(settings?.settings).utcOffsetMinutes;
  const counts = await withFoldLock(db, j, true, async (tx) => {
    const n = await rebuildDailyCounts(tx, j, offset);
    await tx.execute(sql`DELETE FROM analytics_indicator_members WHERE jurisdiction_id = ${j}`);
    // The day sums are summed afresh at the end, in one aggregate; until then readers read the members.
    await tx.execute(sql`DELETE FROM analytics_indicator_days WHERE jurisdiction_id = ${j}`);
    await tx.execute(sql`DELETE FROM analytics_indicator_months WHERE jurisdiction_id = ${j}`);
    await tx.execute(sql`UPDATE analytics_rollup_state SET indicator_days_ready = false WHERE jurisdiction_id = ${j}`);
    // One statement, one snapshot: the marks it drops are for appeals it marks again.
    await tx.execute(sql`WITH dropped AS (DELETE FROM analytics_dirty_appeals WHERE jurisdiction_id = ${j} RETURNING 1)
      INSERT INTO analytics_dirty_appeals (jurisdiction_id, appeal_id) SELECT ${j}, id FROM appeals WHERE jurisdiction_id = ${j} ORDER BY created_at, id`);
    return n;
  });
  let appeals = 0;
  for (;;) {
    const n = await withFoldLock(db, j, true, (tx) => foldDirtyAppeals(tx, j, o.batch ?? 5_000, { days: false }));
    if (!n) break;
    appeals += n;
    o.onProgress?.(appeals);
  }
  // Folds that ran meanwhile kept their own day sums; summed afresh here, all of them are the members'.
  await withFoldLock(db, j, true, (tx) => resumIndicatorDays(tx, j, offset));
  // Every appeal's mark was written and deleted: without a vacuum, readers' anti-joins walk the dead index entries
  // until autovacuum gets there. Not possible inside a caller's transaction, where it is left to autovacuum.
  await db.execute(sql`VACUUM (ANALYZE) analytics_dirty_appeals, analytics_count_deltas, analytics_indicator_members, analytics_indicator_days, analytics_indicator_months, analytics_daily_counts`).catch(() => undefined);
  const [members] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM analytics_indicator_members WHERE jurisdiction_id = ${j}`);
  return { rows: (counts ?? 0) + (members?.n ?? 0) };
}
