import { AppError } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

/** Configuration changes need the admin role at the root unit: an admin of one department cannot rewire the city. */
export function requireAdmin(user: SessionUser): void {
  if (!user.grants.some((g) => g.role === 'admin' && g.unitPath.length === 1)) throw new AppError('FORBIDDEN', 'administrators only');
}
