import type { UnitKind } from '@minsheng/contracts';

/** One row of the routing catalogue (派单目录): category × area → lead unit (主办) and co-units (协办). */
export interface RoutingRule {
  id: string;
  /** null matches every category. */
  categoryId: string | null;
  /** null matches every area. */
  areaCode: string | null;
  leadUnitId: string;
  coUnitIds: readonly string[];
  /** Marked by an admin (or derived when saved) as a department's duty (部门职责事项). */
  departmentDuty: boolean;
  active: boolean;
  /** Ties between equally specific rules go to the newest. */
  createdAt: Date;
}

/** What is known about the appeal to be routed, and the guards its proposal must respect. */
export interface RoutingQuery {
  /** The appeal's category and its ancestors, most specific first ([] when it has none). */
  categoryPath: readonly string[];
  /** The appeal's area code and its ancestors, most specific first ([] when it has none). */
  areaPath: readonly string[];
  /** The appeal's category is a department duty: no community station may lead (国办函〔2025〕66号). */
  departmentDuty?: boolean | undefined;
  /**
   * Kinds of the active units the rules name. When given, a rule naming a unit absent from it (unknown or
   * deactivated) is refused; when omitted, units are not checked.
   */
  unitKinds?: Readonly<Record<string, UnitKind>> | undefined;
  /** Units the appeal may never go to (the accused unit's subtree, 信访条例 confidentiality). */
  excludedUnitIds?: readonly string[] | undefined;
}

/** A rule that matches the query, with what it matched on. Ranks: 0 = wildcard, higher = more specific. */
export interface RuleMatch {
  rule: RoutingRule;
  matchedCategoryId: string | null;
  matchedAreaCode: string | null;
  categoryRank: number;
  areaRank: number;
}

export type RoutingRefusal = 'community_station_for_department_duty' | 'unit_inactive' | 'excluded_unit';

export interface RoutingProposal {
  /** The most specific usable rule, or null when none matches (callers fall back to the category default). */
  best: RuleMatch | null;
  /** Up to three further matches, in rank order, each with a lead unit not proposed before. */
  alternatives: RuleMatch[];
  /** Matching rules that may not be used for this appeal, and why. */
  refused: { ruleId: string; reason: RoutingRefusal }[];
}
