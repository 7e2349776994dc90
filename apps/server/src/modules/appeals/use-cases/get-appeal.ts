import { appealClockStates, findCitizen } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadReadableAppeal } from '../appeal-policy';
import { presentAppeal } from '../presenter';

/** One appeal with its clocks, masked citizen and the actions this user may take now. */
export async function getAppeal(deps: Deps, user: SessionUser, id: string) {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  // The clocks are read alongside the access check (one round trip less to wait for); they are only used once it passed.
  const clocksRead = appealClockStates(db, user.jurisdictionId, id);
  clocksRead.catch(() => undefined); // a refused read never awaits it
  const { appeal, paths } = await loadReadableAppeal(db, user, id);
  const [clocks, citizen] = await Promise.all([
    clocksRead,
    appeal.citizenId ? findCitizen(db, user.jurisdictionId, appeal.citizenId) : Promise.resolve(null),
  ]);
  return presentAppeal({ appeal, clocks, citizen, paths }, user, runtime, deps.cipher, deps.now());
}
