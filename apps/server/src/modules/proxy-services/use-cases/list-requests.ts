import { listProxyRequests, subtreeUnitIds } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadWorkableRequest, presentOneRequest, presentRequests } from '../load-request';
import { proxyRootUnits, requireProxyStaff } from '../policy';

/** Requests of the user's units and the units below them, newest first. */
export async function listRequests(deps: Deps, user: SessionUser) {
  requireProxyStaff(user);
  const units = await subtreeUnitIds(deps.database.db, user.jurisdictionId, proxyRootUnits(user));
  const rows = await listProxyRequests(deps.database.db, user.jurisdictionId, units);
  return { items: await presentRequests(deps, user.jurisdictionId, rows, false) };
}

export async function getRequest(deps: Deps, user: SessionUser, id: string) {
  await loadWorkableRequest(deps, user, id);
  return presentOneRequest(deps, user.jurisdictionId, id);
}
