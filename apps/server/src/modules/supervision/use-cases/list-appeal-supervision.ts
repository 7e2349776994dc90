import { jointMeetingsOfAppeal, supervisionsOf } from '@minsheng/db';
import type { SupervisionRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { presentJointMeeting } from './hold-joint-meeting';

function presentSupervision(s: SupervisionRow, now: Date) {
  return {
    id: s.id, kind: s.kind, unitId: s.unitId, eventSeq: s.eventSeq, automatic: s.automatic, reason: s.reason, issuedBy: s.issuedBy,
    issuedAt: s.issuedAt.toISOString(), replyBy: s.replyBy?.toISOString() ?? null, answeredAt: s.answeredAt?.toISOString() ?? null,
    answer: s.answer, overdue: s.kind === 'notice' && !s.answeredAt && s.replyBy !== null && s.replyBy.getTime() < now.getTime(),
  };
}

/** 督办 overlay of one appeal: urges, notices (answered or not, overdue or not), escalations and joint meetings. */
export async function listAppealSupervision(deps: Deps, user: SessionUser, appealId: string) {
  const db = deps.database.db;
  await loadReadableAppeal(db, user, appealId);
  const [records, meetings] = await Promise.all([supervisionsOf(db, user.jurisdictionId, appealId), jointMeetingsOfAppeal(db, user.jurisdictionId, appealId)]);
  const now = deps.now();
  return { supervisions: records.map((s) => presentSupervision(s, now)), jointMeetings: meetings.map(presentJointMeeting) };
}
