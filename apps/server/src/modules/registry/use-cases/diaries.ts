import { AppError } from '@minsheng/contracts';
import { findDiaryEntry, insertDiaryEntry, listDiaryEntries, newId } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { diaryReader } from '../diary-access';
import { leaderUnitOf, loadPeople } from '../people';
import { isLeader } from '../policy';
import { presentDiary } from '../presenter';

export interface DiaryInput { visitDate: string; place: string; peopleMet?: string | undefined; needsHeard: string; plan?: string | undefined }

/** 民情日记: a leader records a visit; the date must be a real date and not in the future. */
export async function writeDiary(deps: Deps, user: SessionUser, input: DiaryInput) {
  if (!isLeader(user)) throw new AppError('FORBIDDEN', 'people\'s diaries are written by leaders');
  const jid = user.jurisdictionId;
  const today = (await requireRuntime(deps, jid)).calendar.localDate(deps.now());
  const real = new Date(`${input.visitDate}T00:00:00Z`).toISOString().slice(0, 10) === input.visitDate;
  if (!real || input.visitDate > today) throw new AppError('VALIDATION_FAILED', 'visitDate must be a real date, today or earlier', { field: 'visitDate' });
  const people = await loadPeople(deps, jid);
  const me = people.byId.get(user.userId);
  const id = newId();
  await insertDiaryEntry(deps.database.db, {
    jurisdictionId: jid, id, authorUserId: user.userId, unitId: (me && leaderUnitOf(me)) ?? user.grants[0]!.unitId, visitDate: input.visitDate,
    place: input.place.trim(), peopleMet: input.peopleMet?.trim() ?? '', needsHeard: input.needsHeard.trim(), plan: input.plan?.trim() ?? '', createdAt: deps.now(),
  });
  return presentDiary((await findDiaryEntry(deps.database.db, jid, id))!, people);
}

/** Entries of a month the user may read, newest visit first. */
export async function listDiaries(deps: Deps, user: SessionUser, month: string) {
  const rows = await listDiaryEntries(deps.database.db, user.jurisdictionId, `${month}-01`, `${month}-31`);
  const may = await diaryReader(deps, user, rows.map((r) => r.unitId));
  const people = await loadPeople(deps, user.jurisdictionId);
  return { month, items: rows.filter((r) => may(r.authorUserId, r.unitId)).map((r) => presentDiary(r, people)) };
}
