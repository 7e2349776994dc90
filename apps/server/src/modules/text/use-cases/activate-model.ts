import { AppError } from '@minsheng/contracts';
import { activateTextModel, findTextModelSummary, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { classifierCache } from '../classifier-cache';
import { presentModel } from '../presenter';

/** Makes a stored model the one suggestions use (roll back to an earlier version, or forward again). */
export async function activateModel(deps: Deps, user: SessionUser, id: string) {
  requireAdmin(user);
  await deps.database.db.transaction(async (tx) => {
    if (!(await activateTextModel(tx, user.jurisdictionId, id))) throw new AppError('NOT_FOUND');
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'activate_text_model', targetType: 'text_model', targetId: id, detail: {} });
  });
  const cache = classifierCache(deps.database);
  cache.invalidate(user.jurisdictionId);
  const { categories } = await cache.get(user.jurisdictionId);
  const model = await findTextModelSummary(deps.database.db, user.jurisdictionId, id);
  if (!model) throw new AppError('NOT_FOUND');
  return presentModel(model, categories);
}
