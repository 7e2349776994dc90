import type { AppealKind, DurationUnit, Track, Urgency } from '@minsheng/contracts';

export interface Duration { amount: number; unit: DurationUnit }

/** The clocks one policy sets (DOMAIN.md §5). `redo` restarts handling after a redo; `extensionMax` caps approvals. */
export interface PolicyClocks {
  sign_for: Duration;
  first_contact: Duration;
  handling: Duration;
  callback: Duration;
  redo: Duration;
  extensionMax: Duration;
}

export interface DeadlinePolicy {
  id: string;
  name: string;
  track: Track;
  kind: AppealKind | null;
  urgency: Urgency | null;
  categoryId: string | null;
  clocks: PolicyClocks;
}

export interface PolicySubject { track: Track; kind: AppealKind; urgency: Urgency; categoryId: string | null }

// A category-specific rule beats an urgency rule, which beats a kind rule: urgent complaints follow the urgent clocks.
const WEIGHT = { categoryId: 4, urgency: 2, kind: 1 } as const;

/** The most specific active policy matching the appeal, or null when none matches its track. */
export function selectDeadlinePolicy(policies: readonly DeadlinePolicy[], s: PolicySubject): DeadlinePolicy | null {
  let best: DeadlinePolicy | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (p.track !== s.track) continue;
    if (p.kind !== null && p.kind !== s.kind) continue;
    if (p.urgency !== null && p.urgency !== s.urgency) continue;
    if (p.categoryId !== null && p.categoryId !== s.categoryId) continue;
    const score = (p.categoryId ? WEIGHT.categoryId : 0) + (p.urgency ? WEIGHT.urgency : 0) + (p.kind ? WEIGHT.kind : 0);
    if (score > bestScore) { best = p; bestScore = score; }
  }
  return best;
}

const wh = (amount: number): Duration => ({ amount, unit: 'working_hours' });
const wd = (amount: number): Duration => ({ amount, unit: 'working_days' });
const common = { callback: wd(2), redo: wd(3) };

/** DOMAIN.md §5 defaults, seeded as rows an admin can edit; nothing reads these at run time except seeding. */
export const DEFAULT_HOTLINE_POLICIES: readonly Omit<DeadlinePolicy, 'id'>[] = [
  { name: '特急', track: 'hotline', kind: null, urgency: 'critical', categoryId: null,
    clocks: { sign_for: { amount: 30, unit: 'minutes' }, first_contact: { amount: 1, unit: 'hours' }, handling: { amount: 24, unit: 'hours' }, extensionMax: wd(0), ...common } },
  { name: '紧急', track: 'hotline', kind: null, urgency: 'urgent', categoryId: null,
    clocks: { sign_for: { amount: 2, unit: 'hours' }, first_contact: { amount: 4, unit: 'hours' }, handling: wd(2), extensionMax: wd(1), ...common } },
  { name: '咨询', track: 'hotline', kind: 'consultation', urgency: null, categoryId: null,
    clocks: { sign_for: wh(2), first_contact: wd(1), handling: wd(1), extensionMax: wd(1), ...common } },
  ...(['help', 'suggestion', 'opinion', 'praise'] as const).map((kind) => ({
    name: { help: '求助', suggestion: '建议', opinion: '意见', praise: '表扬' }[kind], track: 'hotline' as const, kind, urgency: null, categoryId: null,
    clocks: { sign_for: wh(2), first_contact: wd(1), handling: wd(5), extensionMax: wd(5), ...common } })),
  ...(['complaint', 'report'] as const).map((kind) => ({
    name: { complaint: '投诉', report: '举报' }[kind], track: 'hotline' as const, kind, urgency: null, categoryId: null,
    clocks: { sign_for: wh(2), first_contact: wd(1), handling: wd(10), extensionMax: wd(5), ...common } })),
];
