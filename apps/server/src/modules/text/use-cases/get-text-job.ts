import { AppError } from '@minsheng/contracts';
import { findJobOfKind } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentJob } from '../presenter';
import { TEXT_JOB_KINDS } from '../text-jobs';

/** A text job's state and outcome (the console polls it after asking for a retrain). */
export async function getTextJob(deps: Deps, user: SessionUser, id: string) {
  requireAdmin(user);
  const job = await findJobOfKind(deps.database.db, user.jurisdictionId, id, TEXT_JOB_KINDS);
  if (!job) throw new AppError('NOT_FOUND');
  return presentJob(job);
}
