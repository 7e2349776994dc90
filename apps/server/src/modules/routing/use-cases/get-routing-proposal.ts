import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { computeRoutingProposal } from './compute-routing-proposal';
import { presentRoutingProposal } from '../presenter';

/** The routing proposal (派单建议) for an appeal the user can read; unknown and unreadable appeals are not found alike. */
export async function getRoutingProposal(deps: Deps, user: SessionUser, appealId: string) {
  const { appeal } = await loadReadableAppeal(deps.database.db, user, appealId);
  const c = await computeRoutingProposal(deps.database.db, {
    jurisdictionId: user.jurisdictionId, categoryId: appeal.categoryId, areaCode: appeal.areaCode, accusedUnitId: appeal.accusedUnitId,
  });
  return {
    appealId, categoryId: appeal.categoryId, areaCode: appeal.areaCode, departmentDuty: c.departmentDuty,
    ...presentRoutingProposal(c.proposal, c.names),
    alternatives: c.alternatives.map((a) => presentRoutingProposal(a, c.names)),
    refused: c.refused,
  };
}
