import type { RemainingBudget, WorkCalendar } from '../calendar';

/**
 * 民生事项代办: a proxy request is accepted (受理) with the catalogue item's promised time limit in working days on
 * the jurisdiction's calendar, counted from the day after acceptance; the agent works on it (代办中), may wait for
 * the applicant's missing materials (补正材料, the clock is paused), then completes it (办结) or returns it (退回).
 */
export const PROXY_LEVELS = ['district', 'street', 'community'] as const;
export type ProxyLevel = (typeof PROXY_LEVELS)[number];

export const PROXY_STATUSES = ['accepted', 'in_progress', 'awaiting_materials', 'completed', 'returned'] as const;
export type ProxyStatus = (typeof PROXY_STATUSES)[number];

export const PROXY_ACTIONS = ['start', 'request_materials', 'resume', 'complete', 'return'] as const;
export type ProxyAction = (typeof PROXY_ACTIONS)[number];

/** The clock of a request: its due instant, or the budget left while paused. */
export interface ProxyClock { dueAt: Date | null; paused: RemainingBudget | null }

export type ProxyDecision =
  | { ok: true; next: ProxyStatus; clock: ProxyClock; closed: boolean }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'INVALID_TRANSITION_INPUT'; field?: 'note' };

const FROM: Record<ProxyAction, readonly ProxyStatus[]> = {
  start: ['accepted'],
  request_materials: ['accepted', 'in_progress'],
  resume: ['awaiting_materials'],
  complete: ['in_progress'],
  return: ['accepted', 'in_progress', 'awaiting_materials'],
};
const TO: Record<ProxyAction, ProxyStatus> = { start: 'in_progress', request_materials: 'awaiting_materials', resume: 'in_progress', complete: 'completed', return: 'returned' };
/** Actions the citizen must be told why: what is missing, the result, why it was returned. */
const NOTE_REQUIRED: readonly ProxyAction[] = ['request_materials', 'complete', 'return'];

/** The due instant of a request accepted at `acceptedAt` with a promise of `promisedDays` working days. */
export function proxyDueAt(calendar: WorkCalendar, acceptedAt: Date, promisedDays: number): Date {
  return calendar.addDuration(acceptedAt, promisedDays, 'working_days');
}

/** One transition table for a proxy request; the clock pauses while materials are awaited. */
export function decideProxy(calendar: WorkCalendar, status: ProxyStatus, clock: ProxyClock, action: ProxyAction, now: Date, note: string | undefined): ProxyDecision {
  if (!FROM[action].includes(status)) return { ok: false, code: 'ILLEGAL_TRANSITION' };
  if (NOTE_REQUIRED.includes(action) && !note?.trim()) return { ok: false, code: 'INVALID_TRANSITION_INPUT', field: 'note' };
  let next: ProxyClock = clock;
  if (action === 'request_materials' && clock.dueAt) next = { dueAt: null, paused: calendar.remainingBudget(clock.dueAt, now, 'working_days') };
  if (action === 'resume' && clock.paused) next = { dueAt: calendar.resumeDue(clock.paused, now), paused: null };
  const to = TO[action];
  return { ok: true, next: to, clock: next, closed: to === 'completed' || to === 'returned' };
}

/** On time, at risk (the last working day) or overdue; a closed request is judged at its closing time. */
export function proxyLight(calendar: WorkCalendar, acceptedAt: Date, dueAt: Date | null, at: Date): 'green' | 'yellow' | 'red' | 'paused' {
  if (!dueAt) return 'paused';
  return calendar.light(acceptedAt, dueAt, at, 'working_days', 0.75);
}
