import { AppError } from '@minsheng/contracts';
import { findAppeal, findCaseOwnership, insertCaseOwnership, insertCaseProgress, listCaseOwnerships, newId, progressOfCases, resolveCaseOwnership, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { leaderUnitOf, loadPeople, requireLeaderMember } from '../people';
import { canManageReceptions, requireReceptionManager, seesEverything } from '../policy';
import { presentCase } from '../presenter';

/** 包案 cases: the centre's managers see all, a leader sees the cases they own. */
export async function listCases(deps: Deps, user: SessionUser) {
  const all = await listCaseOwnerships(deps.database.db, user.jurisdictionId);
  const visible = seesEverything(user) || canManageReceptions(user) ? all : all.filter((c) => c.leaderUserId === user.userId);
  const [people, progress] = await Promise.all([loadPeople(deps, user.jurisdictionId), progressOfCases(deps.database.db, user.jurisdictionId, visible.map((c) => c.id))]);
  return { items: visible.map((c) => presentCase(c, people, progress.filter((p) => p.caseId === c.id))) };
}

/** Put a long-standing hard case in a named leader's hands (包案), optionally on an existing appeal. */
export async function ownCase(deps: Deps, user: SessionUser, input: { leaderUserId: string; title: string; appealId?: string | undefined; unitId?: string | undefined }) {
  requireReceptionManager(user);
  const jid = user.jurisdictionId;
  const people = await loadPeople(deps, jid);
  const leader = requireLeaderMember(people, input.leaderUserId, 'leaderUserId');
  if (input.appealId && !(await findAppeal(deps.database.db, jid, input.appealId))) throw new AppError('UNKNOWN_APPEAL', undefined, { field: 'appealId' });
  if (input.unitId && !people.unitNames.has(input.unitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  const id = newId();
  await deps.database.db.transaction(async (tx) => {
    await insertCaseOwnership(tx, {
      jurisdictionId: jid, id, leaderUserId: leader.id, appealId: input.appealId ?? null, title: input.title.trim(), unitId: input.unitId ?? leaderUnitOf(leader),
      status: 'open', startedAt: deps.now(), createdBy: user.userId,
    });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'own_case', targetType: 'case_ownership', targetId: id, detail: { leaderUserId: leader.id } });
  });
  return presentCase((await findCaseOwnership(deps.database.db, jid, id))!, people, []);
}

/** A progress note on a 包案 case by its leader or the centre; `resolved` closes the case. */
export async function addCaseProgress(deps: Deps, user: SessionUser, id: string, input: { note: string; resolved?: boolean | undefined }) {
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const c = await findCaseOwnership(db, jid, id);
  if (!c || (c.leaderUserId !== user.userId && !canManageReceptions(user) && !seesEverything(user))) throw new AppError('NOT_FOUND');
  if (c.leaderUserId !== user.userId) requireReceptionManager(user);
  const now = deps.now();
  await db.transaction(async (tx) => {
    await insertCaseProgress(tx, { jurisdictionId: jid, id: newId(), caseId: id, note: input.note.trim(), authorUserId: user.userId, at: now });
    if (input.resolved && c.status === 'open') await resolveCaseOwnership(tx, jid, id, now);
  });
  return presentCase((await findCaseOwnership(db, jid, id))!, await loadPeople(deps, jid), await progressOfCases(db, jid, [id]));
}
