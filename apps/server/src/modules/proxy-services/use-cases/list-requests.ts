import { listProxyRequests, subtreeUnitIds } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadWorkableRequest, presentOneRequest, presentRequests } from '../load-request';
import { proxyRootUnits, requireProxyStaff } from '../policy';

export type RequestsState = 'open' | 'overdue' | 'due_soon' | 'closed';
type Presented = Awaited<ReturnType<typeof presentRequests>>[number];
/** The filter is on the clock's light as presented, so the list and its tags can never disagree. */
const KEEP: Record<RequestsState, (r: Presented) => boolean> = {
  open: (r) => r.closedAt === null, overdue: (r) => r.overdue, due_soon: (r) => r.light === 'yellow', closed: (r) => r.closedAt !== null,
};

/** Requests of the user's units and the units below them, newest first; `state` narrows them (超期, 临期, …). */
export async function listRequests(deps: Deps, user: SessionUser, state?: RequestsState) {
  requireProxyStaff(user);
  const units = await subtreeUnitIds(deps.database.db, user.jurisdictionId, proxyRootUnits(user));
  const rows = await listProxyRequests(deps.database.db, user.jurisdictionId, units);
  const items = await presentRequests(deps, user.jurisdictionId, rows, false);
  return { items: state ? items.filter(KEEP[state]) : items };
}

export async function getRequest(deps: Deps, user: SessionUser, id: string) {
  await loadWorkableRequest(deps, user, id);
  return presentOneRequest(deps, user.jurisdictionId, id);
}
