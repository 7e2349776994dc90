import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { newId } from '../ids';
import { notifications } from '../schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = Omit<typeof notifications.$inferInsert, 'id' | 'jurisdictionId'>;
export type NotificationStatus = 'queued' | 'sent' | 'failed';

/** Queue notifications in the caller's transaction: they exist exactly when the event that caused them does. */
export async function insertNotifications(tx: Executor, jurisdictionId: string, rows: readonly NotificationInsert[], now: Date): Promise<void> {
  if (!rows.length) return;
  await tx.insert(notifications).values(rows.map((r) => ({ ...r, jurisdictionId, id: newId(now.getTime()), nextAttemptAt: now, createdAt: now })));
}

/**
 * Claim up to `limit` due notifications for sending. The row stays 'queued' but its next attempt moves to
 * `leaseUntil` and `attempts` counts this try, in one statement with FOR UPDATE SKIP LOCKED: a second worker neither
 * waits for nor sees a claimed row until the lease runs out (which only happens if this worker dies mid-send).
 * Holding a transaction open across the network call instead would pin a connection (PGlite has only one).
 */
export async function claimDueNotifications(db: Executor, jurisdictionId: string, now: Date, leaseUntil: Date, limit: number): Promise<NotificationRow[]> {
  return db.update(notifications)
    .set({ attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: leaseUntil })
    .where(and(eq(notifications.jurisdictionId, jurisdictionId), sql`${notifications.id} IN (
      SELECT id FROM notifications WHERE jurisdiction_id = ${jurisdictionId} AND status = 'queued' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)`))
    .returning();
}

/** Whether anything in the outbox is due: the worker schedules a delivery run only then. */
export async function hasDueNotifications(db: Executor, jurisdictionId: string, now: Date): Promise<boolean> {
  const rows = await db.select({ id: notifications.id }).from(notifications)
    .where(and(eq(notifications.jurisdictionId, jurisdictionId), eq(notifications.status, 'queued'), lte(notifications.nextAttemptAt, now))).limit(1);
  return rows.length > 0;
}

/** The claim a worker holds: the row is still queued and nobody re-claimed it since (attempts unchanged). */
function heldClaim(claim: Pick<NotificationRow, 'jurisdictionId' | 'id' | 'attempts'>) {
  return and(eq(notifications.jurisdictionId, claim.jurisdictionId), eq(notifications.id, claim.id),
    eq(notifications.status, 'queued'), eq(notifications.attempts, claim.attempts));
}

/** Record a delivered notification; false when the claim was lost (lease ran out and another worker took it). */
export async function markNotificationSent(db: Executor, claim: Pick<NotificationRow, 'jurisdictionId' | 'id' | 'attempts'>, now: Date): Promise<boolean> {
  const rows = await db.update(notifications).set({ status: 'sent', sentAt: now, lastError: null })
    .where(heldClaim(claim)).returning({ id: notifications.id });
  return rows.length === 1;
}

/** Record a failed attempt: back to the queue at `retryAt`, or 'failed' for good when `retryAt` is null. */
export async function markNotificationAttemptFailed(db: Executor, claim: Pick<NotificationRow, 'jurisdictionId' | 'id' | 'attempts'>, error: string, retryAt: Date | null, now: Date): Promise<void> {
  await db.update(notifications)
    .set({ status: retryAt ? 'queued' : 'failed', lastError: error.slice(0, 500), nextAttemptAt: retryAt ?? now })
    .where(heldClaim(claim));
}

export interface NotificationFilter { status?: NotificationStatus | undefined; appealId?: string | undefined; limit: number }

/** Notifications of a jurisdiction, newest first, for the admin console. */
export async function listNotifications(db: Executor, jurisdictionId: string, f: NotificationFilter): Promise<NotificationRow[]> {
  return db.select().from(notifications).where(and(
    eq(notifications.jurisdictionId, jurisdictionId),
    f.status ? eq(notifications.status, f.status) : undefined,
    f.appealId ? eq(notifications.appealId, f.appealId) : undefined,
  )).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(f.limit);
}

export async function findNotification(db: Executor, jurisdictionId: string, id: string): Promise<NotificationRow | null> {
  const rows = await db.select().from(notifications).where(and(eq(notifications.jurisdictionId, jurisdictionId), eq(notifications.id, id))).limit(1);
  return rows[0] ?? null;
}

/** Put a failed notification back in the queue with a fresh attempt budget; null when it is not (or no longer) failed. */
export async function requeueFailedNotification(db: Executor, jurisdictionId: string, id: string, now: Date): Promise<NotificationRow | null> {
  const rows = await db.update(notifications).set({ status: 'queued', attempts: 0, nextAttemptAt: now })
    .where(and(eq(notifications.jurisdictionId, jurisdictionId), eq(notifications.id, id), eq(notifications.status, 'failed')))
    .returning();
  return rows[0] ?? null;
}

/**
 * Mark every queued message as delivered without sending it: the demo's made-up history was "sent" when it
 * happened, and must not reach the log or a gateway when a demo instance starts.
 */
export async function settleQueuedNotifications(db: Executor, jurisdictionId: string, at: Date): Promise<number> {
  const rows = await db.update(notifications).set({ status: 'sent', sentAt: at })
    .where(and(eq(notifications.jurisdictionId, jurisdictionId), eq(notifications.status, 'queued')))
    .returning({ id: notifications.id });
  return rows.length;
}
