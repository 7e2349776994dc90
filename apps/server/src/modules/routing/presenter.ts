import type { RoutingRuleRow } from '@minsheng/db';
import type { ComputedProposal, ProposedRouting } from './use-cases/compute-routing-proposal';

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

/** A sentence a dispatcher reads: why this lead unit is proposed. */
function explain(p: ProposedRouting, names: Map<string, string>): string {
  const name = (id: string | null) => (id ? `「${names.get(id) ?? id}」` : '');
  switch (p.source) {
    case 'rule': {
      const parts = [p.matchedCategoryId ? `分类${name(p.matchedCategoryId)}` : '任意分类', p.matchedAreaCode ? `区划${name(p.matchedAreaCode)}` : '任意区划'];
      return `派单目录规则（第${p.ruleVersion ?? 1}版）：${parts.join(' × ')}`;
    }
    case 'category_default': return `无匹配的派单目录规则，采用分类${name(p.matchedCategoryId)}的默认承办单位`;
    case 'street_office': return `无匹配规则且分类无默认承办单位，按属地交区划${name(p.matchedAreaCode)}的街道/乡镇`;
    default: return '无匹配规则、默认承办单位或属地街道，请人工派单';
  }
}

/** A routing proposal on the wire: lead and co-units with names, and the sentence why (派单建议, 智能辅助). */
export function presentRoutingProposal(p: ProposedRouting, names: Map<string, string>) {
  return {
    source: p.source, ruleId: p.ruleId, ruleVersion: p.ruleVersion,
    leadUnitId: p.leadUnitId, leadUnitName: p.leadUnitId ? names.get(p.leadUnitId) ?? null : null,
    coUnitIds: p.coUnitIds, coUnitNames: p.coUnitIds.map((u) => names.get(u) ?? null),
    matchedCategoryId: p.matchedCategoryId, matchedAreaCode: p.matchedAreaCode, why: explain(p, names),
  };
}

/** An appeal's routing proposal on the wire: the proposal, its alternatives and the rules refused for it. */
export function presentAppealRoutingProposal(appeal: { id: string; categoryId: string | null; areaCode: string | null }, c: ComputedProposal) {
  return {
    appealId: appeal.id, categoryId: appeal.categoryId, areaCode: appeal.areaCode, departmentDuty: c.departmentDuty,
    ...presentRoutingProposal(c.proposal, c.names),
    alternatives: c.alternatives.map((a) => presentRoutingProposal(a, c.names)),
    refused: c.refused,
  };
}
