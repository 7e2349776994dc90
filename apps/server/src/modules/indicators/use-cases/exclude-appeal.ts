import { AppError } from '@minsheng/contracts';
import { addExclusion, findAppeal, removeExclusion, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAssessor } from '../reader-scope';
import type { ExclusionInput } from '../schemas';

/**
 * 考核剔除: take an appeal out of one indicator after review (e.g. a dissatisfied callback judged unreasonable).
 * The exclusion and its reason go to the audit log in the same transaction.
 */
export async function excludeAppeal(deps: Deps, user: SessionUser, input: ExclusionInput) {
  requireAssessor(user);
  const appeal = await findAppeal(deps.database.db, user.jurisdictionId, input.appealId);
  if (!appeal) throw new AppError('UNKNOWN_APPEAL', 'unknown appeal', { field: 'appealId' });
  const now = deps.now();
  const reason = input.reason.trim();
  const added = await deps.database.db.transaction(async (tx) => {
    const ok = await addExclusion(tx, { jurisdictionId: user.jurisdictionId, appealId: appeal.id, indicator: input.indicator, reason, excludedBy: user.userId, excludedAt: now });
    if (ok) await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'assessment.exclude', targetType: 'appeal', targetId: appeal.id, detail: { indicator: input.indicator, reason }, at: now });
    return ok;
  });
  return { appealId: appeal.id, indicator: input.indicator, reason, excluded: true, created: added };
}

/** Put an excluded appeal back into the indicator; the reason for doing so is audited too. */
export async function restoreAppeal(deps: Deps, user: SessionUser, input: ExclusionInput) {
  requireAssessor(user);
  const now = deps.now();
  const reason = input.reason.trim();
  const removed = await deps.database.db.transaction(async (tx) => {
    const row = await removeExclusion(tx, user.jurisdictionId, input.appealId, input.indicator);
    if (row) await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'assessment.restore', targetType: 'appeal', targetId: input.appealId, detail: { indicator: input.indicator, reason, excludedReason: row.reason }, at: now });
    return row;
  });
  if (!removed) throw new AppError('NOT_FOUND', 'no such exclusion');
  return { appealId: input.appealId, indicator: input.indicator, reason, excluded: false };
}
