import type { AppealStatus } from '@minsheng/contracts';
import type { TransitionRule } from '../transitions';
import { coUnit, desk, supervisionOverlays, system, unit } from './roles';

/** States in which a competent body or a reviewing body holds the petition. */
const OPEN: readonly AppealStatus[] = ['dispatched', 'handling', 'return_requested', 'reply_review', 'under_review', 'under_rereview'];
/** After a written reply or review decision, while the petitioner may still ask for the next level. */
const DECIDED: readonly AppealStatus[] = ['answered', 'reviewed'];
const bodyHead = { unit_leader: 'lead' } as const;
const closer = { dispatcher: 'owner', callback: 'owner', ...system } as const;

/**
 * The transition table of the petition track (信访, DOMAIN.md §3; 信访工作条例 2022). The 信访 office (owner)
 * triages within 15 days (转送/交办 to the competent body, or 告知 the legal route); the body accepts within 15 days
 * with a written notice, handles within 60 days (+ ≤ 30 approved by its head), replies 支持/解释/不予支持; the petitioner
 * may ask for 复查 and then 复核 within 30 days each, decided within 30 days; after 复核 the matter is final.
 */
export const PETITION_TRANSITIONS: readonly TransitionRule[] = [
  // 登记 → 转送/交办, 告知 (legal route), 不予受理, 并案
  { action: 'dispatch', from: ['registered'], to: 'dispatched', who: { dispatcher: 'owner' }, requires: ['leadUnitId'], visibility: 'public' },
  { action: 'refer_legal', from: ['registered'], to: 'referred', who: desk, requires: ['route', 'reason'], visibility: 'public' },
  { action: 'reject', from: ['registered'], to: 'rejected', who: desk, requires: ['reason'], visibility: 'public' },
  { action: 'merge', from: ['registered'], to: 'merged', who: { dispatcher: 'owner' }, requires: ['masterId'], visibility: 'public' },
  { action: 'unmerge', from: ['merged'], to: 'registered', who: { dispatcher: 'owner' }, requires: ['reason'], visibility: 'public' },
  { action: 'follow_master', from: ['merged'], to: 'master', alt: ['answered', 'closed', 'referred', 'rejected'], who: system, requires: [], visibility: 'public' },
  // 有权处理机关: 受理告知 / 不予受理 / 告知法定途径 / 退回
  { action: 'accept', from: ['dispatched'], to: 'handling', who: unit, requires: [], visibility: 'public' },
  { action: 'reject', from: ['dispatched'], to: 'rejected', who: unit, requires: ['reason'], visibility: 'public' },
  { action: 'refer_legal', from: ['dispatched'], to: 'referred', who: unit, requires: ['route', 'reason'], visibility: 'public' },
  { action: 'request_return', from: ['dispatched'], to: 'return_requested', who: unit, requires: ['reason'], visibility: 'internal' },
  { action: 'approve_return', from: ['return_requested'], to: 'registered', who: { dispatcher: 'owner' }, requires: [], visibility: 'internal' },
  { action: 'reject_return', from: ['return_requested'], to: 'prior', who: { dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  // 办理: 延期 (approved by the body's head, reason told to the petitioner), 协办意见, 提级
  { action: 'co_opinion', from: ['handling'], to: 'same', who: coUnit, requires: ['reason'], visibility: 'internal' },
  { action: 'request_extension', from: ['handling'], to: 'same', who: unit, requires: ['days', 'reason'], visibility: 'internal' },
  { action: 'approve_extension', from: ['handling'], to: 'same', who: bodyHead, requires: [], visibility: 'public' },
  { action: 'reject_extension', from: ['handling'], to: 'same', who: bodyHead, requires: ['reason'], visibility: 'internal' },
  { action: 'escalate', from: ['handling'], to: 'same', who: { ...unit, supervisor: 'owner', dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  // 书面答复 (支持 / 解释 / 不予支持), signed off by the body's head
  { action: 'reply', from: ['handling'], to: 'reply_review', who: unit, requires: ['reply'], visibility: 'internal' },
  { action: 'approve_reply', from: ['reply_review'], to: 'answered', who: bodyHead, requires: [], visibility: 'public' },
  { action: 'send_back', from: ['reply_review'], to: 'handling', who: bodyHead, requires: ['reason'], visibility: 'internal' },
  // 复查 / 复核: requested through the 信访 office within the window, decided by the next body up
  { action: 'request_review', from: ['answered'], to: 'under_review', who: desk, requires: ['leadUnitId', 'reason'], visibility: 'public' },
  { action: 'decide_review', from: ['under_review'], to: 'reviewed', who: bodyHead, requires: ['reply'], visibility: 'public' },
  { action: 'request_rereview', from: ['reviewed'], to: 'under_rereview', who: desk, requires: ['leadUnitId', 'reason'], visibility: 'public' },
  { action: 'decide_rereview', from: ['under_rereview'], to: 'closed', who: bodyHead, requires: ['reply'], visibility: 'public' },
  // 满意度评价 and closing once the petitioner is content or the window has passed
  { action: 'callback', from: DECIDED, to: 'same', who: { callback: 'owner', dispatcher: 'owner' }, requires: ['satisfaction', 'contacted', 'solved'], visibility: 'internal' },
  { action: 'close', from: DECIDED, to: 'closed', who: closer, requires: [], visibility: 'public' },
  // 督办 (answered in writing within 30 days), 催办, 联席会议, 通报, notes
  ...supervisionOverlays(OPEN),
  { action: 'note', from: ['registered', ...OPEN, ...DECIDED, 'closed'], to: 'same',
    who: { agent: 'owner', dispatcher: 'owner', supervisor: 'owner', callback: 'owner', handler: 'assigned', unit_leader: 'assigned' },
    requires: ['reason'], visibility: 'internal' },
];
