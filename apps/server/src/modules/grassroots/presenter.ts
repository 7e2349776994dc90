import { maskName, maskPhone, revisitPlan } from '@minsheng/domain';
import type { DisputeRevisitRow, DisputeRow, DisputeStepRow, DisputeWarningRow, FileRevisionRow, InformationOfficerRow, ScreeningReturnRow, ScreeningRoundRow, WarningReportRow, WorkPostRow } from '@minsheng/db';
import type { PiiCipher } from '@minsheng/db';
import type { Network } from './network';

/** The wire format of the grassroots module; never raw rows. Personal data leaves only masked. */

type Names = { name: (id: string | null | undefined) => string | null };

const reveal = (cipher: PiiCipher, enc: string | null | undefined) => {
  if (!enc) return null;
  try { return cipher.decrypt(enc); } catch { return null; }
};

export function presentPost(p: WorkPostRow, net: Network) {
  return {
    id: p.id, kind: p.kind, unitId: p.unitId, unitName: net.unitName(p.unitId), areaCode: p.areaCode, areaName: net.areaName(p.areaCode),
    name: p.name, head: p.head, staffCount: p.staffCount, requirementsMet: p.requirementsMet as string[], note: p.note, updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentOfficer(o: InformationOfficerRow, net: Network, cipher: PiiCipher) {
  const phone = reveal(cipher, o.phoneEnc);
  return {
    id: o.id, level: o.level, unitId: o.unitId, unitName: net.unitName(o.unitId), areaCode: o.areaCode, areaName: net.areaName(o.areaCode), orgName: o.orgName,
    name: o.name, phone: phone ? maskPhone(phone) : null, userId: o.userId, createdAt: o.createdAt.toISOString(),
  };
}

export function presentReport(r: WarningReportRow, net: Network, officerName: string | null, people: Names) {
  return {
    id: r.id, officerId: r.officerId, officerName, unitId: r.unitId, unitName: net.unitName(r.unitId), areaCode: r.areaCode, areaName: net.areaName(r.areaCode),
    content: r.content, riskLevel: r.riskLevel, status: r.status, disputeId: r.disputeId, appealId: r.appealId,
    filedBy: people.name(r.filedBy), filedAt: r.filedAt.toISOString(), handledBy: people.name(r.handledBy), handledAt: r.handledAt?.toISOString() ?? null,
  };
}

export function presentRevision(r: FileRevisionRow, people: Names) {
  return { section: r.section, version: r.version, content: r.content, by: people.name(r.authorUserId), at: r.at.toISOString() };
}

type StoredParty = { nameEnc: string; phoneEnc: string | null; role: string };

/** A dispute with its parties masked, steps, and revisits (recorded and still planned). */
export function presentDispute(d: DisputeRow, net: Network, people: Names, cipher: PiiCipher, steps: DisputeStepRow[], revisits: DisputeRevisitRow[], resolvedDate: string | null) {
  const parties = (d.parties as StoredParty[]).map((p) => {
    const name = reveal(cipher, p.nameEnc);
    const phone = reveal(cipher, p.phoneEnc);
    return { name: name ? maskName(name) : null, phone: phone ? maskPhone(phone) : null, role: p.role };
  });
  const plan = d.status === 'resolved' && resolvedDate ? revisitPlan(resolvedDate, net.rules.disputeRevisitDays) : [];
  const bySeq = new Map(revisits.map((r) => [r.seq, r]));
  const seqs = [...new Set([...plan.map((p) => p.seq), ...revisits.map((r) => r.seq)])].sort((a, b) => a - b);
  return {
    id: d.id, title: d.title, description: d.description, kind: d.kind, riskLevel: d.riskLevel, areaCode: d.areaCode, areaName: net.areaName(d.areaCode),
    ownerUnitId: d.ownerUnitId, ownerUnitName: net.unitName(d.ownerUnitId), parties, status: d.status, outcome: d.outcome, source: d.source, sourceId: d.sourceId,
    reportedAt: d.reportedAt.toISOString(), resolvedAt: d.resolvedAt?.toISOString() ?? null,
    steps: steps.map((s) => ({ id: s.id, action: s.action, note: s.note, by: people.name(s.authorUserId), at: s.at.toISOString() })),
    revisits: seqs.map((seq) => {
      const r = bySeq.get(seq);
      const planned = plan.find((p) => p.seq === seq);
      return { seq, dueDate: r?.dueDate ?? planned!.dueDate, due: Boolean(r), doneAt: r?.doneAt?.toISOString() ?? null, finding: r?.finding ?? null, note: r?.note ?? '', by: people.name(r?.doneBy) };
    }),
  };
}

export function presentWarning(w: DisputeWarningRow, d: DisputeRow, net: Network, people: Names) {
  return {
    id: w.id, disputeId: d.id, title: d.title, kind: d.kind, riskLevel: w.riskLevel, currentRisk: d.riskLevel, status: d.status,
    areaName: net.areaName(d.areaCode), ownerUnitName: net.unitName(d.ownerUnitId), raisedAt: w.raisedAt.toISOString(),
    acknowledgedBy: people.name(w.acknowledgedBy), acknowledgedAt: w.acknowledgedAt?.toISOString() ?? null,
  };
}

export function presentRound(r: ScreeningRoundRow, net: Network, returns: ScreeningReturnRow[], completion: { streets: number; returned: number; missing: string[]; rate: number | null }, people: Names) {
  return {
    id: r.id, title: r.title, periodStart: r.periodStart, periodEnd: r.periodEnd, dueDate: r.dueDate, createdAt: r.createdAt.toISOString(),
    streets: completion.streets, returned: completion.returned, rate: completion.rate,
    missing: completion.missing.map((u) => ({ unitId: u, unitName: net.unitName(u) })),
    returns: returns.map((x) => ({ unitId: x.unitId, unitName: net.unitName(x.unitId), disputesFound: x.disputesFound, note: x.note, by: people.name(x.returnedBy), at: x.returnedAt.toISOString() })),
  };
}
