import { cancelledSessionsOfRule } from '@minsheng/db';
import type { Executor } from '@minsheng/db';

/**
 * The dates of a rule withdrawn from the portal because its session that day was cancelled: they stay withdrawn
 * when the rule is edited, stopped or restarted (otherwise an edit would publish a cancelled day again).
 */
export async function withdrawnDates(db: Executor, jurisdictionId: string, ruleId: string, localDate: (at: Date) => string): Promise<Set<string>> {
  return new Set((await cancelledSessionsOfRule(db, jurisdictionId, ruleId)).map((s) => localDate(s.heldAt)));
}
