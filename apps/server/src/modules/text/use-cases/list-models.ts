import { listTextModels, recentJobsOfKind } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { classifierCache } from '../classifier-cache';
import { presentJob, presentModel } from '../presenter';
import { RETRAIN_JOB } from './request-retrain';

/** 分类模型: stored versions with their held-out figures (newest first), and the latest retrain runs. */
export async function listModels(deps: Deps, user: SessionUser) {
  requireAdmin(user);
  const db = deps.database.db;
  const [models, runs, { categories }] = await Promise.all([
    listTextModels(db, user.jurisdictionId), recentJobsOfKind(db, user.jurisdictionId, RETRAIN_JOB, 5), classifierCache(deps.database).get(user.jurisdictionId),
  ]);
  return {
    activeModelId: models.find((m) => m.active)?.id ?? null,
    items: models.map((m) => presentModel(m, categories)),
    runs: runs.map(presentJob),
  };
}
