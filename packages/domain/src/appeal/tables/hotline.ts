import type { AppealStatus } from '@minsheng/contracts';
import type { TransitionRule } from '../transitions';
import { coUnit, desk, supervisionOverlays, system, unit } from './roles';

const OPEN: readonly AppealStatus[] = ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback'];
const INTAKE: readonly AppealStatus[] = ['registered', 'accepted'];

/**
 * The transition table of the hotline track (DOMAIN.md §2). Nothing else changes a hotline appeal's status.
 * Row order is irrelevant; (action, from) pairs are unique.
 */
export const HOTLINE_TRANSITIONS: readonly TransitionRule[] = [
  // 受理 / 直接办结 / 转紧急 / 告知法定途径 / 不予受理 / 并单
  { action: 'accept', from: ['registered'], to: 'accepted', who: desk, requires: [], visibility: 'public' },
  { action: 'reclassify', from: INTAKE, to: 'same', who: desk, requires: ['categoryId'], visibility: 'internal' },
  { action: 'answer_directly', from: INTAKE, to: 'closed', who: desk, requires: ['answer'], visibility: 'public' },
  { action: 'refer_emergency', from: INTAKE, to: 'referred', who: desk, requires: ['line'], visibility: 'public' },
  { action: 'refer_legal', from: INTAKE, to: 'referred', who: desk, requires: ['route', 'reason'], visibility: 'public' },
  { action: 'reject', from: INTAKE, to: 'rejected', who: desk, requires: ['reason'], visibility: 'public' },
  { action: 'merge', from: INTAKE, to: 'merged', who: { dispatcher: 'owner' }, requires: ['masterId'], visibility: 'public' },
  { action: 'unmerge', from: ['merged'], to: 'accepted', who: { dispatcher: 'owner' }, requires: ['reason'], visibility: 'public' },
  { action: 'follow_master', from: ['merged'], to: 'master', alt: ['callback', 'closed', 'referred', 'rejected'], who: system, requires: [], visibility: 'public' },
  // 派单 / 二次派单 / 签收 / 先行联系 / 协办意见
  { action: 'dispatch', from: ['accepted'], to: 'dispatched', who: { dispatcher: 'owner' }, requires: ['leadUnitId'], visibility: 'public' },
  { action: 'sub_dispatch', from: ['dispatched', 'handling'], to: 'dispatched', who: { dispatcher: 'lead', unit_leader: 'lead' }, requires: ['leadUnitId'], visibility: 'internal' },
  { action: 'sign', from: ['dispatched'], to: 'handling', who: unit, requires: [], visibility: 'public' },
  { action: 'record_contact', from: ['handling'], to: 'same', who: unit, requires: [], visibility: 'public' },
  { action: 'co_opinion', from: ['dispatched', 'handling', 'suspended'], to: 'same', who: coUnit, requires: ['reason'], visibility: 'internal' },
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
  // Supervision overlays (催办 / 督办 / 督办回复 / 联席会议 / 超期通报) and internal notes never change the state.
  ...supervisionOverlays(OPEN),
  { action: 'note', from: [...INTAKE, ...OPEN, 'closed'], to: 'same',
    who: { agent: 'owner', dispatcher: 'owner', supervisor: 'owner', callback: 'owner', handler: 'assigned', unit_leader: 'assigned' },
    requires: ['reason'], visibility: 'internal' },
];
