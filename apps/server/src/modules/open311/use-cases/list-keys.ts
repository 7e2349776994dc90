import { listOpen311Keys } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentKey } from '../presenter';

/** The Open311 keys of the administrator's jurisdiction, active or not. */
export async function listKeys(deps: Deps, user: SessionUser) {
  requireAdmin(user);
  return { items: (await listOpen311Keys(deps.database.db, user.jurisdictionId)).map(presentKey) };
}
