import { publicNames } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { monthlyUnitFigures } from '../monthly-figures';
import { requirePublisher } from '../policy';

/** The console's live 每月通报 figures for any month (what publishing that month would freeze). */
export async function previewMonthlyFigures(deps: Deps, user: SessionUser, month: string) {
  requirePublisher(user);
  const [figures, names] = await Promise.all([monthlyUnitFigures(deps, user.jurisdictionId, month), publicNames(deps.database.db, user.jurisdictionId)]);
  return { month, units: figures.map((f) => ({ ...f, unitName: names.unitNames.get(f.unitId) ?? '' })) };
}
