import type { AppealStatus, ErrorCode } from '@minsheng/contracts';
import { isUnitWithin } from '../access/appeal-access';
import type { WorkCalendar } from '../calendar';
import type { PolicyClocks } from '../deadlines/policy';
import type { ClockBook } from './clock-ops';
import type { Actor, AppealSnapshot, Command, Decision, Grant } from './types';

interface EffectArgs {
  appeal: AppealSnapshot; cmd: Command; actor: Actor; grant: Grant; clocks: ClockBook; policy: PolicyClocks; now: Date;
  /** The state the rule leads to (for `follow_master`, the master's). */
  to: AppealStatus; calendar: WorkCalendar;
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
export function applyEffects(args: EffectArgs): Effects {
  const { appeal, cmd, actor, grant, clocks, policy, now } = args;
  const input = cmd.input;
  const at = now.toISOString();
  switch (cmd.action) {
    case 'note':
      return done();
    case 'accept':
      // 信访: the competent body accepts and tells the petitioner in writing (受理告知); the 60 days start now.
      if (appeal.track === 'petition') {
        clocks.stop('acceptance');
        clocks.start('handling', policy.handling);
        return done({}, { acceptanceNotice: true });
      }
      return done();
    case 'reclassify':
      // 更正分类 before dispatch: the routing proposal follows the category, so the dispatcher fixes it first.
      if (input.categoryId === appeal.categoryId) return bad('INVALID_TRANSITION_INPUT', 'the appeal already has this category', { field: 'categoryId' });
      return done({ categoryId: input.categoryId!, outcome: { type: 'reclassified', from: appeal.categoryId ?? null, to: input.categoryId } }, { fromCategoryId: appeal.categoryId ?? null, categoryId: input.categoryId });
    case 'co_opinion':
      return coOpinion(args);
    // Outcomes that end the appeal at intake or triage: no clock may keep running (信访's triage/acceptance clocks do).
    case 'answer_directly':
      clocks.stopAll();
      return done({ outcome: { type: 'answered_directly', answer: input.answer }, closedAt: now }, { answer: input.answer });
    case 'refer_emergency':
      clocks.stopAll();
      return done({ outcome: { type: 'referred_emergency', line: input.line } }, { line: input.line });
    case 'refer_legal':
      clocks.stopAll();
      return done({ outcome: { type: 'referred_legal', route: input.route } }, { route: input.route });
    case 'reject':
      clocks.stopAll();
      return done({ outcome: { type: 'rejected' } });
    case 'merge':
      if (input.masterId === appeal.id) return bad('INVALID_TRANSITION_INPUT', 'an appeal cannot be merged into itself', { field: 'masterId' });
      clocks.stopAll();
      return done({ outcome: { type: 'merged', masterId: input.masterId }, masterId: input.masterId! }, { masterId: input.masterId });
    case 'unmerge':
      // 取消并单 is possible only until the master has been replied; afterwards the merged citizens share its answer.
      if (appeal.master && !BEFORE_REPLY.includes(appeal.master.status)) return bad('MASTER_REPLIED', 'the master appeal has been replied', { masterStatus: appeal.master.status });
      restartTriage(args);
      return done({ outcome: { type: 'unmerged', masterId: appeal.master?.id ?? null }, masterId: null }, { masterId: appeal.master?.id ?? null });
    case 'follow_master':
      return followMaster(args);
    case 'dispatch': {
      const lead = input.leadUnitId!;
      const co = input.coUnitIds ?? [];
      const problem = checkReceivers(appeal, [lead, ...co]);
      if (problem) return problem;
      startDispatchClocks(args, co.length > 0);
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
      restartTriage(args);
      // The next unit starts afresh, with the whole extension allowance.
      return done({ leadUnitId: null, coUnitIds: [], priorStatus: null, pending: null, extendedDays: 0, returnCount: appeal.returnCount + 1 }, { unitId: appeal.leadUnitId },
        { units: [], endPrevious: true });
    case 'reject_return':
      return done({ priorStatus: null });
    case 'request_extension': {
      if (appeal.pending) return bad('INVALID_TRANSITION_INPUT', 'an extension request is already pending', { field: 'days' });
      const days = input.days!;
      // All approved extensions together stay within the policy's maximum (信访: ≤ 30 days; 投诉: 10 + 5 working days).
      const left = policy.extensionMax.amount - appeal.extendedDays;
      if (!Number.isInteger(days) || days < 1 || days > left) {
        return bad('INVALID_TRANSITION_INPUT', `days must be a whole number from 1 to ${left}`, { field: 'days', max: left });
      }
      return done({ pending: { type: 'extension', days, reason: input.reason!.trim(), requestedBy: actor.userId, requestedAt: at } }, { days });
    }
    case 'approve_extension': {
      if (!appeal.pending) return bad('INVALID_TRANSITION_INPUT', 'no extension request is pending');
      clocks.extend('handling', { amount: appeal.pending.days, unit: policy.extensionMax.unit });
      // The reason goes out with the public event: 信访 requires it to be told to the petitioner.
      return done({ pending: null, extendedDays: appeal.extendedDays + appeal.pending.days }, { days: appeal.pending.days, reason: appeal.pending.reason, dueAt: clocks.get('handling')?.dueAt.toISOString() });
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
      return escalate(args);
    case 'reply': {
      const reply = { text: input.reply!.text.trim(), result: input.reply!.result, by: actor.userId, at };
      clocks.stop('handling');
      clocks.stop('first_contact');
      clocks.stop('co_opinion'); // the lead has answered: opinions that never came are no longer awaited
      // A pending extension request dies with the reply: there is nothing left to extend.
      return done({ reply, pending: null }, { result: reply.result });
    }
    case 'approve_reply':
      startAfterReplyClocks(args);
      return done({}, { reply: appeal.reply?.text ?? null, result: appeal.reply?.result ?? null });
    case 'request_review':
    case 'request_rereview':
      return requestReview(args);
    case 'decide_review':
    case 'decide_rereview': {
      const reply = { text: input.reply!.text.trim(), result: input.reply!.result, by: actor.userId, at };
      clocks.stop('review');
      if (cmd.action === 'decide_review') {
        clocks.start('review_window', policy.review_window);
        return done({ reply, callback: null }, { result: reply.result, reply: reply.text });
      }
      // 复核 is final: the same facts and reasons are not accepted again.
      return done({ reply, outcome: { type: 'rereview_final', final: true }, closedAt: now }, { result: reply.result, reply: reply.text, final: true });
    }
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
      clocks.stop('feedback');
      const record = { satisfaction: input.satisfaction!, contacted: input.contacted!, solved: input.solved!, comment: input.comment?.trim() || null, by: actor.userId, at };
      return done({ callback: record }, { satisfaction: record.satisfaction, contacted: record.contacted, solved: record.solved });
    }
    case 'close': {
      if (appeal.track !== 'hotline') return closeAfterAnswer(args);
      if (!appeal.callback) return bad('INVALID_TRANSITION_INPUT', 'record the callback before closing', { missing: ['callback'] });
      const dissatisfied = appeal.callback.satisfaction === 'dissatisfied' || appeal.callback.satisfaction === 'very_dissatisfied';
      // Closing over a dissatisfied citizen is a review decision (复核: reasonable explanation given) and needs a reason.
      if (dissatisfied && !input.reason?.trim()) return bad('INVALID_TRANSITION_INPUT', 'closing a dissatisfied callback needs a review reason', { missing: ['reason'] });
      clocks.stop('callback');
      return done({ outcome: { type: dissatisfied ? 'closed_after_review' : 'closed' }, closedAt: now });
    }
    case 'redo':
      // A follower whose master's units may not see it (they are the accused) has nobody to redo it: dispatch it again.
      if (!appeal.leadUnitId) return bad('INVALID_TRANSITION_INPUT', 'the appeal has no unit to redo it; reopen and dispatch it', { missing: ['leadUnitId'] });
      clocks.stop('callback');
      clocks.stop('feedback');
      clocks.start('handling', policy.redo);
      return done({ redoCount: appeal.redoCount + 1, reply: null, callback: null, pending: null, extendedDays: 0 }, { redoCount: appeal.redoCount + 1 });
    case 'reopen':
      clocks.stopAll();
      return done({ leadUnitId: null, coUnitIds: [], closedAt: null, outcome: { type: 'reopened' }, reply: null, callback: null, pending: null, extendedDays: 0 }, {}, { units: [], endPrevious: true });
    case 'urge':
      return done({ urgeCount: appeal.urgeCount + 1 });
    case 'supervise': {
      // 督办 asks for a written answer by a date: the supervisor's, or the policy's default.
      // Days count the way the track counts them (working days on the hotline, calendar days for 信访).
      const replyBy = input.days ? args.calendar.addDuration(now, input.days, policy.supervision_reply?.unit ?? 'working_days') : policy.supervision_reply ? args.calendar.addDuration(now, policy.supervision_reply.amount, policy.supervision_reply.unit) : null;
      return done({}, { notice: true, replyBy: replyBy?.toISOString() ?? null, unitId: appeal.leadUnitId });
    }
    case 'answer_supervision':
      return done({}, { answer: input.reason });
    case 'joint_meeting':
      return jointMeeting(args);
    case 'flag_bulletin':
      return done({}, { bulletin: true });
    default: {
      const unreachable: never = cmd.action;
      return bad('ILLEGAL_TRANSITION', `unknown action ${String(unreachable)}`);
    }
  }
}

/** States of a master before its reply: while it is in one of them a merge can still be undone. */
const BEFORE_REPLY: readonly AppealStatus[] = ['registered', 'accepted', 'dispatched', 'handling', 'suspended', 'return_requested'];

/** Clocks a dispatch starts: sign-for (hotline), acceptance (信访), handling and co-unit opinions (proposals). */
function startDispatchClocks({ appeal, clocks, policy, cmd }: EffectArgs, hasCoUnits: boolean): void {
  if (appeal.track === 'petition') {
    clocks.stop('triage');
    clocks.start('acceptance', policy.acceptance);
  } else if (appeal.track === 'proposal') {
    clocks.start('handling', cmd.input.complex ? (policy.handling_complex ?? policy.handling) : policy.handling);
    if (hasCoUnits) clocks.start('co_opinion', policy.co_opinion);
  } else {
    clocks.start('sign_for', policy.sign_for);
  }
}

/** After an approved reply: the callback (hotline), the 复查 request window (信访) or the deputy's feedback (proposals). */
function startAfterReplyClocks({ appeal, clocks, policy }: EffectArgs): void {
  if (appeal.track === 'petition') clocks.start('review_window', policy.review_window);
  else if (appeal.track === 'proposal') clocks.start('feedback', policy.feedback);
  else clocks.start('callback', policy.callback);
}

/** 协办意见: a co-unit's opinion reaches the lead; once every co-unit has sent one, the opinion clock stops. */
function coOpinion({ appeal, cmd, actor, grant, clocks, now }: EffectArgs): Effects {
  const unitId = appeal.coUnitIds.find((u) => isUnitWithin(u, grant.unitId, appeal.unitPaths));
  if (!unitId) return bad('FORBIDDEN', 'only a co-unit gives a co-unit opinion');
  const opinion = { unitId, text: cmd.input.reason!.trim(), by: actor.userId, at: now.toISOString() };
  const opinions = [...appeal.coOpinions.filter((o) => o.unitId !== unitId), opinion];
  if (appeal.coUnitIds.every((u) => opinions.some((o) => o.unitId === u))) clocks.stop('co_opinion');
  return done({ coOpinions: opinions }, { unitId, opinion: opinion.text });
}

/** 提级: flagged for escalation; with an upper unit named, that unit takes the lead and the former lead assists. */
function escalate({ appeal, cmd }: EffectArgs): Effects {
  const upper = cmd.input.leadUnitId;
  if (!upper) return done({ escalated: true });
  const current = appeal.leadUnitId;
  if (!current || upper === current || !isUnitWithin(current, upper, appeal.unitPaths)) {
    return bad('INVALID_TRANSITION_INPUT', 'escalation goes to a unit above the current lead unit', { field: 'leadUnitId' });
  }
  const problem = checkReceivers(appeal, [upper]);
  if (problem) return problem;
  const co = [...new Set([...appeal.coUnitIds.filter((u) => u !== upper), current])];
  return done({ escalated: true, leadUnitId: upper, coUnitIds: co }, { toUnitId: upper, fromUnitId: current },
    { units: [{ unitId: upper, role: 'lead' }, { unitId: current, role: 'co' }], endPrevious: false });
}

/** 联席会议: the meeting's decisions are recorded; when it names a lead unit, that unit takes the appeal over. */
function jointMeeting({ appeal, cmd }: EffectArgs): Effects {
  const lead = cmd.input.leadUnitId;
  const payload = { meetingId: cmd.input.meetingId, decisions: cmd.input.reason, leadUnitId: lead ?? null };
  if (!lead || lead === appeal.leadUnitId) return done({}, payload);
  const co = (cmd.input.coUnitIds ?? appeal.coUnitIds).filter((u) => u !== lead);
  const problem = checkReceivers(appeal, [lead, ...co]);
  if (problem) return problem;
  return done({ leadUnitId: lead, coUnitIds: co, unitsPassed: appeal.unitsPassed + 1 }, { ...payload, coUnitIds: co },
    { units: [{ unitId: lead, role: 'lead' }, ...co.map((unitId) => ({ unitId, role: 'co' as const }))], endPrevious: true });
}

/** 复查 / 复核 申请: only inside the 30-day window after the reply or review; the next body up decides. */
function requestReview({ appeal, cmd, clocks, policy }: EffectArgs): Effects {
  if (!clocks.get('review_window') || clocks.expired('review_window')) {
    return bad('WINDOW_CLOSED', `the time to ask for ${cmd.action === 'request_review' ? '复查' : '复核'} has passed`, { clock: 'review_window' });
  }
  const body = cmd.input.leadUnitId!;
  if (body === appeal.leadUnitId) return bad('INVALID_TRANSITION_INPUT', 'the review is decided by another body than the one that decided before', { field: 'leadUnitId' });
  const problem = checkReceivers(appeal, [body]);
  if (problem) return problem;
  clocks.stop('review_window');
  clocks.start('review', policy.review);
  return done({ leadUnitId: body, coUnitIds: [], callback: null }, { leadUnitId: body, stage: cmd.action === 'request_review' ? 'review' : 'rereview' },
    { units: [{ unitId: body, role: 'lead' }], endPrevious: true });
}

/** Closing a 信访 or proposal answer: a dissatisfied rating needs a reason (as on the hotline). */
function closeAfterAnswer({ appeal, cmd, clocks, now }: EffectArgs): Effects {
  const rating = appeal.callback?.satisfaction;
  if ((rating === 'dissatisfied' || rating === 'very_dissatisfied') && !cmd.input.reason?.trim()) {
    return bad('INVALID_TRANSITION_INPUT', 'closing over a dissatisfied rating needs a reason', { missing: ['reason'] });
  }
  clocks.stopAll();
  return done({ outcome: { type: 'closed' }, closedAt: now });
}

/** 并单: a merged appeal takes its master's state and reply; each citizen then gets their own callback or answer. */
function followMaster({ appeal, clocks, policy, now, to }: EffectArgs): Effects {
  const master = appeal.master!;
  const reply = master.reply ? { ...master.reply } : null;
  clocks.stopAll();
  if (to === 'callback') clocks.start('callback', policy.callback);
  if (to === 'answered') startAfterReplyClocks({ appeal, clocks, policy } as EffectArgs);
  const closed = to === 'closed' || to === 'referred' || to === 'rejected';
  // The master's units answered for the whole group: a follower's redo goes back to them, and they may read it —
  // unless a unit is the one the follower accuses (信访工作条例 art. 30): it never receives the report.
  const allowed = (u: string | null) => u !== null && !(appeal.accusedUnitId && isUnitWithin(u, appeal.accusedUnitId, appeal.unitPaths));
  const lead = allowed(master.leadUnitId) ? master.leadUnitId : null;
  const co = lead ? master.coUnitIds.filter((u) => u !== lead && allowed(u)) : [];
  const assign = lead ? { units: [{ unitId: lead, role: 'lead' as const }, ...co.map((unitId) => ({ unitId, role: 'co' as const }))], endPrevious: true } : null;
  return done({ reply, leadUnitId: lead, coUnitIds: co, outcome: { type: 'followed_master', masterId: master.id, masterStatus: master.status }, ...(closed ? { closedAt: now } : {}) },
    { masterId: master.id, result: reply?.result ?? null, leadUnitId: lead }, assign);
}

/** 信访: a petition back with the 信访 office (return approved, merge undone) has 15 days again to be triaged. */
function restartTriage({ appeal, clocks, policy }: EffectArgs): void {
  if (appeal.track === 'petition') clocks.start('triage', policy.triage);
}
