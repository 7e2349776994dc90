import { AppError } from '@minsheng/contracts';
import { isValidRecurrence } from '@minsheng/domain';
import type { Recurrence } from '@minsheng/domain';
import { cancelReceptionRule, findReceptionRule, futureOccurrencesOfRule, releaseRuleOccurrence, updateReceptionRule, updateSchedule, writeAudit } from '@minsheng/db';
import type { ReceptionRuleRow, RuleChanges } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadPeople, requireLeaderMember } from '../people';
import { requireReceptionManager } from '../policy';
import { presentRule } from '../presenter';
import { withdrawnDates } from '../withdrawn-dates';
import { expandReceptionRules } from './expand-reception-rules';
import { setRuleActive } from './reception-rules';

export interface RulePatch {
  kind?: 'leader_reception' | 'hotline' | undefined; unitId?: string | null | undefined; leaderUserId?: string | null | undefined; leaderName?: string | undefined;
  leaderTitle?: string | undefined; recurrence?: Recurrence | undefined; startTime?: string | undefined; endTime?: string | undefined; place?: string | undefined;
  topic?: string | undefined; active?: boolean | undefined; version?: number | undefined;
}

/** What the portal shows of a rule's dates: changing any of these re-publishes its coming dates. */
const PUBLISHED: readonly (keyof RuleChanges)[] = ['kind', 'unitId', 'leaderName', 'leaderTitle', 'recurrence', 'startTime', 'endTime', 'place', 'topic'];

/** JSON with object keys sorted: a recurrence read back from jsonb has its keys in another order than the form's. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}

/** The rule as the editor read it: found, not cancelled, still at the version they name. */
export async function loadEditableRule(deps: Deps, user: SessionUser, id: string, version: number | undefined): Promise<ReceptionRuleRow> {
  requireReceptionManager(user);
  const rule = await findReceptionRule(deps.database.db, user.jurisdictionId, id);
  if (!rule) throw new AppError('NOT_FOUND');
  if (rule.cancelledAt) throw new AppError('CANCELLED');
  if (version !== undefined && version !== rule.version) throw new AppError('EDIT_CONFLICT', undefined, { version: rule.version });
  return rule;
}

/**
 * 修改循环安排. Dates already held or under way stay as they were; coming dates are withdrawn from the portal and
 * expanded again from the edited rule (a date whose session was cancelled stays withdrawn). Only `active` in the
 * patch is the old stop/restart.
 */
export async function editRule(deps: Deps, user: SessionUser, id: string, patch: RulePatch) {
  const { version, active, ...fields } = patch;
  if (Object.keys(fields).length === 0 && active === undefined) throw new AppError('VALIDATION_FAILED', 'nothing to change', { field: 'version' });
  const rule = await loadEditableRule(deps, user, id, version);
  if (Object.keys(fields).length === 0) return setRuleActive(deps, user, id, active ?? rule.active, rule.version);
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const changes: RuleChanges = {
    ...fields, ...(active !== undefined ? { active } : {}),
    ...(fields.leaderName !== undefined ? { leaderName: fields.leaderName.trim() } : {}), ...(fields.leaderTitle !== undefined ? { leaderTitle: fields.leaderTitle.trim() } : {}),
    ...(fields.place !== undefined ? { place: fields.place.trim() } : {}), ...(fields.topic !== undefined ? { topic: fields.topic.trim() } : {}),
  };
  const next = { ...rule, ...changes };
  if (!isValidRecurrence(next.recurrence as Recurrence)) throw new AppError('INVALID_RECURRENCE', undefined, { field: 'recurrence' });
  if (next.endTime <= next.startTime) throw new AppError('VALIDATION_FAILED', 'endTime must be after startTime', { field: 'endTime' });
  const people = await loadPeople(deps, jid);
  if (next.unitId && !people.unitNames.has(next.unitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  if (fields.leaderUserId) requireLeaderMember(people, fields.leaderUserId, 'leaderUserId');
  const runtime = await requireRuntime(deps, jid);
  const now = deps.now();
  const republish = PUBLISHED.some((k) => k in fields && canonical(changes[k]) !== canonical(rule[k]));
  await db.transaction(async (tx) => {
    if (!(await updateReceptionRule(tx, jid, id, rule.version, changes))) throw new AppError('EDIT_CONFLICT');
    const keep = await withdrawnDates(tx, jid, id, (d) => runtime.calendar.localDate(d));
    for (const o of await futureOccurrencesOfRule(tx, jid, id, now)) {
      if (keep.has(o.date)) continue;
      if (republish) {
        await updateSchedule(tx, jid, o.scheduleId, { active: false });
        await releaseRuleOccurrence(tx, jid, id, o.date);
      } else if (active !== undefined) await updateSchedule(tx, jid, o.scheduleId, { active });
    }
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'edit_reception_rule', targetType: 'reception_rule', targetId: id, detail: { fields: Object.keys(changes), republish } });
  });
  const updated = (await findReceptionRule(db, jid, id))!;
  const scheduled = updated.active ? await expandReceptionRules(deps, jid, updated) : 0;
  return { ...presentRule(updated, people), scheduled };
}

/** 取消循环安排: final (unlike stopping), with a reason kept in the audit; its coming dates leave the portal. */
export async function cancelRule(deps: Deps, user: SessionUser, id: string, input: { reason: string; version?: number | undefined }) {
  const rule = await loadEditableRule(deps, user, id, input.version);
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const now = deps.now();
  const reason = input.reason.trim();
  await db.transaction(async (tx) => {
    if (!(await cancelReceptionRule(tx, jid, id, rule.version, { by: user.userId, at: now, reason }))) throw new AppError('EDIT_CONFLICT');
    for (const o of await futureOccurrencesOfRule(tx, jid, id, now)) await updateSchedule(tx, jid, o.scheduleId, { active: false });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'cancel_reception_rule', targetType: 'reception_rule', targetId: id, detail: { reason } });
  });
  return presentRule((await findReceptionRule(db, jid, id))!, await loadPeople(deps, jid));
}
