import type { AppealSnapshot } from './types';

export interface ProblemThresholds { redo: number; unitsWithoutLead: number }

/** 疑难工单: redone too often, or passed through too many units without a lead taking it (thresholds are settings). */
export function problemReasons(a: Pick<AppealSnapshot, 'redoCount' | 'unitsPassed' | 'leadUnitId' | 'status'>, t: ProblemThresholds): string[] {
  const reasons: string[] = [];
  if (a.redoCount >= t.redo) reasons.push('redo');
  if (a.unitsPassed >= t.unitsWithoutLead && (a.leadUnitId === null || a.status === 'return_requested')) reasons.push('units_passed');
  return reasons;
}
