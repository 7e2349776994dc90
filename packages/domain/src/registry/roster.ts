/**
 * 值班 duty roster rules (AB岗): every post of every shift has an A (on duty) and a named, different B (backup), and
 * nobody holds two posts whose times overlap. Pure: the shifts and the instant are passed in.
 */
export interface RosterShift {
  id: string;
  post: string;
  startsAt: Date;
  endsAt: Date;
  aUserId: string;
  bUserId: string | null;
}

export type RosterProblem =
  | { kind: 'missing_backup'; shiftId: string }
  | { kind: 'same_person_ab'; shiftId: string; userId: string }
  | { kind: 'overlap'; shiftId: string; otherShiftId: string; userId: string }
  | { kind: 'bad_times'; shiftId: string };

const overlaps = (a: RosterShift, b: RosterShift) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
const people = (s: RosterShift) => [s.aUserId, ...(s.bUserId ? [s.bUserId] : [])];

/** Every broken AB岗 rule of a roster; an overlap is reported once per pair and person. */
export function checkRoster(shifts: readonly RosterShift[]): RosterProblem[] {
  const problems: RosterProblem[] = [];
  for (const s of shifts) {
    if (!(s.endsAt > s.startsAt)) problems.push({ kind: 'bad_times', shiftId: s.id });
    if (!s.bUserId) problems.push({ kind: 'missing_backup', shiftId: s.id });
    else if (s.bUserId === s.aUserId) problems.push({ kind: 'same_person_ab', shiftId: s.id, userId: s.aUserId });
  }
  for (let i = 0; i < shifts.length; i++) {
    for (let j = i + 1; j < shifts.length; j++) {
      const a = shifts[i]!, b = shifts[j]!;
      if (!overlaps(a, b)) continue;
      for (const userId of new Set(people(a).filter((p) => people(b).includes(p)))) {
        problems.push({ kind: 'overlap', shiftId: a.id, otherShiftId: b.id, userId });
      }
    }
  }
  return problems;
}

/** The problems a candidate shift would add to the roster it joins (itself excluded by id). */
export function problemsOfCandidate(candidate: RosterShift, others: readonly RosterShift[]): RosterProblem[] {
  return checkRoster([candidate, ...others.filter((o) => o.id !== candidate.id)])
    .filter((p) => p.shiftId === candidate.id || (p.kind === 'overlap' && p.otherShiftId === candidate.id));
}

/** The shifts running at `now`, earliest start first (intake shows who is on duty and their backup). */
export function shiftsOnDuty<T extends RosterShift>(shifts: readonly T[], now: Date): T[] {
  return shifts.filter((s) => s.startsAt <= now && now < s.endsAt).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.post.localeCompare(b.post));
}
