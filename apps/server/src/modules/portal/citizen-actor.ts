import type { SessionUser } from '../auth/session-cache';

/**
 * Who a rating on the portal acts as: the citizen, recorded as user 'citizen:web', through the callback role of the
 * receiving (root) unit that owns every public appeal, so the transition table's own rule for `callback` decides.
 */
export function webCitizenActor(jurisdictionId: string, rootUnitId: string): SessionUser {
  return {
    jurisdictionId, userId: 'citizen:web', username: 'citizen:web', displayName: '群众（网上评价）', expiresAt: new Date(8.64e15),
    grants: [{ role: 'callback', unitId: rootUnitId, unitPath: [rootUnitId] }],
  };
}
