import { and, eq, sql } from 'drizzle-orm';
import type { ClockState } from '@minsheng/domain';
import type { Executor } from '../connection';
import { appealAssignments, appealClocks, appealEvents, appeals, idempotencyKeys } from '../schema';
import type { citizens } from '../schema';

export type AppealRow = typeof appeals.$inferSelect;
export type AppealInsert = typeof appeals.$inferInsert;
export type EventInsert = typeof appealEvents.$inferInsert;

export type CitizenRow = typeof citizens.$inferSelect;

export type AppealPatch = Partial<Omit<AppealInsert, 'jurisdictionId' | 'id' | 'version'>>;

/**
 * Write a decided transition if, and only if, the appeal is still at `expectedVersion`: of two people acting
 * at once exactly one wins; the loser gets false and nothing of theirs is written.
 */
export async function updateAppealGuarded(tx: Executor, key: { jurisdictionId: string; id: string }, expectedVersion: number, patch: AppealPatch): Promise<boolean> {
  const rows = await tx.update(appeals)
    .set({ updatedAt: sql`now()`, ...patch, version: sql`${appeals.version} + 1` })
    .where(and(eq(appeals.jurisdictionId, key.jurisdictionId), eq(appeals.id, key.id), eq(appeals.version, expectedVersion)))
    .returning({ id: appeals.id });
  return rows.length === 1;
}

export async function insertEvent(tx: Executor, event: EventInsert): Promise<void> {
  await tx.insert(appealEvents).values(event);
}

export async function saveClocks(tx: Executor, jurisdictionId: string, appealId: string, clocks: readonly ClockState[]): Promise<void> {
  for (const c of clocks) {
    const row = {
      jurisdictionId, appealId, clock: c.clock, amount: String(c.amount), unit: c.unit, startedAt: c.startedAt, dueAt: c.dueAt,
      stoppedAt: c.stoppedAt, pausedAt: c.pausedAt, pausedBudget: c.pausedBudget,
    };
    // A restarted clock is a new clock: its light notifications start over.
    await tx.insert(appealClocks).values(row).onConflictDoUpdate({
      target: [appealClocks.jurisdictionId, appealClocks.appealId, appealClocks.clock],
      set: {
        amount: row.amount, unit: row.unit, startedAt: row.startedAt, dueAt: row.dueAt, stoppedAt: row.stoppedAt, pausedAt: row.pausedAt, pausedBudget: row.pausedBudget,
        yellowNotifiedAt: sql`CASE WHEN ${appealClocks.startedAt} = excluded.started_at THEN ${appealClocks.yellowNotifiedAt} END`,
        overdueNotifiedAt: sql`CASE WHEN ${appealClocks.startedAt} = excluded.started_at AND ${appealClocks.dueAt} = excluded.due_at THEN ${appealClocks.overdueNotifiedAt} END`,
      },
    });
  }
}

/** Record who received the appeal; `endPrevious` retires earlier assignments (they stay for history and access). */
export async function saveAssignments(tx: Executor, jurisdictionId: string, appealId: string, assign: { units: { unitId: string; role: 'lead' | 'co' }[]; endPrevious: boolean }, by: string): Promise<void> {
  if (assign.endPrevious) {
    await tx.update(appealAssignments).set({ active: false })
      .where(and(eq(appealAssignments.jurisdictionId, jurisdictionId), eq(appealAssignments.appealId, appealId)));
  }
  for (const u of assign.units) {
    await tx.insert(appealAssignments).values({ jurisdictionId, appealId, unitId: u.unitId, role: u.role, active: true, assignedBy: by })
      .onConflictDoUpdate({
        target: [appealAssignments.jurisdictionId, appealAssignments.appealId, appealAssignments.unitId],
        set: { role: u.role, active: true, assignedBy: by, assignedAt: sql`now()` },
      });
  }
}

/** Lock appeals FOR UPDATE in id order (a fixed order, so concurrent lockers cannot deadlock). */
export async function lockAppeals(tx: Executor, jurisdictionId: string, ids: readonly string[]): Promise<{ id: string; status: string }[]> {
  const sorted = [...new Set(ids)].sort();
  const out: { id: string; status: string }[] = [];
  for (const id of sorted) {
    const [row] = await tx.select({ id: appeals.id, status: appeals.status }).from(appeals)
      .where(and(eq(appeals.jurisdictionId, jurisdictionId), eq(appeals.id, id))).for('update');
    if (row) out.push(row);
  }
  return out;
}

/** Record an Idempotency-Key in the transaction of the change it guards; a second use of the key fails on the key. */
export async function insertIdempotencyKey(tx: Executor, row: { jurisdictionId: string; key: string; userId: string; requestHash: string; statusCode: number; appealId: string }): Promise<void> {
  await tx.insert(idempotencyKeys).values({
    jurisdictionId: row.jurisdictionId, key: row.key, userId: row.userId, requestHash: row.requestHash, statusCode: row.statusCode, response: { appealId: row.appealId },
  });
}
