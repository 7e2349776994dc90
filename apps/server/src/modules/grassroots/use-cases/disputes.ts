import { AppError } from '@minsheng/contracts';
import { isPhoneNumber, nextDisputeStatus, raisesWarning } from '@minsheng/domain';
import type { DisputeCommand, DisputeKind, DisputeStatus, RiskLevel } from '@minsheng/domain';
import { findDispute, findScreeningRound, insertDispute, insertDisputeStep, listDisputes, moveDispute, newId, raiseDisputeWarning, revisitsOfDisputes, stepsOfDisputes, writeAudit } from '@minsheng/db';
import type { DisputeRow, Executor } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadPeople } from '../../registry/people';
import { loadNetwork, readScope, requireUnit } from '../network';
import type { Network } from '../network';
import { canWorkOn, requireGrassrootsReader } from '../policy';
import { presentDispute } from '../presenter';

export interface PartyInput { name: string; phone?: string | undefined; role?: string | undefined }
export interface DisputeInput {
  title: string; description: string; kind: DisputeKind; riskLevel: RiskLevel; areaCode?: string | undefined; ownerUnitId?: string | undefined;
  parties: PartyInput[]; roundId?: string | undefined;
}

/** The owner unit: the one named, else the area's street office, else the user's own unit; the user must cover it. */
export function resolveOwner(net: Network, user: SessionUser, ownerUnitId: string | undefined, areaCode: string | null) {
  const unit = ownerUnitId ? requireUnit(net, ownerUnitId, 'ownerUnitId') : (areaCode ? net.streetUnitOfArea(areaCode) : null) ?? net.unitById.get(user.grants[0]?.unitId ?? '') ?? null;
  if (!unit) throw new AppError('VALIDATION_FAILED', 'ownerUnitId is required', { field: 'ownerUnitId' });
  if (!canWorkOn(user, [unit.path])) throw new AppError('FORBIDDEN', 'disputes are registered for units in your charge');
  return unit;
}

/** An area of the jurisdiction (street or community) or UNKNOWN_AREA. */
export function checkArea(net: Network, code: string | undefined): string | null {
  if (!code) return null;
  if (!net.areaName(code)) throw new AppError('UNKNOWN_AREA', undefined, { field: 'areaCode' });
  return code;
}

/** Write a dispute, its first step and (high risk) its warning in the caller's transaction. */
export async function insertDisputeWithWarning(tx: Executor, row: Parameters<typeof insertDispute>[1], actorUserId: string, now: Date): Promise<void> {
  await insertDispute(tx, row);
  await insertDisputeStep(tx, { jurisdictionId: row.jurisdictionId, id: newId(), disputeId: row.id, action: 'register', note: '登记', authorUserId: actorUserId, at: now });
  if (raisesWarning(row.riskLevel as RiskLevel)) await raiseDisputeWarning(tx, { jurisdictionId: row.jurisdictionId, id: newId(), disputeId: row.id, riskLevel: row.riskLevel, raisedAt: now });
  await writeAudit(tx, { jurisdictionId: row.jurisdictionId, actorUserId, action: 'register_dispute', targetType: 'dispute', targetId: row.id, detail: { riskLevel: row.riskLevel, source: row.source } });
}

/** Present disputes with steps, revisits and names. */
export async function presentDisputes(deps: Deps, jid: string, net: Network, rows: DisputeRow[]) {
  const [steps, revisits, people, runtime] = await Promise.all([
    stepsOfDisputes(deps.database.db, jid, rows.map((d) => d.id)), revisitsOfDisputes(deps.database.db, jid, rows.map((d) => d.id)), loadPeople(deps, jid), requireRuntime(deps, jid),
  ]);
  return rows.map((d) => presentDispute(d, net, people, deps.cipher, steps.filter((s) => s.disputeId === d.id), revisits.filter((r) => r.disputeId === d.id),
    d.resolvedAt ? runtime.calendar.localDate(d.resolvedAt) : null));
}

/** 登记 a dispute: parties encrypted; a high-risk one raises a warning to supervisors in the same transaction. */
export async function registerDispute(deps: Deps, user: SessionUser, input: DisputeInput) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const areaCode = checkArea(net, input.areaCode);
  const owner = resolveOwner(net, user, input.ownerUnitId, areaCode);
  input.parties.forEach((p, i) => { if (p.phone !== undefined && !isPhoneNumber(p.phone)) throw new AppError('INVALID_PHONE', undefined, { field: `parties/${i}/phone` }); });
  if (input.roundId && !(await findScreeningRound(deps.database.db, jid, input.roundId))) throw new AppError('NOT_FOUND', 'screening round not found', { field: 'roundId' });
  const id = newId();
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => insertDisputeWithWarning(tx, {
    jurisdictionId: jid, id, title: input.title.trim(), description: input.description.trim(), kind: input.kind, riskLevel: input.riskLevel, areaCode, ownerUnitId: owner.id,
    parties: input.parties.map((p) => ({ nameEnc: deps.cipher.encrypt(p.name.trim()), phoneEnc: p.phone ? deps.cipher.encrypt(p.phone.trim()) : null, role: p.role?.trim() ?? '' })),
    status: 'open', source: input.roundId ? 'screening' : 'register', sourceId: input.roundId ?? null, reportedAt: now, createdBy: user.userId,
  }, user.userId, now));
  return (await presentDisputes(deps, jid, net, [(await findDispute(deps.database.db, jid, id))!]))[0]!;
}

/** The register as the user may read it (owner unit in scope), newest first. */
export async function listDisputesFor(deps: Deps, user: SessionUser, f: { status?: DisputeStatus | undefined; riskLevel?: RiskLevel | undefined }) {
  requireGrassrootsReader(user);
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const scope = readScope(user, net);
  const rows = (await listDisputes(deps.database.db, jid, f)).filter((d) => scope.unit(d.ownerUnitId) || scope.area(d.areaCode));
  return { items: await presentDisputes(deps, jid, net, rows) };
}

async function loadReadable(deps: Deps, user: SessionUser, net: Network, id: string): Promise<DisputeRow> {
  const d = await findDispute(deps.database.db, user.jurisdictionId, id);
  const scope = readScope(user, net);
  if (!d || !(scope.unit(d.ownerUnitId) || scope.area(d.areaCode))) throw new AppError('NOT_FOUND');
  return d;
}

export async function getDispute(deps: Deps, user: SessionUser, id: string) {
  requireGrassrootsReader(user);
  const net = await loadNetwork(deps, user.jurisdictionId);
  return (await presentDisputes(deps, user.jurisdictionId, net, [await loadReadable(deps, user, net, id)]))[0]!;
}

export interface StepInput { action: 'note' | DisputeCommand; note: string; outcome?: string | undefined; riskLevel?: RiskLevel | undefined }

/** A mediation step (调解过程): a note, or a status change (调解, 化解, 调解不成, 重新调解); raising the risk to high warns. */
export async function addDisputeStep(deps: Deps, user: SessionUser, id: string, input: StepInput) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const d = await loadReadable(deps, user, net, id);
  if (!canWorkOn(user, [net.unitById.get(d.ownerUnitId)?.path])) throw new AppError('FORBIDDEN');
  const to = input.action === 'note' ? d.status as DisputeStatus : nextDisputeStatus(d.status as DisputeStatus, input.action);
  if (!to) throw new AppError('ILLEGAL_TRANSITION', `cannot ${input.action} a ${d.status} dispute`);
  if ((input.action === 'resolve' || input.action === 'fail') && !input.outcome?.trim()) throw new AppError('INVALID_TRANSITION_INPUT', 'the outcome is required', { field: 'outcome' });
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const set: Parameters<typeof moveDispute>[4] = { status: to };
    if (input.outcome !== undefined) set.outcome = input.outcome.trim();
    if (input.action === 'resolve') set.resolvedAt = now;
    if (input.action === 'reopen') set.resolvedAt = null;
    if (input.riskLevel) set.riskLevel = input.riskLevel;
    if (!(await moveDispute(tx, jid, id, d.status, set))) throw new AppError('STALE_STATE');
    await insertDisputeStep(tx, { jurisdictionId: jid, id: newId(), disputeId: id, action: input.action, note: input.note.trim(), authorUserId: user.userId, at: now });
    if (input.riskLevel && raisesWarning(input.riskLevel)) await raiseDisputeWarning(tx, { jurisdictionId: jid, id: newId(), disputeId: id, riskLevel: input.riskLevel, raisedAt: now });
  });
  return (await presentDisputes(deps, jid, net, [(await findDispute(deps.database.db, jid, id))!]))[0]!;
}
