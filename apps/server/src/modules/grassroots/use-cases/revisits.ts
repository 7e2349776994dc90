import { AppError } from '@minsheng/contracts';
import { dueRevisits } from '@minsheng/domain';
import { completeRevisit, findDispute, insertDisputeStep, insertRevisit, moveDispute, newId, openRevisits, resolvedDisputes, revisitsOfDisputes } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadNetwork, readScope } from '../network';
import { canWorkOn, requireGrassrootsReader } from '../policy';
import { presentDisputes } from './disputes';

/**
 * The scheduled job's work: every revisit (回访) of a resolved dispute whose planned date (resolution + each
 * interval of the settings) has come is made due, once (the key is dispute and sequence). Returns how many.
 */
export async function materialiseRevisits(deps: Deps, jurisdictionId: string): Promise<number> {
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, jurisdictionId);
  const now = deps.now();
  const today = runtime.calendar.localDate(now);
  let made = 0;
  for (const d of await resolvedDisputes(db, jurisdictionId, now)) {
    for (const r of dueRevisits(runtime.calendar.localDate(d.resolvedAt!), runtime.settings.registry.disputeRevisitDays, today)) {
      if (await insertRevisit(db, { jurisdictionId, disputeId: d.id, seq: r.seq, dueDate: r.dueDate, createdAt: now })) made++;
    }
  }
  return made;
}

/** Revisits that are due and not yet recorded, in the user's scope, oldest first. */
export async function listDueRevisits(deps: Deps, user: SessionUser) {
  requireGrassrootsReader(user);
  const net = await loadNetwork(deps, user.jurisdictionId);
  const scope = readScope(user, net);
  const rows = (await openRevisits(deps.database.db, user.jurisdictionId)).filter((r) => scope.unit(r.dispute.ownerUnitId) || scope.area(r.dispute.areaCode));
  return {
    items: rows.map((r) => ({
      disputeId: r.dispute.id, seq: r.revisit.seq, dueDate: r.revisit.dueDate, title: r.dispute.title, kind: r.dispute.kind, riskLevel: r.dispute.riskLevel,
      ownerUnitName: net.unitName(r.dispute.ownerUnitId), areaName: net.areaName(r.dispute.areaCode),
    })),
  };
}

/** Record a revisit: stable, or recurred (the dispute goes back to mediation). */
export async function recordRevisit(deps: Deps, user: SessionUser, disputeId: string, seq: number, input: { finding: 'stable' | 'recurred'; note: string }) {
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const net = await loadNetwork(deps, jid);
  const d = await findDispute(db, jid, disputeId);
  const scope = readScope(user, net);
  if (!d || !(scope.unit(d.ownerUnitId) || scope.area(d.areaCode))) throw new AppError('NOT_FOUND');
  if (!canWorkOn(user, [net.unitById.get(d.ownerUnitId)?.path])) throw new AppError('FORBIDDEN');
  const existing = (await revisitsOfDisputes(db, jid, [disputeId])).find((r) => r.seq === seq);
  if (!existing) throw new AppError('NOT_FOUND', 'this revisit is not due yet');
  const now = deps.now();
  await db.transaction(async (tx) => {
    if (!(await completeRevisit(tx, jid, disputeId, seq, { doneAt: now, doneBy: user.userId, finding: input.finding, note: input.note.trim() }))) throw new AppError('ALREADY_RECORDED');
    await insertDisputeStep(tx, { jurisdictionId: jid, id: newId(), disputeId, action: 'revisit', note: `回访${seq}（${input.finding === 'stable' ? '稳定' : '反复'}）：${input.note.trim()}`, authorUserId: user.userId, at: now });
    if (input.finding === 'recurred' && d.status === 'resolved') await moveDispute(tx, jid, disputeId, 'resolved', { status: 'mediating', resolvedAt: null });
  });
  return (await presentDisputes(deps, jid, net, [(await findDispute(db, jid, disputeId))!]))[0]!;
}
