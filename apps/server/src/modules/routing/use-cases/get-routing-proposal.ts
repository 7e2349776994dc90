import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { computeRoutingProposal } from './compute-routing-proposal';
import type { ProposedRouting } from './compute-routing-proposal';

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

function present(p: ProposedRouting, names: Map<string, string>) {
  return {
    source: p.source, ruleId: p.ruleId, ruleVersion: p.ruleVersion,
    leadUnitId: p.leadUnitId, leadUnitName: p.leadUnitId ? names.get(p.leadUnitId) ?? null : null,
    coUnitIds: p.coUnitIds, coUnitNames: p.coUnitIds.map((u) => names.get(u) ?? null),
    matchedCategoryId: p.matchedCategoryId, matchedAreaCode: p.matchedAreaCode, why: explain(p, names),
  };
}

/** The routing proposal (派单建议) for an appeal the user can read; unknown and unreadable appeals are not found alike. */
export async function getRoutingProposal(deps: Deps, user: SessionUser, appealId: string) {
  const { appeal } = await loadReadableAppeal(deps.database.db, user, appealId);
  const c = await computeRoutingProposal(deps.database.db, {
    jurisdictionId: user.jurisdictionId, categoryId: appeal.categoryId, areaCode: appeal.areaCode, accusedUnitId: appeal.accusedUnitId,
  });
  return {
    appealId, categoryId: appeal.categoryId, areaCode: appeal.areaCode, departmentDuty: c.departmentDuty,
    ...present(c.proposal, c.names),
    alternatives: c.alternatives.map((a) => present(a, c.names)),
    refused: c.refused,
  };
}
