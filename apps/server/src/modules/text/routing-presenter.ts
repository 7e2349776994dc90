import type { ProposedRouting } from '../routing/use-cases/compute-routing-proposal';

// The routing module keeps its sentence builder private; suggestions explain a proposal the same way.
function why(p: ProposedRouting, names: Map<string, string>): string {
  const name = (id: string | null) => (id ? `「${names.get(id) ?? id}」` : '');
  switch (p.source) {
    case 'rule': return `派单目录规则（第${p.ruleVersion ?? 1}版）：${p.matchedCategoryId ? `分类${name(p.matchedCategoryId)}` : '任意分类'} × ${p.matchedAreaCode ? `区划${name(p.matchedAreaCode)}` : '任意区划'}`;
    case 'category_default': return `无匹配的派单目录规则，采用分类${name(p.matchedCategoryId)}的默认承办单位`;
    case 'street_office': return `无匹配规则且分类无默认承办单位，按属地交区划${name(p.matchedAreaCode)}的街道/乡镇`;
    default: return '无匹配规则、默认承办单位或属地街道，请人工派单';
  }
}

/** A routing proposal as the suggestion panel shows it: lead and co-units with names, and the sentence why. */
export function presentRouting(p: ProposedRouting, names: Map<string, string>) {
  return {
    source: p.source, ruleId: p.ruleId, ruleVersion: p.ruleVersion,
    leadUnitId: p.leadUnitId, leadUnitName: p.leadUnitId ? names.get(p.leadUnitId) ?? null : null,
    coUnitIds: p.coUnitIds, coUnitNames: p.coUnitIds.map((u) => names.get(u) ?? null),
    matchedCategoryId: p.matchedCategoryId, matchedAreaCode: p.matchedAreaCode, why: why(p, names),
  };
}
