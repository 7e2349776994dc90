import { findRoutingRule, insertRoutingRule, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentRoutingRule } from '../presenter';
import { checkRoutingRule, duplicateCellError } from './check-routing-rule';
import type { RoutingRuleInput } from './check-routing-rule';

/** Add a rule to the routing catalogue (version 1 of a new lineage), audited in the same transaction. */
export async function createRoutingRule(deps: Deps, user: SessionUser, input: RoutingRuleInput) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const rule = await checkRoutingRule(db, jid, input);
  const id = newId();
  try {
    await db.transaction(async (tx) => {
      await insertRoutingRule(tx, { jurisdictionId: jid, id, lineageId: id, version: 1, ...rule, createdBy: user.userId, createdAt: deps.now() });
      await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'create_routing_rule', targetType: 'routing_rule', targetId: id, detail: { ...rule } });
    });
  } catch (err) {
    throw await duplicateCellError(err, db, jid, rule);
  }
  return presentRoutingRule((await findRoutingRule(db, jid, id))!);
}
