import { listUpstreamPlatforms } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentPlatform } from '../presenter';

/** The upper platforms registered in the administrator's jurisdiction, active or not. */
export async function listPlatforms(deps: Deps, user: SessionUser) {
  requireAdmin(user);
  return { items: (await listUpstreamPlatforms(deps.database.db, user.jurisdictionId)).map(presentPlatform) };
}
