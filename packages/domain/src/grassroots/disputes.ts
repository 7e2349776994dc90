/**
 * 矛盾纠纷排查预警 (seed 002, seed 003 §8): a register of disputes with their risk level and mediation, revisits
 * (回访) of resolved ones at set intervals, screening rounds (排查) per street, and warnings for high risk. Pure.
 */
export const DISPUTE_KINDS = ['neighbour', 'family', 'land', 'labour', 'property', 'construction', 'environment', 'other'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const DISPUTE_STATUSES = ['open', 'mediating', 'resolved', 'unresolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type DisputeCommand = 'mediate' | 'resolve' | 'fail' | 'reopen';

/** Which status a command leads to, or null when it is not allowed from here. */
export function nextDisputeStatus(from: DisputeStatus, command: DisputeCommand): DisputeStatus | null {
  switch (command) {
    case 'mediate': return from === 'open' || from === 'mediating' ? 'mediating' : null;
    case 'resolve': return from === 'open' || from === 'mediating' ? 'resolved' : null;
    case 'fail': return from === 'open' || from === 'mediating' ? 'unresolved' : null;
    case 'reopen': return from === 'resolved' || from === 'unresolved' ? 'mediating' : null;
  }
}

/** A high-risk dispute raises a warning to supervisors (预警), once per dispute. */
export function raisesWarning(risk: RiskLevel): boolean {
  return risk === 'high';
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The revisit plan of a dispute resolved on `resolvedDate`: one revisit `days` after it for each interval, in order. */
export function revisitPlan(resolvedDate: string, intervalsDays: readonly number[]): { seq: number; dueDate: string }[] {
  return [...new Set(intervalsDays.filter((d) => Number.isInteger(d) && d > 0))].sort((a, b) => a - b).map((d, i) => ({ seq: i + 1, dueDate: addDays(resolvedDate, d) }));
}

/** Revisits of the plan that are due by `today` (the scheduled job materialises exactly these). */
export function dueRevisits(resolvedDate: string, intervalsDays: readonly number[], today: string) {
  return revisitPlan(resolvedDate, intervalsDays).filter((r) => r.dueDate <= today);
}

/** Completion of a screening round: the streets that returned, over all streets. */
export function screeningCompletion(streetUnitIds: readonly string[], returnedUnitIds: readonly string[]) {
  const done = new Set(returnedUnitIds);
  const returned = streetUnitIds.filter((u) => done.has(u));
  return { streets: streetUnitIds.length, returned: returned.length, missing: streetUnitIds.filter((u) => !done.has(u)), rate: streetUnitIds.length ? returned.length / streetUnitIds.length : null };
}
