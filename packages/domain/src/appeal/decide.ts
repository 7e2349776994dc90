import type { AppealAction, AppealStatus, Role } from '@minsheng/contracts';
import { SATISFACTION_LEVELS } from '@minsheng/contracts';
import type { WorkCalendar } from '../calendar';
import type { PolicyClocks } from '../deadlines/policy';
import { isAccusedSide, isUnitWithin } from '../access/appeal-access';
import { ClockBook } from './clock-ops';
import { applyEffects } from './effects';
import { findRule, HOTLINE_TRANSITIONS } from './transitions';
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
export function availableActions(appeal: AppealSnapshot, actor: Actor, table: readonly TransitionRule[] = HOTLINE_TRANSITIONS): AppealAction[] {
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

/**
 * The one function that changes an appeal's state: exhaustive over the transition table.
 * Pure: the caller supplies the clock, the calendar and the policy, and persists the decision.
 */
export function decide(appeal: AppealSnapshot, cmd: Command, actor: Actor, ctx: DecideContext): DecideResult {
  const table = ctx.table ?? HOTLINE_TRANSITIONS;
  const rule = findRule(cmd.action, appeal.status, table);
  if (!rule) return fail('ILLEGAL_TRANSITION', `${cmd.action} is not allowed in state ${appeal.status}`, { status: appeal.status, action: cmd.action, allowedActions: availableActions(appeal, actor, table) });
  const grant = actingGrant(rule, appeal, actor);
  if (!grant) return fail('FORBIDDEN', `no role of this user may ${cmd.action} this appeal`, { action: cmd.action, status: appeal.status, allowedActions: availableActions(appeal, actor, table) });
  const missing = missingInput(rule, cmd);
  if (missing.length) return fail('INVALID_TRANSITION_INPUT', `${cmd.action} needs ${missing.join(', ')}`, { missing });
  if (cmd.input.satisfaction !== undefined && !SATISFACTION_LEVELS.includes(cmd.input.satisfaction)) {
    return fail('INVALID_TRANSITION_INPUT', 'unknown satisfaction level', { field: 'satisfaction' });
  }

  const to: AppealStatus = rule.to === 'same' ? appeal.status : rule.to === 'prior' ? (appeal.priorStatus ?? appeal.status) : rule.to;
  const clocks = new ClockBook(appeal.clocks, ctx.calendar, ctx.now);
  const effects = applyEffects({ appeal, cmd, actor, grant, clocks, policy: ctx.policy, now: ctx.now });
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
