import type { AppealAction, AppealStatus, Role } from '@minsheng/contracts';
import { RESULTS_BY_TRACK, SATISFACTION_LEVELS } from '@minsheng/contracts';
import type { WorkCalendar } from '../calendar';
import type { PolicyClocks } from '../deadlines/policy';
import { isAccusedSide, isUnitWithin } from '../access/appeal-access';
import { ClockBook } from './clock-ops';
import { applyEffects } from './effects';
import { findRule, tableFor } from './transitions';
import type { Target, TransitionRule } from './transitions';
import type { Actor, AppealSnapshot, Command, DecideResult, Grant } from './types';

export interface DecideContext {
  now: Date;
  calendar: WorkCalendar;
  policy: PolicyClocks;
  table?: readonly TransitionRule[];
}

const fail = (code: Parameters<typeof failWith>[0], message: string, details?: Record<string, unknown>): DecideResult => failWith(code, message, details);
function failWith(code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'INVALID_TRANSITION_INPUT' | 'ACCUSED_UNIT', message: string, details?: Record<string, unknown>): DecideResult {
  return details ? { ok: false, code, message, details } : { ok: false, code, message };
}

/** Is `unitId` inside the subtree of the grant's unit? */
export function grantCovers(grant: Grant, unitId: string | null, paths: AppealSnapshot['unitPaths']): boolean {
  return isUnitWithin(unitId, grant.unitId, paths);
}

function targetUnits(appeal: AppealSnapshot, target: Target): (string | null)[] {
  if (target === 'owner') return [appeal.ownerUnitId];
  if (target === 'lead') return [appeal.leadUnitId];
  if (target === 'co') return [...appeal.coUnitIds];
  return [appeal.leadUnitId, ...appeal.coUnitIds];
}

/** The grant the actor acts under for this rule, or null when no role/unit combination allows it. */
export function actingGrant(rule: TransitionRule, appeal: AppealSnapshot, actor: Actor): Grant | null {
  // Staff of the accused unit never act on (or see) a report about them, whatever other roles they hold.
  if (isAccusedSide(actor.grants, appeal.accusedUnitId)) return null;
  for (const grant of actor.grants) {
    const target = rule.who[grant.role as Role];
    if (!target) continue;
    if (targetUnits(appeal, target).some((u) => grantCovers(grant, u, appeal.unitPaths))) return grant;
  }
  return null;
}

/** Actions this actor may take on the appeal in its current state (what a UI shows, what a 409 lists). */
export function availableActions(appeal: AppealSnapshot, actor: Actor, table: readonly TransitionRule[] = tableFor(appeal.track)): AppealAction[] {
  return table.filter((r) => r.from.includes(appeal.status) && actingGrant(r, appeal, actor)).map((r) => r.action);
}

function missingInput(rule: TransitionRule, cmd: Command): string[] {
  return rule.requires.filter((field) => {
    const v = cmd.input[field];
    if (v === undefined || v === null) return true;
    if (typeof v === 'string') return v.trim() === '';
    if (field === 'reply') return !cmd.input.reply?.text?.trim();
    return false;
  });
}

/** The state a rule leads to; null when a merged appeal's master is in a state the rule does not allow. */
function targetState(rule: TransitionRule, appeal: AppealSnapshot): AppealStatus | null {
  if (rule.to === 'same') return appeal.status;
  if (rule.to === 'prior') return appeal.priorStatus ?? appeal.status;
  if (rule.to === 'master') return appeal.master && rule.alt?.includes(appeal.master.status) ? appeal.master.status : null;
  return rule.to;
}

/**
 * The one function that changes an appeal's state: exhaustive over the transition table.
 * Pure: the caller supplies the clock, the calendar and the policy, and persists the decision.
 */
export function decide(appeal: AppealSnapshot, cmd: Command, actor: Actor, ctx: DecideContext): DecideResult {
  const table = ctx.table ?? tableFor(appeal.track);
  const rule = findRule(cmd.action, appeal.status, table);
  if (!rule) return fail('ILLEGAL_TRANSITION', `${cmd.action} is not allowed in state ${appeal.status}`, { status: appeal.status, action: cmd.action, allowedActions: availableActions(appeal, actor, table) });
  const grant = actingGrant(rule, appeal, actor);
  if (!grant) return fail('FORBIDDEN', `no role of this user may ${cmd.action} this appeal`, { action: cmd.action, status: appeal.status, allowedActions: availableActions(appeal, actor, table) });
  const missing = missingInput(rule, cmd);
  if (missing.length) return fail('INVALID_TRANSITION_INPUT', `${cmd.action} needs ${missing.join(', ')}`, { missing });
  if (cmd.input.satisfaction !== undefined && !SATISFACTION_LEVELS.includes(cmd.input.satisfaction)) {
    return fail('INVALID_TRANSITION_INPUT', 'unknown satisfaction level', { field: 'satisfaction' });
  }
  // Each track answers in its own words: 已解决… on the hotline, 支持/解释/不予支持 for 信访, A–D for proposals.
  if (cmd.input.reply && !RESULTS_BY_TRACK[appeal.track].includes(cmd.input.reply.result)) {
    return fail('INVALID_TRANSITION_INPUT', `result ${cmd.input.reply.result} is not used on the ${appeal.track} track`, { field: 'reply.result', allowed: RESULTS_BY_TRACK[appeal.track] });
  }

  const to = targetState(rule, appeal);
  if (!to) return fail('ILLEGAL_TRANSITION', `a merged appeal cannot follow its master into ${appeal.master?.status ?? 'nothing'}`, { status: appeal.status, action: cmd.action, allowedActions: [] });
  const clocks = new ClockBook(appeal.clocks, ctx.calendar, ctx.now);
  const effects = applyEffects({ appeal, cmd, actor, grant, clocks, policy: ctx.policy, now: ctx.now, to, calendar: ctx.calendar });
  if (!effects.ok) return effects;
  return {
    ok: true,
    decision: {
      from: appeal.status,
      to,
      actorRole: grant.role,
      actorUnitId: grant.unitId,
      patch: effects.patch,
      event: { action: cmd.action, reason: cmd.input.reason?.trim() || null, payload: effects.payload, visibility: rule.visibility },
      clocks: clocks.result(),
      assign: effects.assign,
    },
  };
}
