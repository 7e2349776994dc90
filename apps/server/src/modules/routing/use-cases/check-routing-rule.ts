import { AppError } from '@minsheng/contracts';
import type { UnitKind } from '@minsheng/contracts';
import { checkDutyLevel, isDepartmentDuty } from '@minsheng/domain';
import { activeUnitFacts, findActiveRoutingRuleInCell, findArea, findCategory, findUnit, isUniqueViolation } from '@minsheng/db';
import type { Executor } from '@minsheng/db';

export interface RoutingRuleInput {
  categoryId?: string | null | undefined;
  areaCode?: string | null | undefined;
  leadUnitId: string;
  coUnitIds?: string[] | undefined;
  departmentDuty?: boolean | undefined;
  note?: string | undefined;
}

/** A validated rule, ready to store: `departmentDuty` is the admin's mark or what the category implies. */
export interface CheckedRoutingRule {
  categoryId: string | null; areaCode: string | null; leadUnitId: string; coUnitIds: string[]; departmentDuty: boolean; note: string;
}

/**
 * Validate a rule against the jurisdiction's reference data: the category, area and units exist (units active),
 * the lead is not also a co-unit, and a department duty is not led by a community station (国办函〔2025〕66号).
 */
export async function checkRoutingRule(db: Executor, jurisdictionId: string, input: RoutingRuleInput): Promise<CheckedRoutingRule> {
  const coUnitIds = input.coUnitIds ?? [];
  if (coUnitIds.includes(input.leadUnitId)) throw new AppError('VALIDATION_FAILED', 'the lead unit cannot also be a co-unit', { field: 'coUnitIds', unitId: input.leadUnitId });
  const categoryId = input.categoryId ?? null;
  const areaCode = input.areaCode ?? null;
  const category = categoryId ? await findCategory(db, jurisdictionId, categoryId) : null;
  if (categoryId && !category) throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'categoryId' });
  if (areaCode && !(await findArea(db, jurisdictionId, areaCode))) throw new AppError('UNKNOWN_AREA', undefined, { field: 'areaCode' });
  const units = await activeUnitFacts(db, jurisdictionId, [input.leadUnitId, ...coUnitIds]);
  if (!units.has(input.leadUnitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'leadUnitId', unitId: input.leadUnitId });
  const missing = coUnitIds.find((u) => !units.has(u));
  if (missing) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'coUnitIds', unitId: missing });

  const defaultUnit = category?.defaultUnitId ? await findUnit(db, jurisdictionId, category.defaultUnitId) : null;
  const departmentDuty = isDepartmentDuty({ marked: input.departmentDuty, categoryDefaultUnitKind: (defaultUnit?.kind ?? null) as UnitKind | null });
  const violation = checkDutyLevel({ departmentDuty, leadUnitKind: units.get(input.leadUnitId)!.kind as UnitKind });
  if (violation) throw new AppError('VALIDATION_FAILED', violation.message, { field: violation.field, rule: 'department_duty', categoryId });
  return { categoryId, areaCode, leadUnitId: input.leadUnitId, coUnitIds, departmentDuty, note: (input.note ?? '').trim() };
}

/** A unique violation on the catalogue cell becomes 409 DUPLICATE_CODE naming the rule already there. */
export async function duplicateCellError(err: unknown, db: Executor, jurisdictionId: string, rule: CheckedRoutingRule): Promise<unknown> {
  if (!isUniqueViolation(err)) return err;
  const existing = await findActiveRoutingRuleInCell(db, jurisdictionId, rule.categoryId, rule.areaCode);
  return new AppError('DUPLICATE_CODE', 'an active rule for this category and area exists already; replace it instead', {
    field: 'categoryId/areaCode', existingRuleId: existing?.id ?? null,
  });
}
