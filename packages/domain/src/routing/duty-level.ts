import type { UnitKind } from '@minsheng/contracts';

/**
 * Whether routing follows the department-duty rule (国办函〔2025〕66号: matters that are a department's duty are
 * never pushed down to a community). A category counts as a department duty when its own default unit is a
 * department; an admin may also mark a rule explicitly. A mark can be added, never taken away from a category
 * whose default unit is a department.
 */
export function isDepartmentDuty(facts: { marked?: boolean | undefined; categoryDefaultUnitKind?: UnitKind | null | undefined }): boolean {
  return facts.marked === true || facts.categoryDefaultUnitKind === 'department';
}

export interface DutyViolation {
  field: 'leadUnitId';
  message: string;
}

/** A rule or proposal for a department duty may not name a community station (社区/村) as lead; null when fine. */
export function checkDutyLevel(subject: { departmentDuty: boolean; leadUnitKind: UnitKind | null | undefined }): DutyViolation | null {
  if (!subject.departmentDuty || subject.leadUnitKind !== 'community_station') return null;
  return {
    field: 'leadUnitId',
    message: 'a department duty may not be routed to a community station as lead (国办函〔2025〕66号); choose the department or a street office',
  };
}
