import type { AppealAction, AppealStatus, Role, Track } from '@minsheng/contracts';
import type { CommandInput } from './types';
import { HOTLINE_TRANSITIONS } from './tables/hotline';
import { PETITION_TRANSITIONS } from './tables/petition';
import { PROPOSAL_TRANSITIONS } from './tables/proposal';

/**
 * Whose unit the actor's grant must cover: the unit that owns the appeal (the receiving hotline centre or 信访 office),
 * the current lead unit, any co-unit, or any unit the appeal is assigned to (lead or co-unit).
 */
export type Target = 'owner' | 'lead' | 'co' | 'assigned';

export type Required = keyof CommandInput;

export interface TransitionRule {
  action: AppealAction;
  from: readonly AppealStatus[];
  /**
   * `same` keeps the state (overlays like urge); `prior` returns to the state saved when the detour began;
   * `master` takes the master's state, which must be one of `alt` (a merged appeal following its master, 并单).
   */
  to: AppealStatus | 'same' | 'prior' | 'master';
  alt?: readonly AppealStatus[];
  who: Partial<Record<Role, Target>>;
  requires: readonly Required[];
  visibility: 'public' | 'internal';
}

export { HOTLINE_TRANSITIONS, PETITION_TRANSITIONS, PROPOSAL_TRANSITIONS };

/** THE transition tables, one per track (DOMAIN.md §2 hotline, §3 信访, §4 建议提案). */
export const TRANSITIONS: Readonly<Record<Track, readonly TransitionRule[]>> = {
  hotline: HOTLINE_TRANSITIONS,
  petition: PETITION_TRANSITIONS,
  proposal: PROPOSAL_TRANSITIONS,
};

export function tableFor(track: Track): readonly TransitionRule[] {
  return TRANSITIONS[track];
}

/** The rule for an action in a state, or undefined when the action is illegal there. */
export function findRule(action: AppealAction, status: AppealStatus, table: readonly TransitionRule[] = HOTLINE_TRANSITIONS): TransitionRule | undefined {
  return table.find((r) => r.action === action && r.from.includes(status));
}

/** Actions legal in a state, for UIs that show only the buttons that can work. */
export function actionsFrom(status: AppealStatus, table: readonly TransitionRule[] = HOTLINE_TRANSITIONS): AppealAction[] {
  return table.filter((r) => r.from.includes(status)).map((r) => r.action);
}
