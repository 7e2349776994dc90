import { AppError } from '@minsheng/contracts';
import { resolvePeriod } from '@minsheng/domain';
import type { Period } from '@minsheng/domain';
import type { IndicatorQuery } from '@minsheng/db';
import { findUnit } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { requireRuntime } from '../../runtime/require-runtime';
import { indicatorReaderOf } from './reader-scope';
import type { IndicatorsQueryInput } from './schemas';

/** The request's period, grouping, unit and the reader's scope as one repository query; bad input is a 422. */
export async function buildIndicatorQuery(deps: Deps, user: SessionUser, input: IndicatorsQueryInput): Promise<{ query: IndicatorQuery; period: Period }> {
  const reader = await indicatorReaderOf(deps, user);
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const now = deps.now();
  const resolved = resolvePeriod({ kind: input.period ?? 'month', from: input.from, to: input.to }, runtime.settings.utcOffsetMinutes, now);
  if (!resolved.ok) throw new AppError('VALIDATION_FAILED', resolved.message, { field: resolved.field });
  if (input.unitId) {
    const unit = await findUnit(deps.database.db, user.jurisdictionId, input.unitId);
    // A unit outside the reader's subtree is answered like an unknown one.
    if (!unit || (reader.visibleUnitIds !== null && !reader.visibleUnitIds.includes(unit.id))) throw new AppError('UNKNOWN_UNIT', 'unknown unit', { field: 'unitId' });
  }
  return {
    period: resolved.period,
    query: {
      jurisdictionId: user.jurisdictionId, from: resolved.period.from, to: resolved.period.to, asOf: now,
      weights: runtime.settings.satisfactionWeights, groupBy: input.groupBy ?? 'unit', includeSubunits: input.includeSubunits === 'true',
      unitId: input.unitId, visibleUnitIds: reader.visibleUnitIds, ancestorUnitIds: reader.ancestorUnitIds,
    },
  };
}
