import { maskName } from '@minsheng/domain';
import type { CaseOwnershipRow, CaseProgressRow, DiaryEntryRow, DutyShiftRow, DutySwapRow, ReceptionMatterRow, ReceptionRuleRow, ReceptionSessionRow } from '@minsheng/db';
import type { ReplyRecord } from '@minsheng/domain';
import type { People } from './people';

/** The wire format of the registry; never raw rows. */

export function presentShift(r: DutyShiftRow, p: People) {
  return {
    id: r.id, unitId: r.unitId, unitName: p.unitName(r.unitId), post: r.post, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(),
    a: { userId: r.aUserId, name: p.name(r.aUserId) }, b: { userId: r.bUserId, name: p.name(r.bUserId) }, note: r.note,
  };
}

export function presentSwap(s: DutySwapRow, p: People) {
  return {
    id: s.id, shiftId: s.shiftId, slot: s.slot, from: { userId: s.fromUserId, name: p.name(s.fromUserId) }, to: { userId: s.toUserId, name: p.name(s.toUserId) },
    reason: s.reason, status: s.status, requestedBy: p.name(s.requestedBy), requestedAt: s.requestedAt.toISOString(),
    decidedBy: p.name(s.decidedBy), decidedAt: s.decidedAt?.toISOString() ?? null,
  };
}

export function presentRule(r: ReceptionRuleRow, p: People) {
  return {
    id: r.id, kind: r.kind, unitId: r.unitId, unitName: p.unitName(r.unitId), leaderUserId: r.leaderUserId, leaderName: r.leaderName, leaderTitle: r.leaderTitle,
    recurrence: r.recurrence, startTime: r.startTime, endTime: r.endTime, place: r.place, topic: r.topic, active: r.active,
    version: r.version, cancelledAt: r.cancelledAt?.toISOString() ?? null, cancelReason: r.cancelledAt ? r.cancelReason : null,
  };
}

/** A person for the roster's pickers: name, units and roles only (no phone, username or other personal data). */
export function presentStaffMember(m: { id: string; displayName: string; roles: { role: string; unitId: string }[] }, p: People) {
  return {
    id: m.id, displayName: m.displayName, leader: m.roles.some((r) => r.role === 'leader' || r.role === 'unit_leader'),
    roles: m.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: p.unitName(r.unitId) })),
  };
}

export type MatterWithAppeal = { matter: ReceptionMatterRow; appeal: { number: string; status: string; leadUnitId: string | null; reply: unknown; closedAt: Date | null } };

/** A matter with its appeal's result as reported back to the receiving leader; the visitor's name is masked. */
export function presentMatter(m: MatterWithAppeal, p: People, visitorName: string | null, now: Date) {
  const reply = m.appeal.reply as ReplyRecord | null;
  const closed = m.appeal.closedAt !== null;
  return {
    id: m.matter.id, visitorName: visitorName ? maskName(visitorName) : null, visitorCount: m.matter.visitorCount, content: m.matter.content,
    appealId: m.matter.appealId, number: m.appeal.number, status: m.appeal.status,
    assignedUnitId: m.matter.assignedUnitId, assignedUnitName: p.unitName(m.matter.assignedUnitId ?? m.appeal.leadUnitId),
    dueAt: m.matter.dueAt.toISOString(), overdue: !closed && now > m.matter.dueAt,
    result: reply ? { text: reply.text, result: reply.result, at: reply.at } : null, closedAt: m.appeal.closedAt?.toISOString() ?? null,
  };
}

export function presentSession(s: ReceptionSessionRow, p: People, matters: ReturnType<typeof presentMatter>[]) {
  return {
    id: s.id, kind: s.kind, ruleId: s.ruleId, unitId: s.unitId, unitName: p.unitName(s.unitId), leaderUserId: s.leaderUserId, leaderName: p.name(s.leaderUserId),
    heldAt: s.heldAt.toISOString(), place: s.place, summary: s.summary, matters,
    version: s.version, cancelledAt: s.cancelledAt?.toISOString() ?? null, cancelReason: s.cancelledAt ? s.cancelReason : null,
    closedMatters: matters.filter((m) => m.closedAt).length,
  };
}

export function presentCase(c: CaseOwnershipRow, p: People, progress: CaseProgressRow[]) {
  return {
    id: c.id, leaderUserId: c.leaderUserId, leaderName: p.name(c.leaderUserId), title: c.title, appealId: c.appealId, unitId: c.unitId, unitName: p.unitName(c.unitId),
    status: c.status, startedAt: c.startedAt.toISOString(), resolvedAt: c.resolvedAt?.toISOString() ?? null,
    progress: progress.map((g) => ({ id: g.id, note: g.note, by: p.name(g.authorUserId), at: g.at.toISOString() })),
  };
}

export function presentDiary(d: DiaryEntryRow, p: People) {
  return {
    id: d.id, authorUserId: d.authorUserId, authorName: p.name(d.authorUserId), unitId: d.unitId, unitName: p.unitName(d.unitId), visitDate: d.visitDate,
    place: d.place, peopleMet: d.peopleMet, needsHeard: d.needsHeard, plan: d.plan, appealId: d.appealId, createdAt: d.createdAt.toISOString(),
  };
}
