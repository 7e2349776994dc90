import { AppError } from '@minsheng/contracts';
import { activateTextModel, findTextModel, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { classifierCache, loadStoredModel } from '../classifier-cache';
import { presentModel } from '../presenter';

/** Makes a stored model the one suggestions use (roll back to an earlier version, or forward again). */
export async function activateModel(deps: Deps, user: SessionUser, id: string) {
  requireAdmin(user);
  await deps.database.db.transaction(async (tx) => {
    if (!(await activateTextModel(tx, user.jurisdictionId, id))) throw new AppError('NOT_FOUND');
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'activate_text_model', targetType: 'text_model', targetId: id, detail: {} });
  });
  const row = await findTextModel(deps.database.db, user.jurisdictionId, id);
  if (!row) throw new AppError('NOT_FOUND');
  // This process answers with the chosen model at once; others notice within the cache's check interval.
  const cache = classifierCache(deps.database);
  cache.put(user.jurisdictionId, loadStoredModel(row));
  const { categories } = await cache.get(user.jurisdictionId);
  const { model: _model, ...summary } = row;
  return presentModel(summary, categories);
}
