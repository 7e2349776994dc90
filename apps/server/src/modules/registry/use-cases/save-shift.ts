import { AppError } from '@minsheng/contracts';
import { problemsOfCandidate } from '@minsheng/domain';
import type { RosterShift } from '@minsheng/domain';
import { findShift, insertShift, listShifts, newId, updateShift, writeAudit } from '@minsheng/db';
import type { ShiftChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadPeople, requireMember } from '../people';
import { requireRosterEditor } from '../policy';
import { presentShift } from '../presenter';

export interface ShiftInput { post: string; startsAt: string; endsAt: string; aUserId: string; bUserId: string; unitId?: string | undefined; note?: string | undefined }

/** AB岗 checks of a candidate shift against the roster around it: times, a distinct named B, no double booking. */
async function checkCandidate(deps: Deps, jurisdictionId: string, candidate: RosterShift): Promise<void> {
  if (Number.isNaN(candidate.startsAt.getTime()) || Number.isNaN(candidate.endsAt.getTime()) || candidate.endsAt <= candidate.startsAt) {
    throw new AppError('VALIDATION_FAILED', 'endsAt must be after startsAt', { field: 'endsAt' });
  }
  const around = await listShifts(deps.database.db, jurisdictionId, candidate.startsAt, candidate.endsAt);
  const problems = problemsOfCandidate(candidate, around);
  const ab = problems.find((p) => p.kind === 'missing_backup' || p.kind === 'same_person_ab');
  if (ab) throw new AppError('BACKUP_REQUIRED', undefined, { field: 'bUserId' });
  const overlap = problems.find((p) => p.kind === 'overlap');
  if (overlap && overlap.kind === 'overlap') throw new AppError('ROSTER_OVERLAP', undefined, { userId: overlap.userId, shiftId: overlap.shiftId === candidate.id ? overlap.otherShiftId : overlap.shiftId });
}

/** Add one post of a shift to the 值班表, audited. */
export async function createShift(deps: Deps, user: SessionUser, input: ShiftInput) {
  requireRosterEditor(user);
  const jid = user.jurisdictionId;
  const people = await loadPeople(deps, jid);
  requireMember(people, input.aUserId, 'aUserId');
  requireMember(people, input.bUserId, 'bUserId');
  const id = newId();
  const row = {
    jurisdictionId: jid, id, unitId: input.unitId ?? (await requireRuntime(deps, jid)).rootUnitId, post: input.post.trim(),
    startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), aUserId: input.aUserId, bUserId: input.bUserId, note: input.note?.trim() ?? '',
    createdBy: user.userId, createdAt: deps.now(),
  };
  if (input.unitId && !people.unitNames.has(input.unitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  await checkCandidate(deps, jid, row);
  await deps.database.db.transaction(async (tx) => {
    await insertShift(tx, row);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_duty_shift', targetType: 'duty_shift', targetId: id, detail: { post: row.post } });
  });
  return presentShift((await findShift(deps.database.db, jid, id))!, people);
}

/** Change a shift (times, post, A or B) under the same AB岗 checks, audited with the fields changed. */
export async function patchShift(deps: Deps, user: SessionUser, id: string, patch: Partial<ShiftInput>) {
  requireRosterEditor(user);
  const jid = user.jurisdictionId;
  const current = await findShift(deps.database.db, jid, id);
  if (!current) throw new AppError('NOT_FOUND');
  const people = await loadPeople(deps, jid);
  const changes: ShiftChanges = {};
  if (patch.post !== undefined) changes.post = patch.post.trim();
  if (patch.startsAt !== undefined) changes.startsAt = new Date(patch.startsAt);
  if (patch.endsAt !== undefined) changes.endsAt = new Date(patch.endsAt);
  if (patch.aUserId !== undefined) changes.aUserId = requireMember(people, patch.aUserId, 'aUserId').id;
  if (patch.bUserId !== undefined) changes.bUserId = requireMember(people, patch.bUserId, 'bUserId').id;
  if (patch.note !== undefined) changes.note = patch.note.trim();
  await checkCandidate(deps, jid, { ...current, ...changes });
  await deps.database.db.transaction(async (tx) => {
    await updateShift(tx, jid, id, changes);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'update_duty_shift', targetType: 'duty_shift', targetId: id, detail: { fields: Object.keys(changes) } });
  });
  return presentShift((await findShift(deps.database.db, jid, id))!, people);
}
