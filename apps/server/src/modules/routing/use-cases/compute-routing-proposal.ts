import type { UnitKind } from '@minsheng/contracts';
import { isDepartmentDuty, proposeRouting } from '@minsheng/domain';
import type { RoutingRule, RuleMatch } from '@minsheng/domain';
import { activeUnitFacts, areaAncestry, candidateRoutingRules, categoryAncestry, findUnit, streetOfficesServing } from '@minsheng/db';
import type { Executor, RoutingRuleRow } from '@minsheng/db';

/** What routing needs to know about an appeal. */
export interface AppealRoutingFacts {
  jurisdictionId: string;
  categoryId: string | null;
  areaCode: string | null;
  accusedUnitId: string | null;
}

export type ProposalSource = 'rule' | 'category_default' | 'street_office' | 'none';

export interface ProposedRouting {
  source: ProposalSource;
  ruleId: string | null;
  ruleVersion: number | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  matchedCategoryId: string | null;
  matchedAreaCode: string | null;
}

export interface ComputedProposal {
  departmentDuty: boolean;
  proposal: ProposedRouting;
  alternatives: ProposedRouting[];
  refused: { ruleId: string; reason: string }[];
  /** Names of the categories, areas and units mentioned above, for explanations. */
  names: Map<string, string>;
}

const toDomain = (r: RoutingRuleRow): RoutingRule => ({
  id: r.id, categoryId: r.categoryId, areaCode: r.areaCode, leadUnitId: r.leadUnitId, coUnitIds: r.coUnitIds,
  departmentDuty: r.departmentDuty, active: r.active, createdAt: r.createdAt,
});

function fromMatch(m: RuleMatch, versions: Map<string, number>): ProposedRouting {
  return {
    source: 'rule', ruleId: m.rule.id, ruleVersion: versions.get(m.rule.id) ?? null, leadUnitId: m.rule.leadUnitId, coUnitIds: [...m.rule.coUnitIds],
    matchedCategoryId: m.matchedCategoryId, matchedAreaCode: m.matchedAreaCode,
  };
}

const plain = (source: ProposalSource, leadUnitId: string | null, matched: { categoryId?: string | null; areaCode?: string | null } = {}): ProposedRouting => ({
  source, ruleId: null, ruleVersion: null, leadUnitId, coUnitIds: [], matchedCategoryId: matched.categoryId ?? null, matchedAreaCode: matched.areaCode ?? null,
});

/**
 * What the catalogue and the reference data say about one category × area: everything a proposal reads from the
 * database. The accused unit only filters it, so appeals sharing category and area share one of these.
 */
export interface RoutingContext {
  categoryId: string | null;
  categories: { id: string; name: string; default_unit_id: string | null }[];
  areas: { code: string; name: string }[];
  rows: RoutingRuleRow[];
  offices: { unitId: string; areaCode: string }[];
  defaultUnit: { kind: string } | null;
  units: Map<string, { kind: string; name: string; path: string[] }>;
}

/** Read the routing context of a category × area (six queries, in three round trips). */
export async function loadRoutingContext(db: Executor, jurisdictionId: string, categoryId: string | null, areaCode: string | null): Promise<RoutingContext> {
  const jid = jurisdictionId;
  const [categories, areas] = await Promise.all([
    categoryId ? categoryAncestry(db, jid, categoryId) : Promise.resolve([]),
    areaCode ? areaAncestry(db, jid, areaCode) : Promise.resolve([]),
  ]);
  const areaPath = areas.map((a) => a.code);
  const defaultUnitId = categories[0]?.default_unit_id ?? null;
  const [rows, offices, defaultUnit] = await Promise.all([
    candidateRoutingRules(db, jid, categories.map((c) => c.id), areaPath), streetOfficesServing(db, jid, areaPath), defaultUnitId ? findUnit(db, jid, defaultUnitId) : Promise.resolve(null),
  ]);
  const units = await activeUnitFacts(db, jid, [...rows.flatMap((r) => [r.leadUnitId, ...r.coUnitIds]), ...offices.map((o) => o.unitId), ...(defaultUnitId ? [defaultUnitId] : [])]);
  return { categoryId, categories, areas, rows, offices, defaultUnit, units };
}

/**
 * The proposal from a loaded context (pure): the best usable rule of the catalogue; else the category's default
 * unit; else the street office serving the appeal's area (属地); else none. Units inside the accused unit are never
 * proposed, and a department duty never goes to a community station.
 */
export function decideRoutingProposal(ctx: RoutingContext, accusedUnitId: string | null): ComputedProposal {
  const { categories, areas, rows, offices, defaultUnit, units } = ctx;
  const categoryPath = categories.map((c) => c.id);
  const areaPath = areas.map((a) => a.code);
  const defaultUnitId = categories[0]?.default_unit_id ?? null;
  const excluded = accusedUnitId ? [...units].filter(([, u]) => u.path.includes(accusedUnitId)).map(([id]) => id) : [];
  const usable = (id: string) => units.has(id) && !excluded.includes(id);
  // Judged on the default unit even when it was deactivated: the matter stays a department's duty.
  const departmentDuty = isDepartmentDuty({ categoryDefaultUnitKind: (defaultUnit?.kind ?? null) as UnitKind | null });

  const result = proposeRouting(rows.map(toDomain), {
    categoryPath, areaPath, departmentDuty, excludedUnitIds: excluded,
    unitKinds: Object.fromEntries([...units].map(([id, u]) => [id, u.kind as UnitKind])),
  });
  const versions = new Map(rows.map((r) => [r.id, r.version]));
  let proposal: ProposedRouting;
  if (result.best) proposal = fromMatch(result.best, versions);
  else if (defaultUnitId && usable(defaultUnitId)) proposal = plain('category_default', defaultUnitId, { categoryId: ctx.categoryId });
  else {
    // The office serving the most specific area of the appeal's path (a street's office before the county's).
    const office = offices.filter((o) => usable(o.unitId)).sort((a, b) => areaPath.indexOf(a.areaCode) - areaPath.indexOf(b.areaCode))[0];
    proposal = office ? plain('street_office', office.unitId, { areaCode: office.areaCode }) : plain('none', null);
  }
  const names = new Map<string, string>([
    ...categories.map((c) => [c.id, c.name] as const), ...areas.map((a) => [a.code, a.name] as const), ...[...units].map(([id, u]) => [id, u.name] as const),
  ]);
  return { departmentDuty, proposal, alternatives: result.alternatives.map((m) => fromMatch(m, versions)), refused: result.refused, names };
}

/** The routing proposal for an appeal, without access checks (the caller has them). */
export async function computeRoutingProposal(db: Executor, facts: AppealRoutingFacts): Promise<ComputedProposal> {
  return decideRoutingProposal(await loadRoutingContext(db, facts.jurisdictionId, facts.categoryId, facts.areaCode), facts.accusedUnitId);
}
