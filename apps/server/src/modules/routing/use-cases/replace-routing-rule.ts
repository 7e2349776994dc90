import { AppError } from '@minsheng/contracts';
import { findRoutingRule, insertRoutingRule, newId, retireRoutingRule, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { presentRoutingRule } from '../presenter';
import { checkRoutingRule, duplicateCellError } from './check-routing-rule';
import type { RoutingRuleInput } from './check-routing-rule';

/** A retired rule cannot be edited: only the current version of a lineage can. */
function retiredError(replacedBy: string | null): AppError {
  return new AppError('NOT_FOUND', 'the rule was retired; edit its current version', { retired: true, replacedBy });
}

/**
 * Edit a rule: the current version is retired and the next version inserted in one transaction, so the history
 * and the counters of the old version stay. Of two admins editing at once, exactly one wins.
 */
export async function replaceRoutingRule(deps: Deps, user: SessionUser, id: string, input: RoutingRuleInput) {
  requireAdmin(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const current = await findRoutingRule(db, jid, id);
  if (!current) throw new AppError('NOT_FOUND');
  if (!current.active) throw retiredError(current.replacedBy);
  const rule = await checkRoutingRule(db, jid, input);
  const nextId = newId();
  const now = deps.now();
  try {
    await db.transaction(async (tx) => {
      if (!(await retireRoutingRule(tx, jid, id, { userId: user.userId, at: now, replacedBy: nextId }))) {
        throw retiredError((await findRoutingRule(tx, jid, id))?.replacedBy ?? null);
      }
      await insertRoutingRule(tx, {
        jurisdictionId: jid, id: nextId, lineageId: current.lineageId, version: current.version + 1, ...rule, createdBy: user.userId, createdAt: now,
      });
      await writeAudit(tx, {
        jurisdictionId: jid, actorUserId: user.userId, action: 'replace_routing_rule', targetType: 'routing_rule', targetId: nextId,
        detail: { replaces: id, lineageId: current.lineageId, version: current.version + 1, ...rule },
      });
    });
  } catch (err) {
    throw await duplicateCellError(err, db, jid, rule);
  }
  return presentRoutingRule((await findRoutingRule(db, jid, nextId))!);
}
