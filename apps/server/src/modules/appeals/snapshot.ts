import type { AppealKind, AppealStatus, Track, Urgency } from '@minsheng/contracts';
import type { AppealSnapshot, CallbackRecord, ClockState, CoOpinion, PendingExtension, ReplyRecord } from '@minsheng/domain';
import type { AppealRow } from '@minsheng/db';

/** The domain's view of a stored appeal (without its master: the transition use case adds that when it matters). */
export function toSnapshot(a: AppealRow, clocks: ClockState[], unitPaths: Record<string, string[]>): AppealSnapshot {
  return {
    id: a.id, track: a.track as Track, kind: a.kind as AppealKind, urgency: a.urgency as Urgency, status: a.status as AppealStatus,
    priorStatus: a.priorStatus as AppealStatus | null, ownerUnitId: a.ownerUnitId, leadUnitId: a.leadUnitId, coUnitIds: a.coUnitIds,
    accusedUnitId: a.accusedUnitId, categoryId: a.categoryId, redoCount: a.redoCount, returnCount: a.returnCount, unitsPassed: a.unitsPassed, urgeCount: a.urgeCount, extendedDays: a.extendedDays,
    escalated: a.escalated, pending: a.pending as PendingExtension | null, reply: a.reply as ReplyRecord | null,
    callback: a.callback as CallbackRecord | null, coOpinions: (a.coOpinions ?? []) as CoOpinion[], master: null, clocks, unitPaths,
  };
}
