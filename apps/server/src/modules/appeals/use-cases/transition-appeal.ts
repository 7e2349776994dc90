import { AppError, TERMINAL_STATUSES } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import { decide } from '@minsheng/domain';
import type { Command, MasterFacts, ReplyRecord } from '@minsheng/domain';
import { appealClockStates, findAppeal, insertIdempotencyKey, lockAppeals } from '@minsheng/db';
import type { AppealPatch, AppealRow, Executor } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadReadableAppeal } from '../appeal-policy';
import type { IdempotencyRecord } from './register-appeal';
import { toSnapshot } from '../snapshot';
import { decisionContext } from '../decision-context';
import { writeDecision } from '../write-decision';
import { propagateToMerged } from '../propagate-to-merged';
import { computeRoutingProposal } from '../../routing/use-cases/compute-routing-proposal';
import { recordRoutingOutcome } from '../../routing/use-cases/record-routing-outcome';

export interface TransitionInput extends Command {
  /** The version the user saw; when given, a change by someone else since then is a conflict. */
  expectedVersion?: number | undefined;
}

export interface TransitionOptions {
  /**
   * Work that must commit with the transition or not at all (the deadline sweep's mark). Returning false abandons
   * the transition: nothing is written and `transitionAppeal` returns null.
   */
  within?: ((tx: Executor) => Promise<boolean>) | undefined;
  /** An Idempotency-Key recorded with the change, so a retried request cannot act twice. */
  idempotency?: IdempotencyRecord | undefined;
}

class Abandoned extends Error {}

function conflict(code: 'STALE_STATE' | 'ILLEGAL_TRANSITION', status: string, version: number, message?: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { status, version, ...extra });
}

/**
 * Apply one command to an appeal: decide in the domain, then write state, event, clocks, assignments, supervision
 * records and notifications in one transaction guarded by the appeal's version, so of two concurrent actors exactly
 * one wins. A master's outcome reaches its merged appeals in the same transaction.
 */
export async function transitionAppeal(deps: Deps, user: SessionUser, appealId: string, input: TransitionInput, options: TransitionOptions = {}): Promise<AppealRow | null> {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const targets = [input.input.leadUnitId, ...(input.input.coUnitIds ?? [])].filter((x): x is string => Boolean(x));
  const { appeal, paths } = await loadReadableAppeal(db, user, appealId, targets);
  if (input.expectedVersion !== undefined && input.expectedVersion !== appeal.version) {
    throw conflict('STALE_STATE', appeal.status, appeal.version);
  }
  if (input.action === 'merge') await checkMergeTarget(deps, user, appeal, input.input.masterId);
  if (input.input.categoryId !== undefined && !runtime.categories.has(input.input.categoryId)) {
    throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'categoryId' });
  }

  const clocks = await appealClockStates(db, user.jurisdictionId, appealId);
  const now = deps.now();
  const snapshot = { ...toSnapshot(appeal, clocks, paths), master: await masterFacts(db, appeal) };
  const result = decide(snapshot, input, { userId: user.userId, grants: user.grants }, decisionContext(runtime, appeal, now));
  if (!result.ok) {
    if (result.code === 'ILLEGAL_TRANSITION') throw conflict('ILLEGAL_TRANSITION', appeal.status, appeal.version, result.message, { allowedActions: result.details?.allowedActions });
    throw new AppError(result.code, result.message, result.details);
  }
  const d = result.decision;
  // 派单目录: a dispatch that follows a catalogue rule remembers it, so an approved return counts against that rule.
  const extraPatch: AppealPatch = {};
  let routingRuleId: string | null = null;
  if (input.action === 'dispatch') {
    const routing = await computeRoutingProposal(db, { jurisdictionId: user.jurisdictionId, categoryId: appeal.categoryId, areaCode: appeal.areaCode, accusedUnitId: appeal.accusedUnitId });
    routingRuleId = [routing.proposal, ...routing.alternatives].find((p) => p?.ruleId && p.leadUnitId === input.input.leadUnitId)?.ruleId ?? null;
    d.event.payload.routingRuleId = routingRuleId;
    extraPatch.routingRuleId = routingRuleId;
  }

  try {
    await db.transaction(async (tx) => {
      if (input.action === 'merge') await lockMergePair(tx, user.jurisdictionId, appealId, input.input.masterId!);
      if (options.within && !(await options.within(tx))) throw new Abandoned();
      if (options.idempotency) {
        await insertIdempotencyKey(tx, { jurisdictionId: user.jurisdictionId, ...options.idempotency, userId: user.userId, statusCode: 200, appealId });
      }
      await writeDecision(tx, { appeal, decision: d, actorUserId: user.userId, now, extraPatch });
      if (routingRuleId) await recordRoutingOutcome(deps, { jurisdictionId: user.jurisdictionId, ruleId: routingRuleId, kind: 'dispatch' }, tx);
      if (input.action === 'approve_return' && appeal.routingRuleId) {
        await recordRoutingOutcome(deps, { jurisdictionId: user.jurisdictionId, ruleId: appeal.routingRuleId, kind: 'return_approved' }, tx);
      }
      if (d.from !== d.to) {
        const reply = (d.patch.reply === undefined ? appeal.reply : d.patch.reply) as ReplyRecord | null;
        const leadUnitId = d.patch.leadUnitId === undefined ? appeal.leadUnitId : d.patch.leadUnitId;
        const coUnitIds = d.patch.coUnitIds ?? appeal.coUnitIds;
        await propagateToMerged(tx, runtime, { jurisdictionId: user.jurisdictionId, masterId: appealId, status: d.to, reply, leadUnitId, coUnitIds }, now);
      }
    });
  } catch (err) {
    if (err instanceof Abandoned) return null;
    throw err;
  }
  return (await findAppeal(db, user.jurisdictionId, appealId))!;
}

/** The master a merged appeal waits for (its state decides whether the merge can still be undone). */
async function masterFacts(db: Executor, appeal: AppealRow): Promise<MasterFacts | null> {
  if (!appeal.masterId) return null;
  const master = await findAppeal(db, appeal.jurisdictionId, appeal.masterId);
  return master ? { id: master.id, status: master.status as AppealStatus, reply: master.reply as ReplyRecord | null, leadUnitId: master.leadUnitId, coUnitIds: master.coUnitIds } : null;
}

const masterClosed = (status: string) => TERMINAL_STATUSES.includes(status as AppealStatus);

/** 并单 attaches to an open master of the same track that the user can see; a merged or closed appeal cannot be one. */
async function checkMergeTarget(deps: Deps, user: SessionUser, appeal: AppealRow, masterId: string | undefined): Promise<void> {
  if (!masterId || masterId === appeal.id) return; // the domain reports these
  try {
    const { appeal: master } = await loadReadableAppeal(deps.database.db, user, masterId);
    if (masterClosed(master.status)) {
      throw new AppError('INVALID_TRANSITION_INPUT', 'the master appeal is not open', { field: 'masterId', masterStatus: master.status });
    }
    if (master.track !== appeal.track) throw new AppError('INVALID_TRANSITION_INPUT', 'the master appeal is on another track', { field: 'masterId' });
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
