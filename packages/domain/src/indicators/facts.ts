import type { AppealAction, AppealKind, ClockName, SatisfactionLevel } from '@minsheng/contracts';
import type { IndicatorCode } from './definitions';

/** One event of an appeal's timeline as the indicators read it. */
export interface FactEvent {
  seq: number;
  action: AppealAction;
  fromStatus: string | null;
  at: Date;
  /** dispatch / sub_dispatch: `leadUnitId`; callback: `satisfaction`, `solved`. */
  payload: { leadUnitId?: string | null; satisfaction?: SatisfactionLevel; solved?: boolean };
}

/** One run of a clock: a restart (redo, redispatch) is a new run; extensions and send-backs change the same run. */
export interface ClockRun {
  clock: ClockName;
  startedAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  pausedAt: Date | null;
}

/** What the indicators need to know of one hotline appeal. */
export interface AppealFacts {
  id: string;
  kind: AppealKind;
  ownerUnitId: string;
  relatedAppealId: string | null;
  events: readonly FactEvent[];
  clockRuns: readonly ClockRun[];
}

/**
 * One appeal counted in one figure: it is in the denominator with weight 1 and in the numerator with `numerator`
 * (0 or 1; a satisfaction weight for 满意率). `at` decides the period; `unitId` the unit it counts against.
 */
export interface IndicatorMember {
  indicator: IndicatorCode;
  appealId: string;
  unitId: string;
  at: Date;
  numerator: number;
}
