import { listRoutingRules } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentRoutingRule } from '../presenter';

/** The routing catalogue with its counters; with `includeRetired`, every earlier version too (history). */
export async function listRoutingRulesFor(deps: Deps, user: SessionUser, includeRetired: boolean) {
  requireAdmin(user);
  return (await listRoutingRules(deps.database.db, user.jurisdictionId, includeRetired)).map(presentRoutingRule);
}
