import { appealEventsOf } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../appeal-policy';
import { presentEvent } from '../presenter';

/** The appeal's full timeline for staff who can read it (public and internal events alike). */
export async function listAppealEvents(deps: Deps, user: SessionUser, id: string) {
  await loadReadableAppeal(deps.database.db, user, id);
  const events = await appealEventsOf(deps.database.db, user.jurisdictionId, id);
  return events.map(presentEvent);
}
