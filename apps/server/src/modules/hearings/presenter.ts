import { maskName, maskPhone } from '@minsheng/domain';
import type { HearingMaterialRow, HearingRepresentativeRow, HearingRow } from '@minsheng/db';
import { redactText } from '@minsheng/text';

/** The wire formats of 听证会: the staff view (representatives masked) and the portal's (no personal data). */

export interface RepresentativePlain { row: HearingRepresentativeRow; name: string; phone: string | null }

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentHearing(h: HearingRow, organiserName: string | null, reps: RepresentativePlain[], materials: HearingMaterialRow[]) {
  return {
    id: h.id, title: h.title, topic: h.topic, organiserUnitId: h.organiserUnitId, organiserName, place: h.place, scheduledAt: h.scheduledAt.toISOString(),
    minNoticeDays: h.minNoticeDays, notice: h.notice, status: h.status, minutes: h.minutes, outcome: h.outcome, cancelReason: h.cancelReason,
    announcedAt: iso(h.announcedAt), heldAt: iso(h.heldAt), concludedAt: iso(h.concludedAt), publishedAt: iso(h.publishedAt), published: h.publishedAt !== null,
    representatives: reps.map((r) => ({
      id: r.row.id, kind: r.row.kind, name: maskName(r.name), phone: r.phone ? maskPhone(r.phone) : null, organisation: r.row.organisation,
      constituency: r.row.constituency, attended: r.row.attended,
    })),
    materials: materials.map((m) => ({ id: m.id, title: m.title, summary: m.summary, public: m.public, createdAt: m.createdAt.toISOString() })),
  };
}

/** Staff-written text for the public: the representatives' own names taken out literally, then the detectors. */
function publicText(text: string, names: readonly string[]): string {
  let out = text;
  for (const n of names) if ([...n].length >= 2) out = out.split(n).join('【姓名】');
  return redactText(out).text;
}

/** A published hearing on the portal: counts of representatives and enterprises' names, never a person's. */
export function presentPublicHearing(h: HearingRow, organiserName: string | null, reps: RepresentativePlain[], materials: HearingMaterialRow[]) {
  const names = reps.map((r) => r.name);
  const held = h.status === 'held' || h.status === 'concluded';
  return {
    id: h.id, title: h.title, topic: h.topic, organiserName, place: h.place, scheduledAt: h.scheduledAt.toISOString(), status: h.status,
    notice: publicText(h.notice, names), announcedAt: iso(h.announcedAt),
    representatives: {
      residents: reps.filter((r) => r.row.kind === 'resident').length,
      enterprises: [...new Set(reps.filter((r) => r.row.kind === 'enterprise').map((r) => r.row.organisation))],
      attended: held ? reps.filter((r) => r.row.attended).length : null,
    },
    materials: materials.filter((m) => m.public).map((m) => ({ title: m.title, summary: publicText(m.summary, names) })),
    minutes: held ? publicText(h.minutes, names) : null,
    outcome: h.status === 'concluded' ? publicText(h.outcome, names) : null,
    cancelReason: h.status === 'cancelled' ? publicText(h.cancelReason, names) : null,
  };
}
