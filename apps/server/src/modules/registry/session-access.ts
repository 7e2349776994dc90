import { AppError } from '@minsheng/contracts';
import { findReceptionSession, mattersOfSessions, unitPaths } from '@minsheng/db';
import type { ReceptionSessionRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import type { People } from './people';
import { canManageReceptions, coversUnit } from './policy';
import { presentMatter, presentSession } from './presenter';

/** Sessions a user reads: the centre's managers all; the receiving leader theirs; a unit's staff their subtree's. */
export async function canReadSession(deps: Deps, user: SessionUser, s: ReceptionSessionRow): Promise<boolean> {
  if (canManageReceptions(user) || s.leaderUserId === user.userId) return true;
  if (!s.unitId) return false;
  return coversUnit(user, (await unitPaths(deps.database.db, user.jurisdictionId, [s.unitId]))[s.unitId]);
}

/** A readable session or NOT_FOUND (no access looks like no session). */
export async function loadReadableSession(deps: Deps, user: SessionUser, id: string): Promise<ReceptionSessionRow> {
  const s = await findReceptionSession(deps.database.db, user.jurisdictionId, id);
  if (!s || !(await canReadSession(deps, user, s))) throw new AppError('NOT_FOUND');
  return s;
}

/** Sessions with their matters and the appeals' results, visitors' names decrypted then masked. */
export async function presentSessions(deps: Deps, jurisdictionId: string, sessions: ReceptionSessionRow[], people: People) {
  const rows = await mattersOfSessions(deps.database.db, jurisdictionId, sessions.map((s) => s.id));
  const now = deps.now();
  return sessions.map((s) => presentSession(s, people, rows.filter((r) => r.matter.sessionId === s.id)
    .map((r) => presentMatter(r, people, r.matter.visitorNameEnc ? deps.cipher.decrypt(r.matter.visitorNameEnc) : null, now))));
}
