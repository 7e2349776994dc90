import type { AppealKind, Track, Urgency } from '@minsheng/contracts';
import { selectDeadlinePolicy } from '@minsheng/domain';
import type { DecideContext, PolicyClocks } from '@minsheng/domain';
import type { AppealRow } from '@minsheng/db';
import type { JurisdictionRuntime } from '../../runtime/jurisdiction-runtime';

/** The calendar and deadline policy a decision about this appeal uses. */
export function decisionContext(runtime: JurisdictionRuntime, appeal: AppealRow, now: Date): DecideContext {
  // The policy chosen at intake; if an admin has since removed it, the one that matches the appeal now.
  const policy = runtime.policies.find((p) => p.id === appeal.policyId)
    ?? selectDeadlinePolicy(runtime.policies, { track: appeal.track as Track, kind: appeal.kind as AppealKind, urgency: appeal.urgency as Urgency, categoryId: appeal.categoryId });
  if (!policy) throw new Error(`jurisdiction ${appeal.jurisdictionId} has no deadline policy for this ${appeal.track} appeal`);
  return { now, calendar: runtime.calendar, policy: policy.clocks as PolicyClocks };
}
