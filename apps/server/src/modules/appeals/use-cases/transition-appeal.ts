import { AppError } from '@minsheng/contracts';
import { TERMINAL_STATUSES } from '@minsheng/contracts';
import type { AppealKind, AppealStatus, Track, Urgency } from '@minsheng/contracts';
import { decide, eventHash, selectDeadlinePolicy } from '@minsheng/domain';
import type { Command, PolicyClocks } from '@minsheng/domain';
import { appealClockStates, findAppeal, insertEvent, lockAppeals, saveAssignments, saveClocks, updateAppealGuarded } from '@minsheng/db';
import type { AppealPatch, AppealRow, Executor } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadReadableAppeal } from '../appeal-policy';
import { toSnapshot } from '../snapshot';
import { computeRoutingProposal } from '../../routing/use-cases/compute-routing-proposal';
import { recordRoutingOutcome } from '../../routing/use-cases/record-routing-outcome';

export interface TransitionInput extends Command {
  /** The version the user saw; when given, a change by someone else since then is a conflict. */
  expectedVersion?: number | undefined;
}

function conflict(code: 'STALE_STATE' | 'ILLEGAL_TRANSITION', status: string, version: number, message?: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { status, version, ...extra });
}

/**
 * Apply one command to an appeal: decide in the domain, then write state, event, clocks and assignments in one
 * transaction guarded by the appeal's version, so of two concurrent actors exactly one wins.
 */
export async function transitionAppeal(deps: Deps, user: SessionUser, appealId: string, input: TransitionInput): Promise<AppealRow> {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const targets = [input.input.leadUnitId, ...(input.input.coUnitIds ?? [])].filter((x): x is string => Boolean(x));
  const { appeal, paths } = await loadReadableAppeal(db, user, appealId, targets);
  if (input.expectedVersion !== undefined && input.expectedVersion !== appeal.version) {
    throw conflict('STALE_STATE', appeal.status, appeal.version);
  }
  if (input.action === 'merge') await checkMergeTarget(deps, user, appealId, input.input.masterId);

  const clocks = await appealClockStates(db, user.jurisdictionId, appealId);
  // The policy chosen at intake; if an admin has since removed it, the one that matches the appeal now.
  const policy = runtime.policies.find((p) => p.id === appeal.policyId)
    ?? selectDeadlinePolicy(runtime.policies, { track: appeal.track as Track, kind: appeal.kind as AppealKind, urgency: appeal.urgency as Urgency, categoryId: appeal.categoryId });
  if (!policy) throw new Error(`jurisdiction ${user.jurisdictionId} has no deadline policy for this appeal`);
  const now = deps.now();
  const result = decide(toSnapshot(appeal, clocks, paths), input, { userId: user.userId, grants: user.grants }, {
    now, calendar: runtime.calendar, policy: policy.clocks as PolicyClocks,
  });
  if (!result.ok) {
    if (result.code === 'ILLEGAL_TRANSITION') throw conflict('ILLEGAL_TRANSITION', appeal.status, appeal.version, result.message, { allowedActions: result.details?.allowedActions });
    throw new AppError(result.code, result.message, result.details);
  }
  const d = result.decision;
  // 派单目录: a dispatch that follows a catalogue rule remembers it, so an approved return counts against that rule.
  let routingRuleId: string | null | undefined;
  if (input.action === 'dispatch') {
    const routing = await computeRoutingProposal(db, { jurisdictionId: user.jurisdictionId, categoryId: appeal.categoryId, areaCode: appeal.areaCode, accusedUnitId: appeal.accusedUnitId });
    routingRuleId = [routing.proposal, ...routing.alternatives].find((p) => p?.ruleId && p.leadUnitId === input.input.leadUnitId)?.ruleId ?? null;
    d.event.payload.routingRuleId = routingRuleId;
  }
  const seq = appeal.lastEventSeq + 1;
  const event = {
    jurisdictionId: user.jurisdictionId, appealId, seq, action: d.event.action, fromStatus: d.from, toStatus: d.to,
    actorUserId: user.userId, actorRole: d.actorRole, actorUnitId: d.actorUnitId, reason: d.event.reason, payload: d.event.payload, visibility: d.event.visibility, occurredAt: now,
    prevHash: appeal.lastEventHash,
  };
  const hash = eventHash(event);
  const { coUnitIds, ...rest } = d.patch;
  const patch: AppealPatch = { ...rest, status: d.to, lastEventSeq: seq, lastEventHash: hash, updatedAt: now };
  if (coUnitIds) patch.coUnitIds = [...coUnitIds];
  if (routingRuleId !== undefined) patch.routingRuleId = routingRuleId;
  if (input.action === 'merge') patch.masterId = input.input.masterId!;

  await db.transaction(async (tx) => {
    if (input.action === 'merge') await lockMergePair(tx, user.jurisdictionId, appealId, input.input.masterId!);
    const won = await updateAppealGuarded(tx, { jurisdictionId: user.jurisdictionId, id: appealId }, appeal.version, patch);
    if (!won) {
      const current = await findAppeal(tx, user.jurisdictionId, appealId);
      throw conflict('STALE_STATE', current?.status ?? appeal.status, current?.version ?? appeal.version);
    }
    await insertEvent(tx, { ...event, hash });
    if (d.clocks.length) await saveClocks(tx, user.jurisdictionId, appealId, d.clocks);
    if (d.assign) await saveAssignments(tx, user.jurisdictionId, appealId, d.assign, user.userId);
    if (routingRuleId) await recordRoutingOutcome(deps, { jurisdictionId: user.jurisdictionId, ruleId: routingRuleId, kind: 'dispatch' }, tx);
    if (input.action === 'approve_return' && appeal.routingRuleId) {
      await recordRoutingOutcome(deps, { jurisdictionId: user.jurisdictionId, ruleId: appeal.routingRuleId, kind: 'return_approved' }, tx);
    }
  });
  const saved = await findAppeal(db, user.jurisdictionId, appealId);
  return saved!;
}

const masterClosed = (status: string) => TERMINAL_STATUSES.includes(status as AppealStatus);

/** 并单 attaches to an open master the user can see; a merged or closed appeal cannot be a master. */
async function checkMergeTarget(deps: Deps, user: SessionUser, appealId: string, masterId: string | undefined): Promise<void> {
  if (!masterId || masterId === appealId) return; // the domain reports these
  try {
    const { appeal: master } = await loadReadableAppeal(deps.database.db, user, masterId);
    if (masterClosed(master.status)) {
      throw new AppError('INVALID_TRANSITION_INPUT', 'the master appeal is not open', { field: 'masterId', masterStatus: master.status });
    }
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('UNKNOWN_APPEAL', undefined, { field: 'masterId' });
    throw err;
  }
}

/**
 * Lock the merging appeal and its master in id order (so A→B and B→A at once cannot deadlock), then check again that
 * the master is still open: two appeals can never end up merged into each other.
 */
async function lockMergePair(tx: Executor, jurisdictionId: string, appealId: string, masterId: string): Promise<void> {
  const rows = await lockAppeals(tx, jurisdictionId, [appealId, masterId]);
  const master = rows.find((r) => r.id === masterId);
  if (!master || masterClosed(master.status)) {
    throw new AppError('INVALID_TRANSITION_INPUT', 'the master appeal is not open', { field: 'masterId', masterStatus: master?.status ?? null });
  }
}
