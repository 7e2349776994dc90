import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { newId } from '../ids';
import { appeals, jointMeetings, supervisions } from '../schema';

export type SupervisionRow = typeof supervisions.$inferSelect;
export type JointMeetingRow = typeof jointMeetings.$inferSelect;

/** Record an urge, supervision notice or escalation in the transaction of its event. */
export async function insertSupervision(tx: Executor, row: Omit<typeof supervisions.$inferInsert, 'id'>): Promise<void> {
  await tx.insert(supervisions).values({ ...row, id: newId(row.issuedAt.getTime()) });
}

/** The unit's written answer closes every open notice on the appeal. */
export async function answerSupervisions(tx: Executor, jurisdictionId: string, appealId: string, answer: string, at: Date): Promise<number> {
  const rows = await tx.update(supervisions).set({ answeredAt: at, answer })
    .where(and(eq(supervisions.jurisdictionId, jurisdictionId), eq(supervisions.appealId, appealId), eq(supervisions.kind, 'notice'), isNull(supervisions.answeredAt)))
    .returning({ id: supervisions.id });
  return rows.length;
}

export async function supervisionsOf(db: Executor, jurisdictionId: string, appealId: string): Promise<SupervisionRow[]> {
  return db.select().from(supervisions).where(and(eq(supervisions.jurisdictionId, jurisdictionId), eq(supervisions.appealId, appealId))).orderBy(asc(supervisions.issuedAt));
}

/** Appeals merged into `masterId` that still wait for it, locked so the master's outcome reaches each exactly once. */
export async function lockMergedChildren(tx: Executor, jurisdictionId: string, masterId: string) {
  return tx.select().from(appeals)
    .where(and(eq(appeals.jurisdictionId, jurisdictionId), eq(appeals.masterId, masterId), eq(appeals.status, 'merged')))
    .orderBy(asc(appeals.id)).for('update');
}

export async function insertJointMeeting(tx: Executor, row: typeof jointMeetings.$inferInsert): Promise<void> {
  await tx.insert(jointMeetings).values(row);
}

export async function jointMeetingsOfAppeal(db: Executor, jurisdictionId: string, appealId: string): Promise<JointMeetingRow[]> {
  return db.select().from(jointMeetings)
    .where(and(eq(jointMeetings.jurisdictionId, jurisdictionId), sql`${appealId} = ANY(${jointMeetings.appealIds})`))
    .orderBy(asc(jointMeetings.heldAt));
}
