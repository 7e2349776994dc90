import { maskName, maskPhone } from '@minsheng/domain';
import type { ProxyItemRow, ProxyRequestRow, ProxyStepRow } from '@minsheng/db';

/** The wire formats of 民生事项代办: the catalogue, the staff view of a request (applicant masked) and the citizen's. */

export function presentItem(i: ProxyItemRow, unitName: string | null) {
  return {
    id: i.id, code: i.code, name: i.name, level: i.level, unitId: i.unitId, unitName, procedure: i.procedure, materials: i.materials,
    promisedDays: i.promisedDays, fee: i.fee, active: i.active,
  };
}

/** The catalogue as the public sees it: no ids of staff, nothing inactive (the caller filters). */
export function presentPublicItem(i: ProxyItemRow, unitName: string | null) {
  return { id: i.id, code: i.code, name: i.name, level: i.level, unitName, procedure: i.procedure, materials: i.materials, promisedDays: i.promisedDays, fee: i.fee };
}

export interface RequestContext {
  item: ProxyItemRow | null; unitName: string | null; agentName: string | null; light: string;
  applicant: { name: string; phone: string | null }; steps: ProxyStepRow[]; names: (id: string | null) => string | null;
}

export function presentRequest(r: ProxyRequestRow, c: RequestContext) {
  return {
    id: r.id, number: r.number, queryCode: r.queryCode, item: c.item ? { id: c.item.id, code: c.item.code, name: c.item.name, level: c.item.level } : null,
    unitId: r.unitId, unitName: c.unitName, agentName: c.agentName, applicantName: maskName(c.applicant.name), applicantPhone: c.applicant.phone ? maskPhone(c.applicant.phone) : null,
    matter: r.matter, status: r.status, promisedDays: r.promisedDays, acceptedAt: r.acceptedAt.toISOString(), dueAt: r.dueAt?.toISOString() ?? null,
    light: c.light, overdue: c.light === 'red' || c.light === 'late', overdueNotifiedAt: r.overdueNotifiedAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null, result: r.result,
    steps: c.steps.map((s) => ({ seq: s.seq, action: s.action, status: s.toStatus, note: s.note, by: c.names(s.actorUserId), at: s.at.toISOString() })),
  };
}

/** What the citizen sees with number + query code: the item, the handling unit, status, deadline and the notes to them. */
export function presentTrackedRequest(r: ProxyRequestRow, item: ProxyItemRow | null, unitName: string | null, steps: ProxyStepRow[], overdue: boolean) {
  return {
    number: r.number, itemName: item?.name ?? '', level: item?.level ?? null, unitName, status: r.status, promisedDays: r.promisedDays,
    acceptedAt: r.acceptedAt.toISOString(), dueAt: r.dueAt?.toISOString() ?? null, overdue, closedAt: r.closedAt?.toISOString() ?? null,
    result: r.closedAt ? r.result : null,
    steps: steps.map((s) => ({ status: s.toStatus, note: s.note, at: s.at.toISOString() })),
  };
}
