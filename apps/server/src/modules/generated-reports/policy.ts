import { AppError } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

const READERS = new Set(['leader', 'supervisor', 'admin']);

/**
 * Reports describe the whole jurisdiction (every unit's ranking, every area), so only the centre's leaders,
 * supervisors and administrators (a grant at the root unit) read or generate them; everyone else gets 403.
 */
export function requireReportReader(user: SessionUser): void {
  if (!user.grants.some((g) => READERS.has(g.role) && g.unitPath.length === 1)) {
    throw new AppError('FORBIDDEN', 'reports are for the centre\'s leaders, supervisors and administrators');
  }
}

/** The identity the report builders read with: the whole jurisdiction, as a leader of its root unit sees it. */
export function jurisdictionReader(jurisdictionId: string, rootUnitId: string, now: Date): SessionUser {
  return {
    jurisdictionId, userId: 'system:reports', username: 'system', displayName: '系统',
    grants: [{ role: 'leader', unitId: rootUnitId, unitPath: [rootUnitId] }], expiresAt: new Date(now.getTime() + 3_600_000),
  };
}
