import { AppError } from '@minsheng/contracts';
import { listRevealAudit } from '@minsheng/db';
import type { RevealKind } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../policy';

export interface RevealAuditQuery {
  from?: string | undefined;
  to?: string | undefined;
  userId?: string | undefined;
  appealNumber?: string | undefined;
  kind?: RevealKind | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** The most rows one CSV export holds: the audit is read, not mirrored. */
export const REVEAL_EXPORT_MAX_ROWS = 10_000;

/**
 * 个人信息查看审计: who saw which citizen's unmasked data, when and why. Administrators at the root unit only: the log
 * spans every unit, so a unit-scoped reader (even a unit's admin) is refused rather than shown a filtered slice.
 */
export async function listRevealAuditFor(deps: Deps, user: SessionUser, q: RevealAuditQuery, paging: { limit: number; offset: number } | null = null) {
  requireAdmin(user);
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from.getTime() >= to.getTime()) throw new AppError('VALIDATION_FAILED', '`from` must be before `to`', { field: 'to' });
  const page = q.page ?? 1, pageSize = q.pageSize ?? 20;
  const { limit, offset } = paging ?? { limit: pageSize, offset: (page - 1) * pageSize };
  const found = await listRevealAudit(deps.database.reader, user.jurisdictionId, { from, to, userId: q.userId, appealNumber: q.appealNumber?.trim() || undefined, kind: q.kind, limit, offset });
  return { ...found, page, pageSize };
}
