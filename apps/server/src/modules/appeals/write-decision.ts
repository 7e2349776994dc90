import { AppError } from '@minsheng/contracts';
import { eventHash } from '@minsheng/domain';
import type { Decision } from '@minsheng/domain';
import { answerSupervisions, findAppeal, findCitizen, insertEvent, insertNotifications, insertSupervision, saveAssignments, saveClocks, updateAppealGuarded } from '@minsheng/db';
import type { AppealPatch, AppealRow, Executor } from '@minsheng/db';
import { planNotifications } from '../notifications/plan-notifications';

export interface DecisionWrite {
  appeal: AppealRow;
  decision: Decision;
  actorUserId: string;
  now: Date;
  /** Extra columns the use case sets with the change (the routing rule a dispatch followed). */
  extraPatch?: AppealPatch | undefined;
}

const CITIZEN_STATES = new Set(['callback', 'answered', 'reviewed', 'closed', 'referred', 'rejected']);

function conflict(status: string, version: number): AppError {
  return new AppError('STALE_STATE', undefined, { status, version });
}

/**
 * Write one decided transition inside `tx`: the state (guarded by the version read, so of two actors exactly one
 * wins), its hash-chained event, clocks, assignments, supervision records and the notifications it causes.
 * Returns the event's sequence number.
 */
export async function writeDecision(tx: Executor, w: DecisionWrite): Promise<number> {
  const { appeal, decision: d, now } = w;
  const jurisdictionId = appeal.jurisdictionId;
  const seq = appeal.lastEventSeq + 1;
  const event = {
    jurisdictionId, appealId: appeal.id, seq, action: d.event.action, fromStatus: d.from, toStatus: d.to,
    actorUserId: w.actorUserId, actorRole: d.actorRole, actorUnitId: d.actorUnitId, reason: d.event.reason, payload: d.event.payload,
    visibility: d.event.visibility, occurredAt: now, prevHash: appeal.lastEventHash,
  };
  const hash = eventHash(event);
  const { coUnitIds, coOpinions, ...rest } = d.patch;
  const patch: AppealPatch = { ...rest, ...w.extraPatch, status: d.to, lastEventSeq: seq, lastEventHash: hash, updatedAt: now };
  if (coUnitIds) patch.coUnitIds = [...coUnitIds];
  if (coOpinions) patch.coOpinions = [...coOpinions];
  if (d.event.action === 'flag_bulletin') patch.bulletinAt = now;

  const won = await updateAppealGuarded(tx, { jurisdictionId, id: appeal.id }, appeal.version, patch);
  if (!won) {
    const current = await findAppeal(tx, jurisdictionId, appeal.id);
    throw conflict(current?.status ?? appeal.status, current?.version ?? appeal.version);
  }
  await insertEvent(tx, { ...event, hash });
  if (d.clocks.length) await saveClocks(tx, jurisdictionId, appeal.id, d.clocks);
  if (d.assign) await saveAssignments(tx, jurisdictionId, appeal.id, d.assign, w.actorUserId);
  await writeSupervision(tx, w, seq, patch.leadUnitId === undefined ? appeal.leadUnitId : patch.leadUnitId);

  const citizen = appeal.citizenId && d.from !== d.to && CITIZEN_STATES.has(d.to) ? await findCitizen(tx, jurisdictionId, appeal.citizenId) : null;
  const planned = planNotifications({
    appeal: { ...appeal, leadUnitId: patch.leadUnitId === undefined ? appeal.leadUnitId : patch.leadUnitId },
    action: d.event.action, from: d.from, to: d.to, eventSeq: seq, visibility: d.event.visibility,
    assignedUnitIds: d.assign?.units.map((u) => u.unitId) ?? [], citizenPhoneEnc: citizen?.phoneEnc ?? null,
    payload: { ...d.event.payload, reason: d.event.reason },
  });
  await insertNotifications(tx, jurisdictionId, planned, now);
  return seq;
}

/** 催办 / 督办 / 提级 leave a record; a unit's written answer closes the open notices. */
async function writeSupervision(tx: Executor, w: DecisionWrite, seq: number, leadUnitId: string | null): Promise<void> {
  const { appeal, decision: d, now } = w;
  const kind = d.event.action === 'urge' ? 'urge' : d.event.action === 'supervise' ? 'notice' : d.event.action === 'escalate' ? 'escalation' : null;
  if (kind) {
    const replyBy = typeof d.event.payload.replyBy === 'string' ? new Date(d.event.payload.replyBy) : null;
    await insertSupervision(tx, {
      jurisdictionId: appeal.jurisdictionId, appealId: appeal.id, kind, unitId: leadUnitId, eventSeq: seq, automatic: w.actorUserId === 'system',
      reason: d.event.reason, issuedBy: w.actorUserId, issuedAt: now, replyBy,
    });
  }
  if (d.event.action === 'answer_supervision') await answerSupervisions(tx, appeal.jurisdictionId, appeal.id, d.event.reason ?? '', now);
}
