import { AppError } from '@minsheng/contracts';
import { decideHearing } from '@minsheng/domain';
import type { HearingAction, HearingStatus } from '@minsheng/domain';
import { findHearing, markAttendance, representativesOf, updateHearing, writeAudit } from '@minsheng/db';
import type { HearingChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadHearing, presentOne } from '../load-hearing';

export interface HearingActionInput {
  action: HearingAction; minutes?: string | undefined; attendedRepresentativeIds?: string[] | undefined; outcome?: string | undefined; reason?: string | undefined;
}

/** 发布公告 / 举行 (纪要, 出席) / 结果 / 取消: every status change goes through the domain's transition table. */
export async function actOnHearing(deps: Deps, user: SessionUser, id: string, input: HearingActionInput) {
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const h = await loadHearing(deps, user, id, true);
  const reps = await representativesOf(db, jid, [id]);
  const attended = [...new Set(input.attendedRepresentativeIds ?? [])];
  if (attended.some((a) => !reps.some((r) => r.id === a))) throw new AppError('VALIDATION_FAILED', 'not a representative of this hearing', { field: 'attendedRepresentativeIds' });
  const now = deps.now();
  const decision = decideHearing({
    status: h.status as HearingStatus, scheduledAt: h.scheduledAt, minNoticeDays: h.minNoticeDays, notice: h.notice,
    residentCount: reps.filter((r) => r.kind === 'resident').length, enterpriseCount: reps.filter((r) => r.kind === 'enterprise').length,
  }, { action: input.action, now, minutes: input.minutes, attendedCount: attended.length, outcome: input.outcome, reason: input.reason });
  if (!decision.ok) {
    const r = decision.refusal;
    throw new AppError(r.code, undefined, r.code === 'NOTICE_TOO_SHORT' ? { field: r.field, earliest: r.earliest.toISOString() } : r.field ? { field: r.field } : undefined);
  }
  const changes: HearingChanges = { status: decision.next, updatedAt: now };
  if (input.action === 'announce') changes.announcedAt = now;
  if (input.action === 'hold') { changes.heldAt = now; changes.minutes = input.minutes!.trim(); }
  if (input.action === 'conclude') { changes.concludedAt = now; changes.outcome = input.outcome!.trim(); }
  if (input.action === 'cancel') changes.cancelReason = input.reason!.trim();
  await db.transaction(async (tx) => {
    if (!(await updateHearing(tx, jid, id, changes, h.status))) throw new AppError('STALE_STATE');
    if (input.action === 'hold') await markAttendance(tx, jid, id, attended);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: `hearing_${input.action}`, targetType: 'hearing', targetId: id, detail: { from: h.status, to: decision.next } });
  });
  return presentOne(deps, jid, (await findHearing(db, jid, id))!);
}
