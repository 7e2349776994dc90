import { AppError } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

const OUTBOX_ROLES = new Set(['admin', 'supervisor']);

/**
 * The outbox spans every unit of the jurisdiction, so only administrators and supervisors of the root unit (the
 * hotline centre) may look at it and requeue failed messages.
 */
export function requireOutboxAccess(user: SessionUser): void {
  if (!user.grants.some((g) => OUTBOX_ROLES.has(g.role) && g.unitPath.length === 1)) throw new AppError('FORBIDDEN', 'administrators and supervisors only');
}
