import type { AppealStatus, ClockName } from '@minsheng/contracts';
import { STATUS_LABELS } from '@minsheng/contracts';
import { availableActions, maskAddress, maskName, maskPhone, problemReasons } from '@minsheng/domain';
import type { ClockState } from '@minsheng/domain';
import type { AppealRow, AppealSummaryRow, PiiCipher, schema } from '@minsheng/db';
import type { JurisdictionRuntime } from '../../runtime/jurisdiction-runtime';
import type { SessionUser } from '../auth/session-cache';
import { toSnapshot } from './snapshot';

type CitizenRow = typeof schema.citizens.$inferSelect;
type EventRow = typeof schema.appealEvents.$inferSelect;

/** A clock as the wire shows it, with its light computed now. */
export function presentClock(c: ClockState, runtime: JurisdictionRuntime, now: Date) {
  const running = c.stoppedAt === null;
  const at = c.pausedAt ?? c.stoppedAt ?? now;
  return {
    clock: c.clock as ClockName, amount: c.amount, unit: c.unit, startedAt: c.startedAt.toISOString(), dueAt: c.dueAt.toISOString(),
    stoppedAt: c.stoppedAt?.toISOString() ?? null, paused: c.pausedAt !== null, running,
    light: runtime.calendar.light(c.startedAt, c.dueAt, at, c.unit, runtime.settings.yellowAt),
    overdue: at.getTime() > c.dueAt.getTime(),
  };
}

/** Masked citizen identity: everybody sees masks; the unmasked values come only from the audited reveal. */
export function presentCitizen(row: CitizenRow | null, cipher: PiiCipher) {
  if (!row) return null;
  const open = (v: string | null) => (v ? cipher.decrypt(v) : null);
  const name = open(row.nameEnc), phone = open(row.phoneEnc), address = open(row.addressEnc);
  return {
    id: row.id, name: name ? maskName(name) : null, phone: phone ? maskPhone(phone) : null, address: address ? maskAddress(address) : null,
    hasIdNumber: row.idNumberEnc !== null, masked: true,
  };
}

export function presentAppealSummary(a: AppealSummaryRow, clocks: ClockState[], runtime: JurisdictionRuntime, now: Date) {
  return {
    id: a.id, number: a.number, track: a.track, channel: a.channel, kind: a.kind, urgency: a.urgency,
    status: a.status, statusLabel: STATUS_LABELS[a.status as AppealStatus], title: a.title, categoryId: a.categoryId, areaCode: a.areaCode,
    ownerUnitId: a.ownerUnitId, leadUnitId: a.leadUnitId, confidential: a.confidential, redoCount: a.redoCount,
    escalated: a.escalated, bulletin: a.bulletinAt !== null, pending: a.pending, version: a.version, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
    deadlines: clocks.filter((c) => c.stoppedAt === null).map((c) => presentClock(c, runtime, now)),
  };
}

export interface AppealDetailParts {
  appeal: AppealRow; clocks: ClockState[]; citizen: CitizenRow | null; paths: Record<string, string[]>;
}

export function presentAppeal(p: AppealDetailParts, user: SessionUser | null, runtime: JurisdictionRuntime, cipher: PiiCipher, now: Date) {
  const a = p.appeal;
  const snapshot = toSnapshot(a, p.clocks, p.paths);
  const actor = user ? { userId: user.userId, grants: user.grants } : null;
  const actions = actor ? availableActions(snapshot, actor) : [];
  return {
    ...presentAppealSummary(a, p.clocks, runtime, now),
    queryCode: a.queryCode, content: a.content, location: a.location, consentPublish: a.consentPublish,
    coUnitIds: a.coUnitIds, masterId: a.masterId, returnCount: a.returnCount, unitsPassed: a.unitsPassed, urgeCount: a.urgeCount,
    problem: problemReasons(snapshot, runtime.settings.problem), reply: a.reply, callback: a.callback, outcome: a.outcome,
    closedAt: a.closedAt?.toISOString() ?? null, citizen: presentCitizen(p.citizen, cipher),
    coOpinions: a.coOpinions, bulletinAt: a.bulletinAt?.toISOString() ?? null, relatedAppealId: a.relatedAppealId,
    external: a.externalId ? { source: a.externalSource, id: a.externalId, dueAt: a.externalDueAt?.toISOString() ?? null } : null,
    visitorCount: a.visitorCount, hasRepresentatives: a.representativesEnc !== null,
    deadlines: p.clocks.map((c) => presentClock(c, runtime, now)), actions,
  };
}

export function presentEvent(e: EventRow) {
  return {
    seq: e.seq, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, actorUserId: e.actorUserId, actorRole: e.actorRole,
    actorUnitId: e.actorUnitId, reason: e.reason, payload: e.payload, visibility: e.visibility, occurredAt: e.occurredAt.toISOString(), hash: e.hash,
  };
}
