import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../connection';
import { receptionRuleOccurrences, receptionRules, receptionSchedules, receptionSessions } from '../schema';
import type { ReceptionRuleRow, ReceptionSessionRow } from './registry';

/** Edits and cancellations of 接访 schedules and sessions; each write names the version it read (optimistic). */

export type RuleChanges = Partial<Pick<ReceptionRuleRow, 'kind' | 'unitId' | 'leaderUserId' | 'leaderName' | 'leaderTitle' | 'recurrence' | 'startTime' | 'endTime' | 'place' | 'topic' | 'active'>>;
export type SessionChanges = Partial<Pick<ReceptionSessionRow, 'kind' | 'unitId' | 'leaderUserId' | 'heldAt' | 'place' | 'summary'>>;
export interface Cancellation { by: string; at: Date; reason: string }

/** Change a rule that is still at `version` and not cancelled; false when someone changed it first. */
export async function updateReceptionRule(db: Executor, jurisdictionId: string, id: string, version: number, changes: RuleChanges): Promise<boolean> {
  const rows = await db.update(receptionRules).set({ ...changes, version: version + 1 })
    .where(and(eq(receptionRules.jurisdictionId, jurisdictionId), eq(receptionRules.id, id), eq(receptionRules.version, version), isNull(receptionRules.cancelledAt)))
    .returning({ id: receptionRules.id });
  return rows.length === 1;
}

export async function cancelReceptionRule(db: Executor, jurisdictionId: string, id: string, version: number, c: Cancellation): Promise<boolean> {
  const rows = await db.update(receptionRules).set({ active: false, cancelledAt: c.at, cancelledBy: c.by, cancelReason: c.reason, version: version + 1 })
    .where(and(eq(receptionRules.jurisdictionId, jurisdictionId), eq(receptionRules.id, id), eq(receptionRules.version, version), isNull(receptionRules.cancelledAt)))
    .returning({ id: receptionRules.id });
  return rows.length === 1;
}

export async function updateReceptionSession(db: Executor, jurisdictionId: string, id: string, version: number, changes: SessionChanges): Promise<boolean> {
  const rows = await db.update(receptionSessions).set({ ...changes, version: version + 1 })
    .where(and(eq(receptionSessions.jurisdictionId, jurisdictionId), eq(receptionSessions.id, id), eq(receptionSessions.version, version), isNull(receptionSessions.cancelledAt)))
    .returning({ id: receptionSessions.id });
  return rows.length === 1;
}

export async function cancelReceptionSession(db: Executor, jurisdictionId: string, id: string, version: number, c: Cancellation): Promise<boolean> {
  const rows = await db.update(receptionSessions).set({ cancelledAt: c.at, cancelledBy: c.by, cancelReason: c.reason, version: version + 1 })
    .where(and(eq(receptionSessions.jurisdictionId, jurisdictionId), eq(receptionSessions.id, id), eq(receptionSessions.version, version), isNull(receptionSessions.cancelledAt)))
    .returning({ id: receptionSessions.id });
  return rows.length === 1;
}

/** A rule's published dates that have not started by `after`, with their schedule rows. */
export async function futureOccurrencesOfRule(db: Executor, jurisdictionId: string, ruleId: string, after: Date) {
  return db.select({ date: receptionRuleOccurrences.date, scheduleId: receptionRuleOccurrences.scheduleId, startsAt: receptionSchedules.startsAt, endsAt: receptionSchedules.endsAt, active: receptionSchedules.active })
    .from(receptionRuleOccurrences)
    .innerJoin(receptionSchedules, and(eq(receptionSchedules.jurisdictionId, receptionRuleOccurrences.jurisdictionId), eq(receptionSchedules.id, receptionRuleOccurrences.scheduleId)))
    .where(and(eq(receptionRuleOccurrences.jurisdictionId, jurisdictionId), eq(receptionRuleOccurrences.ruleId, ruleId), gt(receptionSchedules.startsAt, after)))
    .orderBy(asc(receptionRuleOccurrences.date));
}

/** Forget that a rule's date was expanded, so the next expansion publishes it anew (after an edit). */
export async function releaseRuleOccurrence(db: Executor, jurisdictionId: string, ruleId: string, date: string): Promise<void> {
  await db.delete(receptionRuleOccurrences)
    .where(and(eq(receptionRuleOccurrences.jurisdictionId, jurisdictionId), eq(receptionRuleOccurrences.ruleId, ruleId), eq(receptionRuleOccurrences.date, date)));
}

/** The schedule row a rule published for a date, if any (a session held under the rule on that day). */
export async function occurrenceOfRuleOn(db: Executor, jurisdictionId: string, ruleId: string, date: string) {
  const [row] = await db.select().from(receptionRuleOccurrences)
    .where(and(eq(receptionRuleOccurrences.jurisdictionId, jurisdictionId), eq(receptionRuleOccurrences.ruleId, ruleId), eq(receptionRuleOccurrences.date, date))).limit(1);
  return row ?? null;
}

/** Cancelled sessions held under a rule (their dates stay withdrawn from the portal whatever the rule does). */
export async function cancelledSessionsOfRule(db: Executor, jurisdictionId: string, ruleId: string): Promise<ReceptionSessionRow[]> {
  const rows = await db.select().from(receptionSessions)
    .where(and(eq(receptionSessions.jurisdictionId, jurisdictionId), eq(receptionSessions.ruleId, ruleId)));
  return rows.filter((r) => r.cancelledAt !== null);
}
