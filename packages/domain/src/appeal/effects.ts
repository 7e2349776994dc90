import type { ErrorCode } from '@minsheng/contracts';
import { isUnitWithin } from '../access/appeal-access';
import type { PolicyClocks } from '../deadlines/policy';
import type { ClockBook } from './clock-ops';
import type { Actor, AppealSnapshot, Command, Decision, Grant } from './types';

interface EffectArgs {
  appeal: AppealSnapshot; cmd: Command; actor: Actor; grant: Grant; clocks: ClockBook; policy: PolicyClocks; now: Date;
}
type Effects =
  | { ok: true; patch: Decision['patch']; payload: Record<string, unknown>; assign: Decision['assign'] }
  | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };

const done = (patch: Decision['patch'] = {}, payload: Record<string, unknown> = {}, assign: Decision['assign'] = null): Effects => ({ ok: true, patch, payload, assign });
const bad = (code: ErrorCode, message: string, details?: Record<string, unknown>): Effects => (details ? { ok: false, code, message, details } : { ok: false, code, message });

/** Receiving units must exist (the caller put their paths in) and must not sit inside the accused unit. */
function checkReceivers(appeal: AppealSnapshot, ids: readonly string[]): Effects | null {
  for (const id of ids) {
    if (!appeal.unitPaths[id]) return bad('UNKNOWN_UNIT', 'unknown unit', { unitId: id });
    if (appeal.accusedUnitId && isUnitWithin(id, appeal.accusedUnitId, appeal.unitPaths)) return bad('ACCUSED_UNIT', 'the accused unit may not receive this appeal');
  }
  if (new Set(ids).size !== ids.length) return bad('INVALID_TRANSITION_INPUT', 'a unit is listed twice', { field: 'coUnitIds' });
  return null;
}

/** What each action does beyond the state change: clocks, counters, records. Exhaustive over actions. */
export function applyEffects({ appeal, cmd, actor, grant, clocks, policy, now }: EffectArgs): Effects {
  const input = cmd.input;
  const at = now.toISOString();
  switch (cmd.action) {
    case 'accept':
    case 'note':
      return done();
    case 'answer_directly':
      return done({ outcome: { type: 'answered_directly', answer: input.answer }, closedAt: now }, { answer: input.answer });
    case 'refer_emergency':
      return done({ outcome: { type: 'referred_emergency', line: input.line } }, { line: input.line });
    case 'refer_legal':
      return done({ outcome: { type: 'referred_legal', route: input.route } }, { route: input.route });
    case 'reject':
      return done({ outcome: { type: 'rejected' } });
    case 'merge':
      if (input.masterId === appeal.id) return bad('INVALID_TRANSITION_INPUT', 'an appeal cannot be merged into itself', { field: 'masterId' });
      return done({ outcome: { type: 'merged', masterId: input.masterId } }, { masterId: input.masterId });
    case 'dispatch': {
      const lead = input.leadUnitId!;
      const co = input.coUnitIds ?? [];
      const problem = checkReceivers(appeal, [lead, ...co]);
      if (problem) return problem;
      clocks.start('sign_for', policy.sign_for);
      return done({ leadUnitId: lead, coUnitIds: co, unitsPassed: appeal.unitsPassed + 1 }, { leadUnitId: lead, coUnitIds: co },
        { units: [{ unitId: lead, role: 'lead' }, ...co.map((unitId) => ({ unitId, role: 'co' as const }))], endPrevious: true });
    }
    case 'sub_dispatch': {
      const lead = input.leadUnitId!;
      const problem = checkReceivers(appeal, [lead]);
      if (problem) return problem;
      // 二次派单 goes down the tree only: to a unit strictly below the current lead unit (and the actor's own).
      const current = appeal.leadUnitId;
      if (!current || lead === current || !isUnitWithin(lead, current, appeal.unitPaths) || !isUnitWithin(lead, grant.unitId, appeal.unitPaths)) {
        return bad('INVALID_TRANSITION_INPUT', 'sub-dispatch goes to a unit below the current lead unit', { field: 'leadUnitId' });
      }
      clocks.start('sign_for', policy.sign_for);
      return done({ leadUnitId: lead, unitsPassed: appeal.unitsPassed + 1 }, { leadUnitId: lead, fromUnitId: appeal.leadUnitId },
        { units: [{ unitId: lead, role: 'lead' }], endPrevious: false });
    }
    case 'sign':
      clocks.stop('sign_for');
      clocks.startIfIdle('first_contact', policy.first_contact);
      clocks.startIfIdle('handling', policy.handling);
      return done();
    case 'record_contact':
      clocks.stop('first_contact');
      return done({}, { contactedAt: at });
    case 'request_return':
      return done({ priorStatus: appeal.status }, { unitId: appeal.leadUnitId });
    case 'approve_return':
      clocks.stopAll();
      return done({ leadUnitId: null, coUnitIds: [], priorStatus: null, pending: null, returnCount: appeal.returnCount + 1 }, { unitId: appeal.leadUnitId },
        { units: [], endPrevious: true });
    case 'reject_return':
      return done({ priorStatus: null });
    case 'request_extension': {
      if (appeal.pending) return bad('INVALID_TRANSITION_INPUT', 'an extension request is already pending', { field: 'days' });
      const days = input.days!;
      if (!Number.isInteger(days) || days < 1 || days > policy.extensionMax.amount) {
        return bad('INVALID_TRANSITION_INPUT', `days must be a whole number from 1 to ${policy.extensionMax.amount}`, { field: 'days', max: policy.extensionMax.amount });
      }
      return done({ pending: { type: 'extension', days, reason: input.reason!.trim(), requestedBy: actor.userId, requestedAt: at } }, { days });
    }
    case 'approve_extension': {
      if (!appeal.pending) return bad('INVALID_TRANSITION_INPUT', 'no extension request is pending');
      clocks.extend('handling', { amount: appeal.pending.days, unit: policy.extensionMax.unit });
      return done({ pending: null }, { days: appeal.pending.days, dueAt: clocks.get('handling')?.dueAt.toISOString() });
    }
    case 'reject_extension':
      if (!appeal.pending) return bad('INVALID_TRANSITION_INPUT', 'no extension request is pending');
      return done({ pending: null });
    case 'suspend':
      clocks.pauseAll();
      return done({ priorStatus: appeal.status });
    case 'resume':
      clocks.resumeAll();
      return done({ priorStatus: null });
    case 'escalate':
      return done({ escalated: true });
    case 'reply': {
      const reply = { text: input.reply!.text.trim(), result: input.reply!.result, by: actor.userId, at };
      clocks.stop('handling');
      clocks.stop('first_contact');
      // A pending extension request dies with the reply: there is nothing left to extend.
      return done({ reply, pending: null }, { result: reply.result });
    }
    case 'approve_reply':
      clocks.start('callback', policy.callback);
      return done({}, { reply: appeal.reply?.text ?? null, result: appeal.reply?.result ?? null });
    case 'send_back':
    case 'reject_closure':
      clocks.reopen('handling');
      return done();
    case 'apply_closure':
      clocks.stop('handling');
      clocks.stop('first_contact');
      return done({ pending: null }, { explanation: input.reason });
    case 'approve_closure':
      clocks.stopAll();
      return done({ outcome: { type: 'closure_approved' }, closedAt: now });
    case 'callback': {
      const record = { satisfaction: input.satisfaction!, contacted: input.contacted!, solved: input.solved!, comment: input.comment?.trim() || null, by: actor.userId, at };
      return done({ callback: record }, { satisfaction: record.satisfaction, contacted: record.contacted, solved: record.solved });
    }
    case 'close': {
      if (!appeal.callback) return bad('INVALID_TRANSITION_INPUT', 'record the callback before closing', { missing: ['callback'] });
      const dissatisfied = appeal.callback.satisfaction === 'dissatisfied' || appeal.callback.satisfaction === 'very_dissatisfied';
      // Closing over a dissatisfied citizen is a review decision (复核: reasonable explanation given) and needs a reason.
      if (dissatisfied && !input.reason?.trim()) return bad('INVALID_TRANSITION_INPUT', 'closing a dissatisfied callback needs a review reason', { missing: ['reason'] });
      clocks.stop('callback');
      return done({ outcome: { type: dissatisfied ? 'closed_after_review' : 'closed' }, closedAt: now });
    }
    case 'redo':
      clocks.stop('callback');
      clocks.start('handling', policy.redo);
      return done({ redoCount: appeal.redoCount + 1, reply: null, callback: null, pending: null }, { redoCount: appeal.redoCount + 1 });
    case 'reopen':
      clocks.stopAll();
      return done({ leadUnitId: null, coUnitIds: [], closedAt: null, outcome: { type: 'reopened' }, reply: null, callback: null, pending: null }, {}, { units: [], endPrevious: true });
    case 'urge':
      return done({ urgeCount: appeal.urgeCount + 1 });
    case 'supervise':
      return done({}, { notice: true });
    default: {
      const unreachable: never = cmd.action;
      return bad('ILLEGAL_TRANSITION', `unknown action ${String(unreachable)}`);
    }
  }
}
