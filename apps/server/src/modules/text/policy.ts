import { AppError } from '@minsheng/contracts';
import type { Role } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

/** Intake suggestions (分类建议, 重复诉求, 来电历史) are for the people registering and routing appeals. */
export const SUGGEST_ROLES: readonly Role[] = ['agent', 'dispatcher'];
/** Early warnings (预警) are read and acknowledged by supervision staff and leaders. */
export const WARNING_ROLES: readonly Role[] = ['supervisor', 'leader'];

export function requireRole(user: SessionUser, roles: readonly Role[], what: string): void {
  if (!user.grants.some((g) => roles.includes(g.role))) throw new AppError('FORBIDDEN', `${what} is for ${roles.join(', ')}`);
}

