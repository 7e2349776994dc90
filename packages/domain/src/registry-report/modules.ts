/**
 * 月度考核 (issue 8 module 9; seed 003 §12–13): the registry modules scored each month for every street/park and
 * district department, and which of them apply to which tier. Pure.
 */
export const REPORT_MODULES = ['network', 'communityFiles', 'diaries', 'receptions', 'screening', 'revisits', 'proxy'] as const;
export type ReportModule = (typeof REPORT_MODULES)[number];

/** 街道（园区） and 区直部门 are scored by separate standards and ranked separately. */
export const REPORT_TIERS = ['street', 'department'] as const;
export type ReportTier = (typeof REPORT_TIERS)[number];

export const REPORT_MODULE_LABELS: Record<ReportModule, { zh: string; en: string }> = {
  network: { zh: '工作网络', en: 'Work network' },
  communityFiles: { zh: '居情档案', en: 'Community files' },
  diaries: { zh: '民情日记', en: "People's diaries" },
  receptions: { zh: '领导接访', en: 'Leader receptions' },
  screening: { zh: '矛盾排查', en: 'Dispute screening' },
  revisits: { zh: '纠纷回访', en: 'Dispute revisits' },
  proxy: { zh: '民生代办', en: 'Proxy services' },
};

export const REPORT_TIER_LABELS: Record<ReportTier, { zh: string; en: string }> = {
  street: { zh: '街道（园区）', en: 'Streets and parks' },
  department: { zh: '区直部门', en: 'District departments' },
};

/**
 * Community files are kept by street work stations for their communities (§10) and screening rounds are returned
 * by street offices, so neither applies to a department; their department weight must stay 0.
 */
export const MODULES_OF_TIER: Record<ReportTier, readonly ReportModule[]> = {
  street: REPORT_MODULES,
  department: ['network', 'diaries', 'receptions', 'revisits', 'proxy'],
};

/** Points per module (out of 100); a module missing from the record weighs 0. */
export type ReportWeights = Partial<Record<ReportModule, number>>;

export const DEFAULT_REPORT_WEIGHTS: Record<ReportTier, Record<ReportModule, number>> = {
  street: { network: 25, communityFiles: 15, diaries: 15, receptions: 10, screening: 15, revisits: 10, proxy: 10 },
  department: { network: 30, communityFiles: 0, diaries: 20, receptions: 15, screening: 0, revisits: 15, proxy: 20 },
};

/** Why a tier's weights cannot be saved (negative, set on a module that does not apply, not adding to 100), or null. */
export function reportWeightsProblem(tier: ReportTier, weights: ReportWeights): string | null {
  let total = 0;
  for (const [key, w] of Object.entries(weights)) {
    if (!(REPORT_MODULES as readonly string[]).includes(key)) return `unknown module ${key}`;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return `the weight of ${key} must be a number of at least 0`;
    if (w > 0 && !MODULES_OF_TIER[tier].includes(key as ReportModule)) return `${key} does not apply to the ${tier} tier; its weight must be 0`;
    total += w;
  }
  // Weights may be decimals (e.g. 12.5); compare with a tolerance so 0.1 + 0.2 style sums still pass.
  if (Math.abs(total - 100) > 1e-6) return `the ${tier} weights must add up to 100 (they add up to ${Math.round(total * 1000) / 1000})`;
  return null;
}
