import { AppError } from '@minsheng/contracts';
import { findAppealsForAccess } from '@minsheng/db';
import type { AppealRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { isReadable } from '../../appeals/appeal-policy';
import { decideRoutingProposal, loadRoutingContext } from './compute-routing-proposal';
import type { ComputedProposal, RoutingContext } from './compute-routing-proposal';
import { presentAppealRoutingProposal } from '../presenter';

/** A queue page is at most 50 rows: one batch answers a page. */
export const MAX_BATCH = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Category × area contexts read at once: a page must not take every pooled connection from other requests. */
const PARALLEL_CONTEXTS = 4;

/** `appealIds` as sent: 1–50 distinct ids, comma-separated; anything else is refused before any work is done. */
export function parseAppealIds(raw: string): string[] {
  const ids = raw.split(',');
  const refuse = (message: string, details: Record<string, unknown> = {}) => new AppError('VALIDATION_FAILED', message, { field: 'appealIds', ...details });
  if (ids.length > MAX_BATCH) throw refuse(`at most ${MAX_BATCH} appeal ids`, { max: MAX_BATCH, count: ids.length });
  const malformed = ids.find((id) => !UUID.test(id));
  if (malformed !== undefined) throw refuse('each appeal id must be a UUID', { value: malformed.slice(0, 64) });
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw refuse('an appeal id is given more than once', { value: duplicate });
  return ids;
}

/** Run `work` on every item, at most `limit` at a time, answers in the items' order. */
async function inTurns<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; out[i] = await work(items[i]!); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Routing proposals (派单建议) for a page of the dispatch queue at once: one query reads the appeals with their access
 * facts, the read policy leaves out the ones the user may not read (and unknown ids) without saying which, and the
 * catalogue is read once per distinct category × area — not once per appeal. Each item's proposal is the single
 * route's answer for that appeal.
 */
export async function getRoutingProposals(deps: Deps, user: SessionUser, rawIds: string) {
  const ids = parseAppealIds(rawIds);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const found = new Map((await findAppealsForAccess(db, jid, ids)).map((f) => [f.appeal.id, f]));
  const readable = ids.map((id) => found.get(id)).filter((f) => f !== undefined && isReadable(user, f)).map((f) => f!.appeal);

  const keyOf = (a: { categoryId: string | null; areaCode: string | null }) => JSON.stringify([a.categoryId, a.areaCode]);
  const inputs = [...new Map(readable.map((a) => [keyOf(a), { categoryId: a.categoryId, areaCode: a.areaCode }])).entries()];
  const loaded = await inTurns(inputs, PARALLEL_CONTEXTS, ([, i]) => loadRoutingContext(db, jid, i.categoryId, i.areaCode));
  const contexts = new Map<string, RoutingContext>(inputs.map(([key], i) => [key, loaded[i]!]));

  // The accused unit only filters a context (pure, no query): one decision per category × area × accused unit.
  const decisions = new Map<string, ComputedProposal>();
  const decide = (a: AppealRow) => {
    const key = JSON.stringify([a.categoryId, a.areaCode, a.accusedUnitId]);
    if (!decisions.has(key)) decisions.set(key, decideRoutingProposal(contexts.get(keyOf(a))!, a.accusedUnitId));
    return decisions.get(key)!;
  };
  return { items: readable.map((a) => ({ appealId: a.id, proposal: presentAppealRoutingProposal(a, decide(a)) })) };
}
