import { AppError } from '@minsheng/contracts';
import { findSchedule, insertSchedule, listAllSchedules, newId, unitPaths, updateSchedule, writeAudit } from '@minsheng/db';
import type { ScheduleChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentSchedule } from '../presenter';

export interface ScheduleInput {
  kind: 'leader_reception' | 'hotline'; unitId?: string | null | undefined; leaderName: string; leaderTitle?: string | undefined;
  startsAt: string; endsAt: string; place?: string | undefined; topic?: string | undefined;
}
export type SchedulePatch = Partial<ScheduleInput> & { active?: boolean | undefined };

async function checkUnit(deps: Deps, jurisdictionId: string, unitId: string | null | undefined): Promise<void> {
  if (unitId && !(await unitPaths(deps.database.db, jurisdictionId, [unitId]))[unitId]) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) {
    throw new AppError('VALIDATION_FAILED', 'endsAt must be after startsAt', { field: 'endsAt' });
  }
}

/** 领导接访 / 热线 schedules, every one (administrators). */
export async function listSchedules(deps: Deps, user: SessionUser) {
  requireAdmin(user);
  return { items: (await listAllSchedules(deps.database.db, user.jurisdictionId)).map(presentSchedule) };
}

/** Add a schedule, audited in the same transaction. */
export async function createSchedule(deps: Deps, user: SessionUser, input: ScheduleInput) {
  requireAdmin(user);
  const jid = user.jurisdictionId;
  await checkUnit(deps, jid, input.unitId);
  const startsAt = new Date(input.startsAt), endsAt = new Date(input.endsAt);
  checkTimes(startsAt, endsAt);
  const id = newId();
  const row = {
    jurisdictionId: jid, id, kind: input.kind, unitId: input.unitId ?? null, leaderName: input.leaderName.trim(), leaderTitle: input.leaderTitle?.trim() ?? '',
    startsAt, endsAt, place: input.place?.trim() ?? '', topic: input.topic?.trim() ?? '', active: true, createdAt: deps.now(),
  };
  await deps.database.db.transaction(async (tx) => {
    await insertSchedule(tx, row);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_reception_schedule', targetType: 'reception_schedule', targetId: id, detail: { kind: row.kind, startsAt: input.startsAt } });
  });
  return presentSchedule((await findSchedule(deps.database.db, jid, id))!);
}

/** Change or deactivate a schedule, audited with the fields changed. */
export async function patchSchedule(deps: Deps, user: SessionUser, id: string, patch: SchedulePatch) {
  requireAdmin(user);
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const current = await findSchedule(db, jid, id);
  if (!current) throw new AppError('NOT_FOUND');
  if (patch.unitId !== undefined) await checkUnit(deps, jid, patch.unitId);
  const changes: ScheduleChanges = {};
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.unitId !== undefined) changes.unitId = patch.unitId;
  if (patch.leaderName !== undefined) changes.leaderName = patch.leaderName.trim();
  if (patch.leaderTitle !== undefined) changes.leaderTitle = patch.leaderTitle.trim();
  if (patch.startsAt !== undefined) changes.startsAt = new Date(patch.startsAt);
  if (patch.endsAt !== undefined) changes.endsAt = new Date(patch.endsAt);
  if (patch.place !== undefined) changes.place = patch.place.trim();
  if (patch.topic !== undefined) changes.topic = patch.topic.trim();
  if (patch.active !== undefined) changes.active = patch.active;
  checkTimes(changes.startsAt ?? current.startsAt, changes.endsAt ?? current.endsAt);
  await db.transaction(async (tx) => {
    await updateSchedule(tx, jid, id, changes);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'update_reception_schedule', targetType: 'reception_schedule', targetId: id, detail: { fields: Object.keys(changes) } });
  });
  return presentSchedule((await findSchedule(db, jid, id))!);
}
