import { AppError } from '@minsheng/contracts';
import type { AppealKind } from '@minsheng/contracts';
import { findDiaryEntry, linkDiaryAppeal } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { diaryReader } from '../diary-access';
import { loadPeople } from '../people';
import { presentDiary } from '../presenter';
import { registerFromRegistry } from './register-for';

/** A need heard on a visit becomes an appeal (channel 走访); the entry keeps the link, once. */
export async function diaryToAppeal(deps: Deps, user: SessionUser, id: string, input: { title?: string | undefined; kind?: AppealKind | undefined; categoryId?: string | undefined; areaCode?: string | undefined }) {
  const jid = user.jurisdictionId;
  const entry = await findDiaryEntry(deps.database.db, jid, id);
  if (!entry || !(await diaryReader(deps, user, [entry.unitId]))(entry.authorUserId, entry.unitId)) throw new AppError('NOT_FOUND');
  if (entry.authorUserId !== user.userId) throw new AppError('FORBIDDEN', 'the author turns their entry into an appeal');
  if (entry.appealId) throw new AppError('ALREADY_CONVERTED', undefined, { appealId: entry.appealId });
  const appeal = await registerFromRegistry(deps, user, {
    channel: 'field_visit', kind: input.kind ?? 'help', title: input.title?.trim() || [...entry.needsHeard].slice(0, 30).join(''),
    content: `${entry.needsHeard}${entry.place ? `\n走访地点：${entry.place}` : ''}`, categoryId: input.categoryId, areaCode: input.areaCode,
  }, { type: 'diary_entry', id }, async (tx, made) => {
    // Two clicks at once: the second finds the entry linked, and its appeal is rolled back with it.
    if (!(await linkDiaryAppeal(tx, jid, id, made.id))) throw new AppError('ALREADY_CONVERTED');
  });
  return { ...presentDiary((await findDiaryEntry(deps.database.db, jid, id))!, await loadPeople(deps, jid)), number: appeal.number };
}
