import { ROLE_LABELS } from '@minsheng/contracts';
import type { SessionUser } from './session-cache';

export function presentUser(u: SessionUser) {
  return {
    id: u.userId, username: u.username, displayName: u.displayName, jurisdictionId: u.jurisdictionId,
    roles: u.grants.map((g) => ({ role: g.role, roleLabel: ROLE_LABELS[g.role], unitId: g.unitId })),
    sessionExpiresAt: u.expiresAt.toISOString(),
  };
}
