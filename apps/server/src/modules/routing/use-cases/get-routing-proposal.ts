import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { computeRoutingProposal } from './compute-routing-proposal';
import { presentAppealRoutingProposal } from '../presenter';

/** The routing proposal (派单建议) for an appeal the user can read; unknown and unreadable appeals are not found alike. */
export async function getRoutingProposal(deps: Deps, user: SessionUser, appealId: string) {
  const { appeal } = await loadReadableAppeal(deps.database.db, user, appealId);
  const c = await computeRoutingProposal(deps.database.db, {
    jurisdictionId: user.jurisdictionId, categoryId: appeal.categoryId, areaCode: appeal.areaCode, accusedUnitId: appeal.accusedUnitId,
  });
  return presentAppealRoutingProposal({ id: appealId, categoryId: appeal.categoryId, areaCode: appeal.areaCode }, c);
}
