import { AppError } from '@minsheng/contracts';
import { insertMonthlyBulletin, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { monthBounds } from '../../portal/month';
import { monthlyUnitFigures } from '../monthly-figures';

/**
 * 发布每月通报: freeze every unit's figures of a finished month. Idempotent: a unit's month already published stays
 * as published (the primary key), so the monthly job and a staff trigger can both run it. `actorUserId` null = the job.
 */
export async function publishMonthlyBulletin(deps: Deps, jurisdictionId: string, month: string, actorUserId: string | null = null) {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const now = deps.now();
  if (monthBounds(month, runtime.settings.utcOffsetMinutes).to > now) throw new AppError('VALIDATION_FAILED', 'only a finished month can be published', { field: 'month' });
  const figures = await monthlyUnitFigures(deps, jurisdictionId, month);
  let published = 0;
  await deps.database.db.transaction(async (tx) => {
    for (const f of figures) {
      const { unitId, ...rest } = f;
      if (await insertMonthlyBulletin(tx, { jurisdictionId, month, unitId, figures: rest, publishedAt: now })) published++;
    }
    if (actorUserId && published) {
      await writeAudit(tx, { jurisdictionId, actorUserId, action: 'publish_monthly_bulletin', targetType: 'monthly_bulletin', targetId: month, detail: { units: published } });
    }
  });
  return { month, units: figures.length, published };
}
