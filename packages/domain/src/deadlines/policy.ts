import type { AppealKind, DurationUnit, Track, Urgency } from '@minsheng/contracts';

export interface Duration { amount: number; unit: DurationUnit }

/**
 * The clocks one policy sets (DOMAIN.md §3–§5). `redo` restarts handling after a redo; `extensionMax` caps approvals.
 * A clock the policy leaves out does not run for that appeal (a petition has no sign-for clock, a hotline appeal no triage).
 */
export interface PolicyClocks {
  handling: Duration;
  redo: Duration;
  extensionMax: Duration;
  sign_for?: Duration;
  first_contact?: Duration;
  callback?: Duration;
  /** 信访: registration → 转送/交办 (15 days); competent body's acceptance notice (15 days). */
  triage?: Duration;
  acceptance?: Duration;
  /** 信访: time to ask for 复查/复核 after a reply, and the reviewing body's decision time (30 days each). */
  review_window?: Duration;
  review?: Duration;
  /** 建议提案: co-unit opinions (1 month), deputy feedback (15 working days), answer of hard proposals (6 months). */
  co_opinion?: Duration;
  feedback?: Duration;
  handling_complex?: Duration;
  /** How long a unit has to answer a supervision notice (督办) when the supervisor sets no date. */
  supervision_reply?: Duration;
}

/** Clock keys a policy may hold, for admin validation. */
export const POLICY_CLOCK_KEYS = [
  'handling', 'redo', 'extensionMax', 'sign_for', 'first_contact', 'callback', 'triage', 'acceptance', 'review_window', 'review',
  'co_opinion', 'feedback', 'handling_complex', 'supervision_reply',
] as const satisfies readonly (keyof PolicyClocks)[];

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
const common = { callback: wd(2), redo: wd(3), supervision_reply: wd(3) };
const cd = (amount: number): Duration => ({ amount, unit: 'calendar_days' });
const mo = (amount: number): Duration => ({ amount, unit: 'months' });

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

/** 信访 (信访工作条例 2022): 15 days to triage and to accept, 60 days to handle (+ ≤ 30), 30-day review windows and decisions. */
export const DEFAULT_PETITION_POLICIES: readonly Omit<DeadlinePolicy, 'id'>[] = [
  { name: '信访事项', track: 'petition', kind: null, urgency: null, categoryId: null,
    clocks: { triage: cd(15), acceptance: cd(15), handling: cd(60), extensionMax: cd(30), review_window: cd(30), review: cd(30), redo: cd(60), supervision_reply: cd(30) } },
];

/** 人大代表建议 / 政协提案: 3 months to answer (6 when hard), co-unit opinions in 1 month, feedback 15 working days, redo 2 months. */
export const DEFAULT_PROPOSAL_POLICIES: readonly Omit<DeadlinePolicy, 'id'>[] = [
  { name: '建议提案', track: 'proposal', kind: null, urgency: null, categoryId: null,
    clocks: { handling: mo(3), handling_complex: mo(6), co_opinion: mo(1), feedback: wd(15), redo: mo(2), extensionMax: mo(3), supervision_reply: wd(10) } },
];

/** Every track's defaults, seeded for a new jurisdiction. */
export const DEFAULT_POLICIES: readonly Omit<DeadlinePolicy, 'id'>[] = [...DEFAULT_HOTLINE_POLICIES, ...DEFAULT_PETITION_POLICIES, ...DEFAULT_PROPOSAL_POLICIES];
