import type { AppealStatus } from '@minsheng/contracts';
import { decide, tableFor } from '@minsheng/domain';
import type { ReplyRecord } from '@minsheng/domain';
import { appealClockStates, lockMergedChildren, unitPaths } from '@minsheng/db';
import type { Executor } from '@minsheng/db';
import type { JurisdictionRuntime } from '../../runtime/jurisdiction-runtime';
import { systemUser } from '../../jobs/system-user';
import { decisionContext } from './decision-context';
import { toSnapshot } from './snapshot';
import { writeDecision } from './write-decision';

export interface MasterOutcome { jurisdictionId: string; masterId: string; status: AppealStatus; reply: ReplyRecord | null; leadUnitId: string | null; coUnitIds: readonly string[] }

/**
 * 并单: when the master reaches a state its merged appeals follow (replied, closed, referred, rejected), each of them
 * takes that state and the master's reply through the transition table, in the master's transaction, so every citizen
 * of the group gets the answer and their own callback. Returns how many followed.
 */
export async function propagateToMerged(tx: Executor, runtime: JurisdictionRuntime, outcome: MasterOutcome, now: Date): Promise<number> {
  const children = await lockMergedChildren(tx, outcome.jurisdictionId, outcome.masterId);
  if (!children.length) return 0;
  const actor = systemUser(outcome.jurisdictionId, runtime.rootUnitId);
  let followed = 0;
  for (const child of children) {
    const rule = tableFor(child.track as 'hotline').find((r) => r.action === 'follow_master');
    if (!rule?.alt?.includes(outcome.status)) continue; // a state the merged appeal waits through (e.g. handling)
    const clocks = await appealClockStates(tx, child.jurisdictionId, child.id);
    const paths = await unitPaths(tx, child.jurisdictionId, [child.ownerUnitId, ...(outcome.leadUnitId ? [outcome.leadUnitId] : []), ...outcome.coUnitIds]);
    const snapshot = { ...toSnapshot(child, clocks, paths), master: { id: outcome.masterId, status: outcome.status, reply: outcome.reply, leadUnitId: outcome.leadUnitId, coUnitIds: outcome.coUnitIds } };
    const result = decide(snapshot, { action: 'follow_master', input: {} }, { userId: actor.userId, grants: actor.grants }, decisionContext(runtime, child, now));
    if (!result.ok) throw new Error(`merged appeal ${child.id} cannot follow its master: ${result.code} ${result.message}`);
    await writeDecision(tx, { appeal: child, decision: result.decision, actorUserId: actor.userId, now });
    followed += 1;
  }
  return followed;
}
