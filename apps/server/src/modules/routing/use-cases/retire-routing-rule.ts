import { AppError } from '@minsheng/contracts';
import { findRoutingRule, retireRoutingRule, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentRoutingRule } from '../presenter';

/** Take a rule out of the catalogue. The row stays (history, counters); an already retired rule is not found. */
export async function retireRoutingRuleFor(deps: Deps, user: SessionUser, id: string) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  await db.transaction(async (tx) => {
    if (!(await retireRoutingRule(tx, jid, id, { userId: user.userId, at: deps.now(), replacedBy: null }))) throw new AppError('NOT_FOUND');
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'retire_routing_rule', targetType: 'routing_rule', targetId: id, detail: {} });
  });
  return presentRoutingRule((await findRoutingRule(db, jid, id))!);
}
