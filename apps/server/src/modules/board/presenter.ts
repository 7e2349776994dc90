import type { BoardPostView, ReceptionScheduleRow } from '@minsheng/db';

/** A board post for the reviewing staff: the redacted texts, what redaction took out, review state and version. */
export function presentBoardPost(p: BoardPostView, names: { unitNames: Map<string, string>; categoryNames: Map<string, string> }) {
  return {
    appealId: p.appealId, number: p.number, status: p.status, title: p.title, content: p.content, reply: p.reply,
    categoryId: p.categoryId, categoryName: p.categoryId ? names.categoryNames.get(p.categoryId) ?? null : null, areaCode: p.areaCode,
    unitId: p.unitId, unitName: p.unitId ? names.unitNames.get(p.unitId) ?? null : null,
    redactions: p.redactions, askedAt: p.askedAt.toISOString(), repliedAt: p.repliedAt.toISOString(),
    reviewedBy: p.reviewedBy, reviewedAt: p.reviewedAt?.toISOString() ?? null, reviewNote: p.reviewNote,
    publishedAt: p.publishedAt?.toISOString() ?? null, version: p.version,
  };
}

/** A reception schedule for the admin screen. */
export function presentSchedule(s: ReceptionScheduleRow) {
  return {
    id: s.id, kind: s.kind, unitId: s.unitId, leaderName: s.leaderName, leaderTitle: s.leaderTitle, startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(), place: s.place, topic: s.topic, active: s.active,
  };
}
