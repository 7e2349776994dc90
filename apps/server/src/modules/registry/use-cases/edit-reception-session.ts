import { AppError } from '@minsheng/contracts';
import { cancelReceptionSession, findSchedule, occurrenceOfRuleOn, updateReceptionSession, updateSchedule, writeAudit } from '@minsheng/db';
import type { ReceptionSessionRow, SessionChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadPeople, requireLeaderMember } from '../people';
import { requireReceptionManager } from '../policy';
import { loadReadableSession } from '../session-access';
import { getSession } from './sessions';

export interface SessionPatch {
  kind?: 'leader_reception' | 'hotline' | undefined; leaderUserId?: string | undefined; heldAt?: string | undefined; unitId?: string | undefined;
  place?: string | undefined; summary?: string | undefined; version?: number | undefined;
}

/** Who may change a session is who may record it: the centre, or the receiving leader for their own. */
async function loadEditableSession(deps: Deps, user: SessionUser, id: string, version: number | undefined): Promise<ReceptionSessionRow> {
  const s = await loadReadableSession(deps, user, id);
  if (s.leaderUserId !== user.userId) requireReceptionManager(user);
  if (s.cancelledAt) throw new AppError('CANCELLED');
  if (version !== undefined && version !== s.version) throw new AppError('EDIT_CONFLICT', undefined, { version: s.version });
  return s;
}

/** 修改接访记录: time, place, leader, unit, instructions; matters already turned into appeals are untouched. */
export async function editSession(deps: Deps, user: SessionUser, id: string, patch: SessionPatch) {
  const { version, ...fields } = patch;
  if (Object.keys(fields).length === 0) throw new AppError('VALIDATION_FAILED', 'nothing to change', { field: 'version' });
  const s = await loadEditableSession(deps, user, id, version);
  const jid = user.jurisdictionId;
  const people = await loadPeople(deps, jid);
  // Handing the session to another leader is the centre's call, as recording one for someone else is.
  if (fields.leaderUserId !== undefined && fields.leaderUserId !== user.userId) requireReceptionManager(user);
  if (fields.leaderUserId !== undefined) requireLeaderMember(people, fields.leaderUserId, 'leaderUserId');
  if (fields.unitId !== undefined && !people.unitNames.has(fields.unitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  const changes: SessionChanges = {
    ...(fields.kind !== undefined ? { kind: fields.kind } : {}), ...(fields.leaderUserId !== undefined ? { leaderUserId: fields.leaderUserId } : {}),
    ...(fields.heldAt !== undefined ? { heldAt: new Date(fields.heldAt) } : {}), ...(fields.unitId !== undefined ? { unitId: fields.unitId } : {}),
    ...(fields.place !== undefined ? { place: fields.place.trim() } : {}), ...(fields.summary !== undefined ? { summary: fields.summary.trim() } : {}),
  };
  await deps.database.db.transaction(async (tx) => {
    if (!(await updateReceptionSession(tx, jid, id, s.version, changes))) throw new AppError('EDIT_CONFLICT');
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'edit_reception_session', targetType: 'reception_session', targetId: id, detail: { fields: Object.keys(changes) } });
  });
  return getSession(deps, user, id);
}

/**
 * 取消接访: with a reason, audited. A session held under a schedule takes that day off the portal directory (unless
 * it is already over); its matters, already appeals, go on being handled.
 */
export async function cancelSession(deps: Deps, user: SessionUser, id: string, input: { reason: string; version?: number | undefined }) {
  const s = await loadEditableSession(deps, user, id, input.version);
  const jid = user.jurisdictionId;
  const now = deps.now();
  const reason = input.reason.trim();
  const calendar = (await requireRuntime(deps, jid)).calendar;
  await deps.database.db.transaction(async (tx) => {
    if (!(await cancelReceptionSession(tx, jid, id, s.version, { by: user.userId, at: now, reason }))) throw new AppError('EDIT_CONFLICT');
    const occurrence = s.ruleId ? await occurrenceOfRuleOn(tx, jid, s.ruleId, calendar.localDate(s.heldAt)) : null;
    const schedule = occurrence ? await findSchedule(tx, jid, occurrence.scheduleId) : null;
    const withdrawn = schedule !== null && schedule.active && schedule.endsAt > now;
    if (withdrawn) await updateSchedule(tx, jid, schedule.id, { active: false });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'cancel_reception_session', targetType: 'reception_session', targetId: id, detail: { reason, withdrawn } });
  });
  return getSession(deps, user, id);
}
