import { incrementRoutingCounter } from '@minsheng/db';
import type { Executor, RoutingCounter } from '@minsheng/db';
import type { Deps } from '../../../deps';

export type RoutingOutcome = 'dispatch' | 'return_approved' | 'objection';

const COUNTER: Record<RoutingOutcome, RoutingCounter> = { dispatch: 'dispatches', return_approved: 'returnsApproved', objection: 'objections' };

export interface RoutingOutcomeInput { jurisdictionId: string; ruleId: string; kind: RoutingOutcome }

/**
 * Count what happened to an appeal a rule routed: dispatched as proposed, return (退单) approved, or objected to
 * (派单异议). Pass the lifecycle's transaction as `db` so the count commits with the transition. False when the
 * rule is unknown (nothing is counted then).
 */
export async function recordRoutingOutcome(deps: Deps, input: RoutingOutcomeInput, db: Executor = deps.database.db): Promise<boolean> {
  return incrementRoutingCounter(db, input.jurisdictionId, input.ruleId, COUNTER[input.kind]);
}
