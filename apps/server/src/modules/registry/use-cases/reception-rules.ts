import { AppError } from '@minsheng/contracts';
import { isValidRecurrence } from '@minsheng/domain';
import type { Recurrence } from '@minsheng/domain';
import { findReceptionRule, insertReceptionRule, listReceptionRules, newId, occurrencesOfRule, updateReceptionRule, updateSchedule, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadPeople, requireLeaderMember } from '../people';
import { requireReceptionManager } from '../policy';
import { presentRule } from '../presenter';
import { withdrawnDates } from '../withdrawn-dates';
import { expandReceptionRules } from './expand-reception-rules';

export interface ReceptionRuleInput {
  kind: 'leader_reception' | 'hotline'; unitId?: string | null | undefined; leaderUserId?: string | undefined; leaderName: string; leaderTitle?: string | undefined;
  recurrence: Recurrence; startTime: string; endTime: string; place?: string | undefined; topic?: string | undefined;
}

export async function listRules(deps: Deps, user: SessionUser) {
  requireReceptionManager(user);
  const people = await loadPeople(deps, user.jurisdictionId);
  return { items: (await listReceptionRules(deps.database.db, user.jurisdictionId)).map((r) => presentRule(r, people)) };
}

/** A recurring schedule; its coming dates appear in the portal directory at once (and by the daily job after). */
export async function createRule(deps: Deps, user: SessionUser, input: ReceptionRuleInput) {
  requireReceptionManager(user);
  const jid = user.jurisdictionId;
  if (!isValidRecurrence(input.recurrence)) throw new AppError('INVALID_RECURRENCE', undefined, { field: 'recurrence' });
  if (input.endTime <= input.startTime) throw new AppError('VALIDATION_FAILED', 'endTime must be after startTime', { field: 'endTime' });
  const people = await loadPeople(deps, jid);
  if (input.unitId && !people.unitNames.has(input.unitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  if (input.leaderUserId) requireLeaderMember(people, input.leaderUserId, 'leaderUserId');
  const id = newId();
  const row = {
    jurisdictionId: jid, id, kind: input.kind, unitId: input.unitId ?? null, leaderUserId: input.leaderUserId ?? null, leaderName: input.leaderName.trim(),
    leaderTitle: input.leaderTitle?.trim() ?? '', recurrence: input.recurrence, startTime: input.startTime, endTime: input.endTime,
    place: input.place?.trim() ?? '', topic: input.topic?.trim() ?? '', active: true, createdBy: user.userId, createdAt: deps.now(),
  };
  await deps.database.db.transaction(async (tx) => {
    await insertReceptionRule(tx, row);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_reception_rule', targetType: 'reception_rule', targetId: id, detail: { recurrence: input.recurrence } });
  });
  const rule = (await findReceptionRule(deps.database.db, jid, id))!;
  const scheduled = await expandReceptionRules(deps, jid, rule);
  return { ...presentRule(rule, people), scheduled };
}

/**
 * Stop (or restart) a rule; stopping also withdraws its coming dates from the portal. A cancelled rule stays
 * cancelled; `version` (the one read) refuses a stale toggle.
 */
export async function setRuleActive(deps: Deps, user: SessionUser, id: string, active: boolean, version?: number) {
  requireReceptionManager(user);
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const rule = await findReceptionRule(db, jid, id);
  if (!rule) throw new AppError('NOT_FOUND');
  if (rule.cancelledAt) throw new AppError('CANCELLED');
  const calendar = (await requireRuntime(deps, jid)).calendar;
  const today = calendar.localDate(deps.now());
  await db.transaction(async (tx) => {
    if (!(await updateReceptionRule(tx, jid, id, version ?? rule.version, { active }))) throw new AppError('EDIT_CONFLICT');
    const keep = await withdrawnDates(tx, jid, id, (d) => calendar.localDate(d));
    for (const o of await occurrencesOfRule(tx, jid, id, today)) if (!keep.has(o.date)) await updateSchedule(tx, jid, o.scheduleId, { active });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'update_reception_rule', targetType: 'reception_rule', targetId: id, detail: { active } });
  });
  const updated = (await findReceptionRule(db, jid, id))!;
  if (active) await expandReceptionRules(deps, jid, updated);
  return presentRule(updated, await loadPeople(deps, jid));
}
