import { AppError } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';
import { requireAdmin } from '../admin/policy';

/**
 * Every staff member reads active articles and templates (intake, reply); only administrators write them or see
 * the deactivated ones.
 */
export const requireKnowledgeAdmin = requireAdmin;

/** Deactivated content is configuration history: administrators only. */
export function requireInactiveAccess(user: SessionUser, includeInactive: boolean): void {
  if (!includeInactive) return;
  try {
    requireAdmin(user);
  } catch {
    throw new AppError('FORBIDDEN', 'includeInactive is for administrators', { field: 'includeInactive' });
  }
}
