import { AppError } from '@minsheng/contracts';
import { insertReceptionSession, listReceptionSessions, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { leaderUnitOf, loadPeople, requireLeaderMember } from '../people';
import { canReadSession, loadReadableSession, presentSessions } from '../session-access';
import { requireReceptionManager } from '../policy';

export interface SessionInput {
  kind: 'leader_reception' | 'hotline'; leaderUserId: string; heldAt: string; ruleId?: string | undefined; unitId?: string | undefined; place?: string | undefined; summary?: string | undefined;
}

/** Record a held reception or hotline session (the centre, or the receiving leader themself). */
export async function recordSession(deps: Deps, user: SessionUser, input: SessionInput) {
  if (input.leaderUserId !== user.userId) requireReceptionManager(user);
  const jid = user.jurisdictionId;
  const people = await loadPeople(deps, jid);
  const leader = requireLeaderMember(people, input.leaderUserId, 'leaderUserId');
  if (input.unitId && !people.unitNames.has(input.unitId)) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  const heldAt = new Date(input.heldAt);
  const id = newId();
  await deps.database.db.transaction(async (tx) => {
    await insertReceptionSession(tx, {
      jurisdictionId: jid, id, kind: input.kind, ruleId: input.ruleId ?? null, unitId: input.unitId ?? leaderUnitOf(leader), leaderUserId: leader.id, heldAt,
      place: input.place?.trim() ?? '', summary: input.summary?.trim() ?? '', createdBy: user.userId, createdAt: deps.now(),
    });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'record_reception_session', targetType: 'reception_session', targetId: id, detail: { kind: input.kind } });
  });
  return getSession(deps, user, id);
}

export async function getSession(deps: Deps, user: SessionUser, id: string) {
  const s = await loadReadableSession(deps, user, id);
  const [presented] = await presentSessions(deps, user.jurisdictionId, [s], await loadPeople(deps, user.jurisdictionId));
  return presented!;
}

/** The sessions the user may read, newest first, each with its matters and their results. */
export async function listSessions(deps: Deps, user: SessionUser) {
  const all = await listReceptionSessions(deps.database.db, user.jurisdictionId);
  const readable = [];
  for (const s of all) if (await canReadSession(deps, user, s)) readable.push(s);
  return { items: await presentSessions(deps, user.jurisdictionId, readable, await loadPeople(deps, user.jurisdictionId)) };
}
