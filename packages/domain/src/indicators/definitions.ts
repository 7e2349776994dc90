import type { AppealAction, ClockName } from '@minsheng/contracts';

/** The indicators of DOMAIN.md §7, in the order the console shows them. */
export const INDICATOR_CODES = [
  'sign_on_time', 'response', 'on_time_completion', 'resolution', 'satisfaction', 'redo', 'return', 'urge',
  'direct_answer', 'repeat', 'callback',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** What a figure's membership is decided on: a clock run, an event, or the appeal's first intake decision. */
export type IndicatorBasis = 'clock' | 'event' | 'intake';

/** Who a member is counted against: the lead unit at the moment that decides membership, or the receiving centre. */
export type IndicatorUnit = 'lead_unit' | 'owner_unit';

export interface IndicatorDefinition {
  code: IndicatorCode;
  zh: string;
  en: string;
  basis: IndicatorBasis;
  unit: IndicatorUnit;
  /** Higher is better (三率) or lower is better (重办率, 退单率, 催办率). */
  better: 'higher' | 'lower';
  numerator: string;
  denominator: string;
}

/**
 * The KPI dictionary written once. The SQL in packages/db and the reference `indicatorMembers` both follow these
 * words; the console shows them beside each figure so a reader knows exactly what was counted.
 */
export const INDICATORS: readonly IndicatorDefinition[] = [
  { code: 'sign_on_time', zh: '按时签收率', en: 'On-time sign rate', basis: 'clock', unit: 'lead_unit', better: 'higher',
    numerator: 'sign-for clocks stopped by a sign no later than due', denominator: 'sign-for clocks (one per dispatch) that ended in the period: signed, or run past due unsigned' },
  { code: 'response', zh: '响应率', en: 'Response rate', basis: 'clock', unit: 'lead_unit', better: 'higher',
    numerator: 'of those, signed on time AND the first-contact clock started by that sign stopped by contact or reply no later than due', denominator: 'as on-time sign' },
  { code: 'on_time_completion', zh: '按时办结率', en: 'On-time completion rate', basis: 'clock', unit: 'lead_unit', better: 'higher',
    numerator: 'handling clocks stopped by a reply or closure application no later than due', denominator: 'handling clocks (one per handling or redo) that ended in the period: replied, or run past due (open appeals too)' },
  { code: 'resolution', zh: '解决率', en: 'Resolution rate', basis: 'event', unit: 'lead_unit', better: 'higher',
    numerator: 'callbacks recording "solved"', denominator: 'callbacks recorded in the period, consultations excluded' },
  { code: 'satisfaction', zh: '满意率', en: 'Satisfaction rate', basis: 'event', unit: 'lead_unit', better: 'higher',
    numerator: 'sum of the configured weights of the callbacks\' satisfaction levels', denominator: 'callbacks recorded in the period' },
  { code: 'redo', zh: '重办率', en: 'Redo rate', basis: 'event', unit: 'lead_unit', better: 'lower',
    numerator: 'closed appeals that were redone at least once before closing', denominator: 'dispatched appeals closed in the period' },
  { code: 'return', zh: '退单率', en: 'Return rate', basis: 'event', unit: 'lead_unit', better: 'lower',
    numerator: 'dispatches ended by an approved return', denominator: 'dispatches (and sub-dispatches) in the period, counted against the receiving unit' },
  { code: 'urge', zh: '催办率', en: 'Urge rate', basis: 'event', unit: 'lead_unit', better: 'lower',
    numerator: 'dispatches urged at least once before the next dispatch', denominator: 'dispatches (and sub-dispatches) in the period' },
  { code: 'direct_answer', zh: '直接办结率', en: 'Direct-answer rate', basis: 'intake', unit: 'owner_unit', better: 'higher',
    numerator: 'appeals answered directly at intake', denominator: 'appeals accepted in the period (accepted, answered directly or merged at intake)' },
  { code: 'repeat', zh: '重复诉求率', en: 'Repeat rate', basis: 'intake', unit: 'owner_unit', better: 'lower',
    numerator: 'appeals merged into a master, or linked to an earlier appeal on the same matter', denominator: 'as direct-answer' },
  { code: 'callback', zh: '回访率', en: 'Callback rate', basis: 'event', unit: 'lead_unit', better: 'higher',
    numerator: 'approved replies followed by a callback before the next approval', denominator: 'replies approved in the period' },
];

/** The events that complete a clock on time; a clock stopped by anything else (a return, a merge) was not completed. */
export const CLOCK_COMPLETIONS: Readonly<Partial<Record<ClockName, readonly AppealAction[]>>> = {
  sign_for: ['sign'],
  first_contact: ['record_contact', 'reply', 'apply_closure'],
  handling: ['reply', 'apply_closure'],
};

/** Dispatches start the responsibility of a lead unit (派单, 二次派单). */
export const DISPATCH_ACTIONS: readonly AppealAction[] = ['dispatch', 'sub_dispatch'];
/** Actions that close a dispatched appeal (the redo-rate denominator). */
export const CLOSING_ACTIONS: readonly AppealAction[] = ['close', 'approve_closure'];
/** The first decision leaving `registered` that counts as accepting the appeal (受理). */
export const INTAKE_ACCEPTING_ACTIONS: readonly AppealAction[] = ['accept', 'answer_directly', 'merge'];

export function isIndicatorCode(value: string): value is IndicatorCode {
  return (INDICATOR_CODES as readonly string[]).includes(value);
}

export function indicatorDefinition(code: IndicatorCode): IndicatorDefinition {
  return INDICATORS.find((d) => d.code === code)!;
}
