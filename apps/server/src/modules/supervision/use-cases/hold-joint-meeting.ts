import { AppError } from '@minsheng/contracts';
import { actingGrant, availableActions, findRule, tableFor, TRANSITIONS } from '@minsheng/domain';
import { appealClockStates, insertJointMeeting, newId, unitPaths } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { toSnapshot } from '../../appeals/snapshot';
import { transitionAppeal } from '../../appeals/use-cases/transition-appeal';

export interface JointMeetingInput {
  topic: string;
  heldAt: string;
  participantUnitIds: string[];
  decisions: string;
  leadUnitId?: string | undefined;
  coUnitIds?: string[] | undefined;
  appealIds: string[];
}

/** Roles the transition tables let take a joint-meeting decision on some appeal (whose, the tables decide per appeal). */
const CONVENER_ROLES: ReadonlySet<string> = new Set(Object.values(TRANSITIONS)
  .flatMap((table) => table.filter((rule) => rule.action === 'joint_meeting').flatMap((rule) => Object.keys(rule.who))));

/**
 * 联席会议 / 会商: record the meeting (participants, decisions, the lead unit it assigns) and write its decision on the
 * timeline of every appeal it discussed; a named lead unit takes those appeals over. Every appeal is checked before
 * anything is written, so a meeting about an appeal that cannot take it changes nothing.
 */
export async function holdJointMeeting(deps: Deps, user: SessionUser, input: JointMeetingInput) {
  // A role that may never convene one is refused before its input is checked: an unknown unit is not its business.
  if (!user.grants.some((g) => CONVENER_ROLES.has(g.role))) throw new AppError('FORBIDDEN', 'joint meetings are convened by supervisors and dispatchers');
  const db = deps.database.db;
  const heldAt = new Date(input.heldAt);
  if (Number.isNaN(heldAt.getTime()) || heldAt.getTime() > deps.now().getTime() + 86_400_000) {
    throw new AppError('VALIDATION_FAILED', 'heldAt must be a date, not in the future', { field: 'heldAt' });
  }
  const units = [...input.participantUnitIds, ...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.coUnitIds ?? [])];
  const paths = await unitPaths(db, user.jurisdictionId, units);
  const unknown = units.find((u) => !paths[u]);
  if (unknown) throw new AppError('UNKNOWN_UNIT', undefined, { unitId: unknown });
  if (input.leadUnitId && !input.participantUnitIds.includes(input.leadUnitId)) {
    throw new AppError('VALIDATION_FAILED', 'the lead unit takes part in the meeting', { field: 'leadUnitId' });
  }
  for (const id of input.appealIds) {
    const { appeal, paths: appealPaths } = await loadReadableAppeal(db, user, id, units);
    const clocks = await appealClockStates(db, user.jurisdictionId, id);
    const snapshot = toSnapshot(appeal, clocks, appealPaths);
    const actor = { userId: user.userId, grants: user.grants };
    if (!availableActions(snapshot, actor).includes('joint_meeting')) {
      // A role that may never convene one is refused as such, like a transition: "not now" would invite a retry.
      const rule = findRule('joint_meeting', snapshot.status, tableFor(snapshot.track));
      if (rule && !actingGrant(rule, snapshot, actor)) throw new AppError('FORBIDDEN', 'joint meetings are convened by supervisors and dispatchers');
      throw new AppError('ILLEGAL_TRANSITION', `appeal ${appeal.number} cannot take a joint-meeting decision now`, { appealId: id, status: appeal.status, version: appeal.version });
    }
  }
  const meeting = {
    jurisdictionId: user.jurisdictionId, id: newId(deps.now().getTime()), topic: input.topic.trim(), heldAt, convenedBy: user.userId,
    participantUnitIds: [...new Set(input.participantUnitIds)], decisions: input.decisions.trim(), leadUnitId: input.leadUnitId ?? null,
    appealIds: [...new Set(input.appealIds)],
  };
  await insertJointMeeting(db, meeting);
  for (const id of meeting.appealIds) {
    await transitionAppeal(deps, user, id, {
      action: 'joint_meeting', input: { meetingId: meeting.id, reason: meeting.decisions, leadUnitId: input.leadUnitId, coUnitIds: input.coUnitIds },
    });
  }
  return presentJointMeeting(meeting);
}

export function presentJointMeeting(m: { id: string; topic: string; heldAt: Date; convenedBy: string; participantUnitIds: string[]; decisions: string; leadUnitId: string | null; appealIds: string[] }) {
  return {
    id: m.id, topic: m.topic, heldAt: m.heldAt.toISOString(), convenedBy: m.convenedBy, participantUnitIds: m.participantUnitIds,
    decisions: m.decisions, leadUnitId: m.leadUnitId, appealIds: m.appealIds,
  };
}
