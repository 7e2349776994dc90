import type { AppealAction, AppealStatus, Role } from '@minsheng/contracts';
import type { CommandInput } from './types';

/**
 * Whose unit the actor's grant must cover: the unit that owns the appeal (the receiving hotline centre),
 * the current lead unit, or any unit the appeal is assigned to (lead or co-unit).
 */
export type Target = 'owner' | 'lead' | 'assigned';

export type Required = keyof CommandInput;

export interface TransitionRule {
  action: AppealAction;
  from: readonly AppealStatus[];
  /** `same` keeps the state (overlays like urge); `prior` returns to the state saved when the detour began. */
  to: AppealStatus | 'same' | 'prior';
  who: Partial<Record<Role, Target>>;
  requires: readonly Required[];
  visibility: 'public' | 'internal';
}

const OPEN: readonly AppealStatus[] = ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback'];
const INTAKE: readonly AppealStatus[] = ['registered', 'accepted'];
const desk = { agent: 'owner', dispatcher: 'owner' } as const;
const unit = { handler: 'lead', unit_leader: 'lead' } as const;

/**
 * THE transition table of the hotline track (DOMAIN.md §2). Nothing else changes an appeal's status.
 * Row order is irrelevant; (action, from) pairs are unique.
 */
export const HOTLINE_TRANSITIONS: readonly TransitionRule[] = [
  // 受理 / 直接办结 / 转紧急 / 告知法定途径 / 不予受理 / 并单
  { action: 'accept', from: ['registered'], to: 'accepted', who: desk, requires: [], visibility: 'public' },
  { action: 'answer_directly', from: INTAKE, to: 'closed', who: desk, requires: ['answer'], visibility: 'public' },
  { action: 'refer_emergency', from: INTAKE, to: 'referred', who: desk, requires: ['line'], visibility: 'public' },
  { action: 'refer_legal', from: INTAKE, to: 'referred', who: desk, requires: ['route', 'reason'], visibility: 'public' },
  { action: 'reject', from: INTAKE, to: 'rejected', who: desk, requires: ['reason'], visibility: 'public' },
  { action: 'merge', from: INTAKE, to: 'merged', who: { dispatcher: 'owner' }, requires: ['masterId'], visibility: 'public' },
  // 派单 / 二次派单 / 签收 / 先行联系
  { action: 'dispatch', from: ['accepted'], to: 'dispatched', who: { dispatcher: 'owner' }, requires: ['leadUnitId'], visibility: 'public' },
  { action: 'sub_dispatch', from: ['dispatched', 'handling'], to: 'dispatched', who: { dispatcher: 'lead', unit_leader: 'lead' }, requires: ['leadUnitId'], visibility: 'internal' },
  { action: 'sign', from: ['dispatched'], to: 'handling', who: unit, requires: [], visibility: 'public' },
  { action: 'record_contact', from: ['handling'], to: 'same', who: unit, requires: [], visibility: 'public' },
  // 退单
  { action: 'request_return', from: ['dispatched', 'handling'], to: 'return_requested', who: unit, requires: ['reason'], visibility: 'internal' },
  { action: 'approve_return', from: ['return_requested'], to: 'accepted', who: { dispatcher: 'owner' }, requires: [], visibility: 'internal' },
  { action: 'reject_return', from: ['return_requested'], to: 'prior', who: { dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  // 延期
  { action: 'request_extension', from: ['handling'], to: 'same', who: unit, requires: ['days', 'reason'], visibility: 'internal' },
  { action: 'approve_extension', from: ['handling'], to: 'same', who: { unit_leader: 'lead', dispatcher: 'owner' }, requires: [], visibility: 'public' },
  { action: 'reject_extension', from: ['handling'], to: 'same', who: { unit_leader: 'lead', dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  // 挂起 / 提级
  { action: 'suspend', from: ['handling'], to: 'suspended', who: unit, requires: ['reason'], visibility: 'public' },
  { action: 'resume', from: ['suspended'], to: 'handling', who: unit, requires: [], visibility: 'public' },
  { action: 'escalate', from: ['dispatched', 'handling', 'suspended'], to: 'same', who: { ...unit, supervisor: 'owner', dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  // 答复 / 审核
  { action: 'reply', from: ['handling'], to: 'reply_review', who: unit, requires: ['reply'], visibility: 'internal' },
  { action: 'approve_reply', from: ['reply_review'], to: 'callback', who: { unit_leader: 'lead' }, requires: [], visibility: 'public' },
  { action: 'send_back', from: ['reply_review'], to: 'handling', who: { unit_leader: 'lead' }, requires: ['reason'], visibility: 'internal' },
  // 申请办结 (out of scope / unreasonable), reviewed by the hotline centre
  { action: 'apply_closure', from: ['handling'], to: 'closure_review', who: unit, requires: ['reason'], visibility: 'internal' },
  { action: 'approve_closure', from: ['closure_review'], to: 'closed', who: { dispatcher: 'owner', supervisor: 'owner' }, requires: [], visibility: 'public' },
  { action: 'reject_closure', from: ['closure_review'], to: 'handling', who: { dispatcher: 'owner', supervisor: 'owner' }, requires: ['reason'], visibility: 'internal' },
  // 回访 / 办结 / 重办 / 重新打开
  { action: 'callback', from: ['callback'], to: 'same', who: { callback: 'owner' }, requires: ['satisfaction', 'contacted', 'solved'], visibility: 'internal' },
  { action: 'close', from: ['callback'], to: 'closed', who: { callback: 'owner', dispatcher: 'owner' }, requires: [], visibility: 'public' },
  { action: 'redo', from: ['callback'], to: 'handling', who: { callback: 'owner', supervisor: 'owner', dispatcher: 'owner' }, requires: ['reason'], visibility: 'public' },
  { action: 'reopen', from: ['closed'], to: 'accepted', who: { dispatcher: 'owner', supervisor: 'owner' }, requires: ['reason'], visibility: 'public' },
  // Supervision overlays (催办 / 督办) and internal notes never change the state.
  { action: 'urge', from: OPEN, to: 'same', who: { supervisor: 'owner', dispatcher: 'owner' }, requires: [], visibility: 'internal' },
  { action: 'supervise', from: OPEN, to: 'same', who: { supervisor: 'owner' }, requires: ['reason'], visibility: 'internal' },
  { action: 'note', from: [...INTAKE, ...OPEN, 'closed'], to: 'same',
    who: { agent: 'owner', dispatcher: 'owner', supervisor: 'owner', callback: 'owner', handler: 'assigned', unit_leader: 'assigned' },
    requires: ['reason'], visibility: 'internal' },
];

/** The rule for an action in a state, or undefined when the action is illegal there. */
export function findRule(action: AppealAction, status: AppealStatus, table: readonly TransitionRule[] = HOTLINE_TRANSITIONS): TransitionRule | undefined {
  return table.find((r) => r.action === action && r.from.includes(status));
}

/** Actions legal in a state, for UIs that show only the buttons that can work. */
export function actionsFrom(status: AppealStatus, table: readonly TransitionRule[] = HOTLINE_TRANSITIONS): AppealAction[] {
  return table.filter((r) => r.from.includes(status)).map((r) => r.action);
}

