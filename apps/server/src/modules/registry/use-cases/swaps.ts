import { AppError } from '@minsheng/contracts';
import { decideSwap, findShift, findSwap, insertSwap, listSwaps, newId, updateShift, writeAudit } from '@minsheng/db';
import { problemsOfCandidate } from '@minsheng/domain';
import { listShifts } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople, requireMember } from '../people';
import { requireRosterEditor, requireRosterViewer } from '../policy';
import { presentSwap } from '../presenter';

/** 换班申请: the A or B person of a shift (or a roster editor) asks to hand their slot to someone else. */
export async function requestSwap(deps: Deps, user: SessionUser, shiftId: string, input: { slot: 'a' | 'b'; toUserId: string; reason?: string | undefined }) {
  requireRosterViewer(user);
  const jid = user.jurisdictionId;
  const shift = await findShift(deps.database.db, jid, shiftId);
  if (!shift) throw new AppError('NOT_FOUND');
  const fromUserId = input.slot === 'a' ? shift.aUserId : shift.bUserId;
  const editor = user.grants.some((g) => g.unitPath.length === 1 && (g.role === 'admin' || g.role === 'supervisor'));
  if (fromUserId !== user.userId && !editor) throw new AppError('FORBIDDEN', 'only the person on the slot asks to swap it');
  const people = await loadPeople(deps, jid);
  requireMember(people, input.toUserId, 'toUserId');
  const other = input.slot === 'a' ? shift.bUserId : shift.aUserId;
  if (input.toUserId === other || input.toUserId === fromUserId) throw new AppError('BACKUP_REQUIRED', undefined, { field: 'toUserId' });
  const id = newId();
  await insertSwap(deps.database.db, { jurisdictionId: jid, id, shiftId, slot: input.slot, fromUserId, toUserId: input.toUserId, reason: input.reason?.trim() ?? '', requestedBy: user.userId, requestedAt: deps.now() });
  return presentSwap((await findSwap(deps.database.db, jid, id))!, people);
}

export async function listSwapRequests(deps: Deps, user: SessionUser, status?: string) {
  requireRosterViewer(user);
  const people = await loadPeople(deps, user.jurisdictionId);
  return { items: (await listSwaps(deps.database.db, user.jurisdictionId, status)).map((s) => presentSwap(s, people)) };
}

/** Approve (the roster changes in the same transaction, under the AB岗 checks) or reject a pending swap. */
export async function decideSwapRequest(deps: Deps, user: SessionUser, id: string, decision: 'approve' | 'reject') {
  requireRosterEditor(user);
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const swap = await findSwap(db, jid, id);
  if (!swap) throw new AppError('NOT_FOUND');
  if (swap.status !== 'pending') throw new AppError('SWAP_DECIDED', undefined, { status: swap.status });
  const shift = await findShift(db, jid, swap.shiftId);
  if (!shift) throw new AppError('NOT_FOUND');
  const changes = swap.slot === 'a' ? { aUserId: swap.toUserId } : { bUserId: swap.toUserId };
  if (decision === 'approve') {
    // The shift may have been edited since the request: the slot must still be the requester's, and the person
    // taking it over must not now be the shift's other slot (A and B the same person breaks AB岗).
    const holder = swap.slot === 'a' ? shift.aUserId : shift.bUserId;
    if (holder !== swap.fromUserId) throw new AppError('ILLEGAL_TRANSITION', 'the slot has changed hands since the request', { slot: swap.slot });
    const around = await listShifts(db, jid, shift.startsAt, shift.endsAt);
    const problems = problemsOfCandidate({ ...shift, ...changes }, around);
    if (problems.some((p) => p.kind === 'same_person_ab' || p.kind === 'missing_backup')) throw new AppError('BACKUP_REQUIRED', undefined, { field: 'toUserId' });
    const overlap = problems.find((p) => p.kind === 'overlap');
    if (overlap && overlap.kind === 'overlap') throw new AppError('ROSTER_OVERLAP', undefined, { userId: overlap.userId });
  }
  await db.transaction(async (tx) => {
    if (!(await decideSwap(tx, jid, id, decision === 'approve' ? 'approved' : 'rejected', user.userId, deps.now()))) throw new AppError('SWAP_DECIDED');
    if (decision === 'approve') await updateShift(tx, jid, shift.id, changes);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: `${decision}_duty_swap`, targetType: 'duty_shift', targetId: shift.id, detail: { swapId: id, slot: swap.slot } });
  });
  return presentSwap((await findSwap(db, jid, id))!, await loadPeople(deps, jid));
}
