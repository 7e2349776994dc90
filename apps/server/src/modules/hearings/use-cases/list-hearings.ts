import { listHearings, unitPaths } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadHearing, presentHearings, presentOne } from '../load-hearing';
import { canManageHearing, canReadHearing } from '../policy';

/** The hearings the user's units cover, newest first, each saying whether the user may organise it. */
export async function listVisibleHearings(deps: Deps, user: SessionUser) {
  const jid = user.jurisdictionId;
  const all = await listHearings(deps.database.db, jid);
  const paths = await unitPaths(deps.database.db, jid, [...new Set(all.map((h) => h.organiserUnitId))]);
  const visible = all.filter((h) => canReadHearing(user, paths[h.organiserUnitId] ?? []));
  const presented = await presentHearings(deps, jid, visible);
  return { items: presented.map((p, i) => ({ ...p, canManage: canManageHearing(user, paths[visible[i]!.organiserUnitId] ?? []) })) };
}

export async function getHearing(deps: Deps, user: SessionUser, id: string) {
  return presentOne(deps, user.jurisdictionId, await loadHearing(deps, user, id, false));
}
