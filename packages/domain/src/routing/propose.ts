import { checkDutyLevel } from './duty-level';
import type { RoutingProposal, RoutingQuery, RoutingRefusal, RoutingRule, RuleMatch } from './types';

const MAX_ALTERNATIVES = 3;

/** 0 for a wildcard, otherwise how specific the matched element is (the most specific element ranks highest). */
function rankIn(path: readonly string[], value: string | null): number | null {
  if (value === null) return 0;
  const i = path.indexOf(value);
  return i < 0 ? null : path.length - i;
}

/** How a rule matches the query, or null when it does not apply (inactive, or another category/area). */
export function matchRule(rule: RoutingRule, query: Pick<RoutingQuery, 'categoryPath' | 'areaPath'>): RuleMatch | null {
  if (!rule.active) return null;
  const categoryRank = rankIn(query.categoryPath, rule.categoryId);
  const areaRank = rankIn(query.areaPath, rule.areaCode);
  if (categoryRank === null || areaRank === null) return null;
  return { rule, matchedCategoryId: rule.categoryId, matchedAreaCode: rule.areaCode, categoryRank, areaRank };
}

/**
 * Order of preference: a more specific category beats a more specific area; between equally specific rules
 * the newest wins (then the larger id, so the order is total).
 */
export function compareMatches(a: RuleMatch, b: RuleMatch): number {
  return b.categoryRank - a.categoryRank
    || b.areaRank - a.areaRank
    || b.rule.createdAt.getTime() - a.rule.createdAt.getTime()
    || (a.rule.id < b.rule.id ? 1 : a.rule.id > b.rule.id ? -1 : 0);
}

/** Why a matching rule may not be used for this appeal, or null. */
function refusal(rule: RoutingRule, query: RoutingQuery): RoutingRefusal | null {
  const units = [rule.leadUnitId, ...rule.coUnitIds];
  if (query.excludedUnitIds?.length && units.some((u) => query.excludedUnitIds!.includes(u))) return 'excluded_unit';
  if (!query.unitKinds) return null;
  if (units.some((u) => query.unitKinds![u] === undefined)) return 'unit_inactive';
  const departmentDuty = query.departmentDuty === true || rule.departmentDuty;
  if (checkDutyLevel({ departmentDuty, leadUnitKind: query.unitKinds[rule.leadUnitId] })) return 'community_station_for_department_duty';
  return null;
}

/**
 * Propose a lead unit and co-units from the routing catalogue (派单目录): the best usable matching rule plus up
 * to three alternatives with other lead units. Rules that match but may not be used are listed as refused.
 */
export function proposeRouting(rules: readonly RoutingRule[], query: RoutingQuery): RoutingProposal {
  const matches = rules.map((r) => matchRule(r, query)).filter((m): m is RuleMatch => m !== null).sort(compareMatches);
  const usable: RuleMatch[] = [];
  const refused: RoutingProposal['refused'] = [];
  for (const m of matches) {
    const reason = refusal(m.rule, query);
    if (reason) refused.push({ ruleId: m.rule.id, reason });
    else usable.push(m);
  }
  const [best = null, ...rest] = usable;
  const seenLeads = new Set(best ? [best.rule.leadUnitId] : []);
  const alternatives: RuleMatch[] = [];
  for (const m of rest) {
    if (alternatives.length >= MAX_ALTERNATIVES) break;
    if (seenLeads.has(m.rule.leadUnitId)) continue;
    seenLeads.add(m.rule.leadUnitId);
    alternatives.push(m);
  }
  return { best, alternatives, refused };
}
