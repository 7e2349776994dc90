import { enqueueTextJob, pendingJobOfKind, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';

export const RETRAIN_JOB = 'text_retrain';

/**
 * 立即重新训练: queues a retrain job for the worker (the answer does not wait for training). A request while one is
 * queued or running joins it instead of queueing another.
 */
export async function requestRetrain(deps: Deps, user: SessionUser): Promise<{ jobId: string; status: string; alreadyQueued: boolean }> {
  requireAdmin(user);
  const db = deps.database.db;
  const pending = await pendingJobOfKind(db, user.jurisdictionId, RETRAIN_JOB);
  if (pending) return { jobId: pending.id, status: pending.status, alreadyQueued: true };
  const job = await db.transaction(async (tx) => {
    const queued = await enqueueTextJob(tx, { jurisdictionId: user.jurisdictionId, kind: RETRAIN_JOB, payload: { requestedBy: user.userId }, runAt: deps.now() });
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'request_text_retrain', targetType: 'job', targetId: queued.id!, detail: {} });
    return queued;
  });
  return { jobId: job.id!, status: 'queued', alreadyQueued: false };
}
