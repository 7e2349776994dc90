import type { AppealStatus } from '@minsheng/contracts';
import type { TransitionRule } from '../transitions';

/** Role → target shorthands shared by the track tables. */
export const desk = { agent: 'owner', dispatcher: 'owner' } as const;
export const unit = { handler: 'lead', unit_leader: 'lead' } as const;
export const coUnit = { handler: 'co', unit_leader: 'co' } as const;
/** The system user acts as a supervisor at the root unit; its rows are never reachable from the API (SYSTEM_ACTIONS). */
export const system = { supervisor: 'owner' } as const;

/**
 * Supervision overlays every track shares (催办, 督办, 督办回复, 联席会议, 超期通报): in the track's open states they
 * record and notify but never change the state.
 */
export function supervisionOverlays(open: readonly AppealStatus[]): TransitionRule[] {
  return [
    { action: 'urge', from: open, to: 'same', who: { supervisor: 'owner', dispatcher: 'owner' }, requires: [], visibility: 'internal' },
    { action: 'supervise', from: open, to: 'same', who: { supervisor: 'owner' }, requires: ['reason'], visibility: 'internal' },
    { action: 'answer_supervision', from: open, to: 'same', who: unit, requires: ['reason'], visibility: 'internal' },
    { action: 'joint_meeting', from: open, to: 'same', who: { supervisor: 'owner', dispatcher: 'owner' }, requires: ['meetingId', 'reason'], visibility: 'internal' },
    { action: 'flag_bulletin', from: open, to: 'same', who: system, requires: ['reason'], visibility: 'internal' },
  ];
}
