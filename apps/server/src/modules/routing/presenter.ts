import type { RoutingRuleRow } from '@minsheng/db';

/** A catalogue row on the wire: content, history links and the counters that show how well it routes. */
export function presentRoutingRule(r: RoutingRuleRow) {
  return {
    id: r.id, lineageId: r.lineageId, version: r.version, categoryId: r.categoryId, areaCode: r.areaCode,
    leadUnitId: r.leadUnitId, coUnitIds: r.coUnitIds, departmentDuty: r.departmentDuty, note: r.note, active: r.active,
    counters: { dispatches: r.dispatches, returnsApproved: r.returnsApproved, objections: r.objections },
    createdBy: r.createdBy, createdAt: r.createdAt.toISOString(),
    retiredBy: r.retiredBy, retiredAt: r.retiredAt?.toISOString() ?? null, replacedBy: r.replacedBy,
  };
}
