import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { newId } from '../ids';
import { queryRows } from '../raw';
import { jobs } from '../schema';

export type JobRow = typeof jobs.$inferSelect;

export interface EnqueueJob { jurisdictionId: string; kind: string; payload?: unknown; runAt?: Date; dedupeKey?: string; maxAttempts?: number }

/** Queue a job; with a `dedupeKey` a second enqueue of the same scheduled run is a no-op (returns false). */
export async function enqueueJob(db: Executor, job: EnqueueJob): Promise<boolean> {
  const rows = await db.insert(jobs).values({
    jurisdictionId: job.jurisdictionId, id: newId(), kind: job.kind, payload: job.payload ?? {}, runAt: job.runAt ?? new Date(),
    dedupeKey: job.dedupeKey ?? null, maxAttempts: job.maxAttempts ?? 5,
  }).onConflictDoNothing().returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * Claim up to `limit` due jobs for this worker. FOR UPDATE SKIP LOCKED lets any number of processes claim
 * from the same table without ever handing one job to two of them.
 */
export async function claimJobs(db: Executor, workerId: string, limit: number, now: Date): Promise<JobRow[]> {
  const rows = await queryRows(db, sql`
    UPDATE jobs SET status = 'running', locked_by = ${workerId}, locked_at = ${now}, attempts = attempts + 1
    WHERE (jurisdiction_id, id) IN (
      SELECT jurisdiction_id, id FROM jobs WHERE status = 'queued' AND run_at <= ${now} AND attempts < max_attempts
      ORDER BY run_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING jurisdiction_id, id, kind, payload, attempts, max_attempts`);
  return rows.map((r) => ({
    jurisdictionId: r.jurisdiction_id as string, id: r.id as string, kind: r.kind as string, payload: r.payload,
    attempts: Number(r.attempts), maxAttempts: Number(r.max_attempts),
  })) as JobRow[];
}

/** Finish a job; `now` is the application's clock, the same one purgeFinishedJobs compares against. */
export async function completeJob(db: Executor, job: Pick<JobRow, 'jurisdictionId' | 'id'>, now: Date): Promise<void> {
  await db.update(jobs).set({ status: 'done', finishedAt: now, lockedBy: null })
    .where(and(eq(jobs.jurisdictionId, job.jurisdictionId), eq(jobs.id, job.id)));
}

/** A failed attempt goes back to the queue with exponential back-off until max_attempts, then stays failed. */
export async function failJob(db: Executor, job: Pick<JobRow, 'jurisdictionId' | 'id' | 'attempts' | 'maxAttempts'>, error: string, now: Date): Promise<void> {
  const final = job.attempts >= job.maxAttempts;
  await db.update(jobs).set({
    status: final ? 'failed' : 'queued', lastError: error.slice(0, 2000), lockedBy: null,
    runAt: final ? undefined : new Date(now.getTime() + 2 ** job.attempts * 1000), finishedAt: final ? now : null,
  }).where(and(eq(jobs.jurisdictionId, job.jurisdictionId), eq(jobs.id, job.id)));
}

/**
 * Jobs left 'running' by a process that died are put back after `staleAfterMs`; one that has used all its attempts
 * (it may be what kills the process) is marked failed instead of being retried forever.
 */
export async function requeueStaleJobs(db: Executor, now: Date, staleAfterMs: number): Promise<number> {
  const rows = await db.update(jobs)
    .set({ status: sql`CASE WHEN ${jobs.attempts} >= ${jobs.maxAttempts} THEN 'failed' ELSE 'queued' END`, lockedBy: null, lastError: sql`CASE WHEN ${jobs.attempts} >= ${jobs.maxAttempts} THEN 'abandoned by a worker that stopped' ELSE ${jobs.lastError} END` })
    .where(and(eq(jobs.status, 'running'), sql`${jobs.lockedAt} < ${new Date(now.getTime() - staleAfterMs)}`))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Delete done jobs finished before `before` (failed ones stay for inspection). */
export async function purgeFinishedJobs(db: Executor, before: Date): Promise<void> {
  await db.delete(jobs).where(and(eq(jobs.status, 'done'), sql`${jobs.finishedAt} < ${before}`));
}
