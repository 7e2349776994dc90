import { shiftsOnDuty } from '@minsheng/domain';
import { listShifts } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../people';
import { presentShift } from '../presenter';

/** Who is on duty now (A) and their backup (B), for the intake screen; any signed-in staff member may ask. */
export async function onDuty(deps: Deps, user: SessionUser) {
  const now = deps.now();
  const [rows, people] = await Promise.all([
    listShifts(deps.database.db, user.jurisdictionId, new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 1)),
    loadPeople(deps, user.jurisdictionId),
  ]);
  return { at: now.toISOString(), items: shiftsOnDuty(rows, now).map((r) => presentShift(r, people)) };
}
