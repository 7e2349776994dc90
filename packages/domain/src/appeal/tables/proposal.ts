import type { AppealStatus } from '@minsheng/contracts';
import type { TransitionRule } from '../transitions';
import { coUnit, desk, supervisionOverlays, system, unit } from './roles';

const OPEN: readonly AppealStatus[] = ['handling', 'return_requested', 'reply_review'];

/**
 * The transition table of the proposal track (人大代表建议 / 政协提案, DOMAIN.md §4). The office assigns a lead unit and
 * co-units (交办); co-units send opinions within 1 month; the lead answers within 3 months (6 when hard) with class
 * A/B/C/D; the deputy gives feedback within 15 working days and, if dissatisfied, the unit answers again within 2 months.
 * Same-content proposals are merged for handling and each still gets its own answer.
 */
export const PROPOSAL_TRANSITIONS: readonly TransitionRule[] = [
  { action: 'dispatch', from: ['registered'], to: 'handling', who: { dispatcher: 'owner' }, requires: ['leadUnitId'], visibility: 'public' },
  { action: 'reject', from: ['registered'], to: 'rejected', who: desk, requires: ['reason'], visibility: 'public' },
  { action: 'merge', from: ['registered'], to: 'merged', who: { dispatcher: 'owner' }, requires: ['masterId'], visibility: 'public' },
  { action: 'unmerge', from: ['merged'], to: 'registered', who: { dispatcher: 'owner' }, requires: ['reason'], visibility: 'public' },
  { action: 'follow_master', from: ['merged'], to: 'master', alt: ['answered', 'closed', 'rejected'], who: system, requires: [], visibility: 'public' },
  { action: 'co_opinion', from: ['handling'], to: 'same', who: coUnit, requires: ['reason'], visibility: 'internal' },
  { action: 'request_return', from: ['handling'], to: 'return_requested', who: unit, requires: ['reason'], visibility: 'internal' },
  { action: 'approve_return', from: ['return_requested'], to: 'registered', who: { dispatcher: 'owner' }, requires: [], visibility: 'internal' },
  { action: 'reject_return', from: ['return_requested'], to: 'prior', who: { dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  { action: 'request_extension', from: ['handling'], to: 'same', who: unit, requires: ['days', 'reason'], visibility: 'internal' },
  { action: 'approve_extension', from: ['handling'], to: 'same', who: { dispatcher: 'owner' }, requires: [], visibility: 'public' },
  { action: 'reject_extension', from: ['handling'], to: 'same', who: { dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  { action: 'escalate', from: ['handling'], to: 'same', who: { ...unit, supervisor: 'owner', dispatcher: 'owner' }, requires: ['reason'], visibility: 'internal' },
  { action: 'reply', from: ['handling'], to: 'reply_review', who: unit, requires: ['reply'], visibility: 'internal' },
  { action: 'approve_reply', from: ['reply_review'], to: 'answered', who: { unit_leader: 'lead' }, requires: [], visibility: 'public' },
  { action: 'send_back', from: ['reply_review'], to: 'handling', who: { unit_leader: 'lead' }, requires: ['reason'], visibility: 'internal' },
  // 代表反馈 (recorded by the office), 办结, 重新办理
  { action: 'callback', from: ['answered'], to: 'same', who: { callback: 'owner', dispatcher: 'owner' }, requires: ['satisfaction', 'contacted', 'solved'], visibility: 'internal' },
  { action: 'close', from: ['answered'], to: 'closed', who: { dispatcher: 'owner', callback: 'owner', ...system }, requires: [], visibility: 'public' },
  { action: 'redo', from: ['answered'], to: 'handling', who: { dispatcher: 'owner', callback: 'owner' }, requires: ['reason'], visibility: 'public' },
  ...supervisionOverlays(OPEN),
  { action: 'note', from: ['registered', ...OPEN, 'answered', 'closed'], to: 'same',
    who: { agent: 'owner', dispatcher: 'owner', supervisor: 'owner', callback: 'owner', handler: 'assigned', unit_leader: 'assigned' },
    requires: ['reason'], visibility: 'internal' },
];
