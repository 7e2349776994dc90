import { AppError } from '@minsheng/contracts';
import { monthPeriod } from '@minsheng/domain';
import { freezeMonth, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { requireAssessor } from '../reader-scope';
import { assessMonth, computeAssessment } from './assess-month';

/**
 * 冻结: store a closed month's ranking with the settings it used, so later changes of weights, tiers or exclusions
 * never rewrite a published assessment. A month is frozen once; an open month cannot be.
 */
export async function freezeAssessmentMonth(deps: Deps, user: SessionUser, month: string) {
  requireAssessor(user, ['admin']);
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const now = deps.now();
  const period = monthPeriod(month, runtime.settings.utcOffsetMinutes, now);
  if (!period) throw new AppError('VALIDATION_FAILED', 'month must be YYYY-MM', { field: 'month' });
  if (period.to.getTime() > now.getTime()) throw new AppError('MONTH_NOT_CLOSED', 'the month has not ended', { month });
  const result = await computeAssessment(deps, user.jurisdictionId, period, runtime.settings);
  const frozen = await deps.database.db.transaction(async (tx) => {
    const ok = await freezeMonth(tx, { jurisdictionId: user.jurisdictionId, month, frozenAt: now, frozenBy: user.userId, settings: runtime.settings, result });
    if (ok) await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'assessment.freeze', targetType: 'assessment_month', targetId: month, detail: {}, at: now });
    return ok;
  });
  if (!frozen) throw new AppError('MONTH_FROZEN', 'the month is already frozen', { month });
  return assessMonth(deps, user, month);
}
