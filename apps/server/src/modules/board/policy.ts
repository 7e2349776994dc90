import { AppError } from '@minsheng/contracts';
import type { SessionUser } from '../auth/session-cache';

/**
 * Who publishes on the portal (留言板 review, 每月通报): an administrator, supervisor (督查督办) or leader of the root
 * unit, i.e. the hotline centre that speaks for the whole jurisdiction. A department's staff cannot publish, even
 * about their own appeals: publication is the centre's word to the public.
 */
const PUBLISHERS = new Set(['admin', 'supervisor', 'leader']);

export function canPublish(user: SessionUser): boolean {
  return user.grants.some((g) => PUBLISHERS.has(g.role) && g.unitPath.length === 1);
}

export function requirePublisher(user: SessionUser): void {
  if (!canPublish(user)) throw new AppError('FORBIDDEN', 'publishing on the portal needs admin, supervisor or leader at the centre');
}
