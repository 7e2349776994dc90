import type { SessionUser } from '../modules/auth/session-cache';

/** The actor background work acts as: a supervisor at the root unit, recorded as user 'system' on the timeline. */
export function systemUser(jurisdictionId: string, rootUnitId: string): SessionUser {
  return {
    jurisdictionId, userId: 'system', username: 'system', displayName: '系统', expiresAt: new Date(8.64e15),
    grants: [{ role: 'supervisor', unitId: rootUnitId, unitPath: [rootUnitId] }],
  };
}
