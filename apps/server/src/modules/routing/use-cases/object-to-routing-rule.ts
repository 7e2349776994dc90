import { AppError } from '@minsheng/contracts';
import { findRoutingRule, unitPaths, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { recordRoutingOutcome } from './record-routing-outcome';

const HANDLING_ROLES = new Set(['handler', 'unit_leader']);

export interface ObjectionInput { reason: string; appealId?: string | undefined }

/**
 * 派单异议: a handling unit the rule routes to (as lead or co-unit, or a unit above one) says the rule is wrong.
 * The rule version's objection counter goes up and the objection is audited, in one transaction.
 */
export async function objectToRoutingRule(deps: Deps, user: SessionUser, ruleId: string, input: ObjectionInput) {
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const grants = user.grants.filter((g) => HANDLING_ROLES.has(g.role));
  if (!grants.length) throw new AppError('FORBIDDEN', 'only handling units (handler, unit leader) raise dispatch objections');
  const rule = await findRoutingRule(db, jid, ruleId);
  if (!rule) throw new AppError('NOT_FOUND');
  const paths = await unitPaths(db, jid, [rule.leadUnitId, ...rule.coUnitIds]);
  const unit = grants.find((g) => Object.values(paths).some((p) => p.includes(g.unitId)));
  if (!unit) throw new AppError('FORBIDDEN', 'only a unit this rule routes to may object to it');
  if (input.appealId) await loadReadableAppeal(db, user, input.appealId);

  const reason = input.reason.trim();
  await db.transaction(async (tx) => {
    await recordRoutingOutcome(deps, { jurisdictionId: jid, ruleId, kind: 'objection' }, tx);
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: 'routing_objection', targetType: 'routing_rule', targetId: ruleId,
      detail: { reason, unitId: unit.unitId, appealId: input.appealId ?? null },
    });
  });
  const saved = (await findRoutingRule(db, jid, ruleId))!;
  return { ruleId, unitId: unit.unitId, objections: saved.objections };
}
