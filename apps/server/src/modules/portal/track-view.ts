import { ACTION_LABELS, KIND_LABELS } from '@minsheng/contracts';
import type { AppealAction, AppealKind, AppealStatus } from '@minsheng/contracts';
import type { CallbackRecord, ReplyRecord } from '@minsheng/domain';
import type { AppealRow, PublicEvent, TrackedAppeal } from '@minsheng/db';
import { PUBLIC_STATUS_TEXT } from './status-words';

/** States in which the approved reply is the citizen's to read. */
const REPLIED: readonly AppealStatus[] = ['callback', 'closed', 'answered', 'under_review', 'reviewed', 'under_rereview'];

/** Whether the citizen may rate now: a hotline reply awaits its callback and nobody has rated it yet. */
export function canRateOnline(appeal: Pick<AppealRow, 'status' | 'track' | 'callback'>): boolean {
  return appeal.status === 'callback' && appeal.track === 'hotline' && !appeal.callback;
}

/**
 * One public timeline line. Only events marked public are shown, and of those only the step and the unit that took
 * it: never the staff member, their role, a reason or a payload beyond the unit an appeal was sent to.
 */
function timelineText(e: PublicEvent, unitName: (id: string | null | undefined) => string | null): string {
  const label = e.action === 'register' ? '诉求已登记' : ACTION_LABELS[e.action as AppealAction] ?? '办理进展';
  if ((e.action === 'dispatch' || e.action === 'sub_dispatch') && unitName(e.leadUnitId)) return `${label}：转交${unitName(e.leadUnitId)}办理`;
  const unit = unitName(e.actorUnitId);
  return unit ? `${unit}：${label}` : label;
}

/**
 * The tracking page's view of an appeal (查询办理进度): plain status words, public timeline, the running deadline,
 * the approved reply, and whether the citizen can still rate it. No personal data and no staff names.
 */
export function presentTrackView(tracked: TrackedAppeal) {
  const { appeal, events } = tracked;
  const unitName = (id: string | null | undefined) => (id ? tracked.unitNames.get(id) ?? null : null);
  const status = appeal.status as AppealStatus;
  const reply = appeal.reply as ReplyRecord | null;
  const outcome = appeal.outcome as { type?: string; answer?: string } | null;
  const responsible = unitName(appeal.leadUnitId ?? appeal.ownerUnitId);
  let publicReply: { text: string; at: string; unitName: string | null } | null = null;
  if (reply && REPLIED.includes(status)) publicReply = { text: reply.text, at: reply.at, unitName: responsible };
  else if (outcome?.type === 'answered_directly' && outcome.answer) publicReply = { text: outcome.answer, at: appeal.closedAt?.toISOString() ?? appeal.updatedAt.toISOString(), unitName: responsible };
  const callback = appeal.callback as CallbackRecord | null;
  return {
    number: appeal.number,
    title: appeal.title,
    kind: appeal.kind,
    kindText: KIND_LABELS[appeal.kind as AppealKind] ?? appeal.kind,
    categoryName: tracked.categoryName,
    status,
    statusText: PUBLIC_STATUS_TEXT[status] ?? status,
    createdAt: appeal.createdAt.toISOString(),
    dueAt: tracked.handlingDueAt?.toISOString() ?? null,
    timeline: events.map((e) => ({ at: e.occurredAt.toISOString(), text: timelineText(e, unitName) })),
    reply: publicReply,
    canRate: canRateOnline(appeal),
    rating: callback ? { satisfaction: callback.satisfaction, solved: callback.solved, at: callback.at } : null,
  };
}
