import { AppError } from '@minsheng/contracts';
import { screeningCompletion } from '@minsheng/domain';
import { findScreeningRound, insertScreeningReturn, insertScreeningRound, listScreeningRounds, newId, returnsOfRounds, writeAudit } from '@minsheng/db';
import type { ScreeningRoundRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../../registry/people';
import { loadNetwork, readScope, requireUnit } from '../network';
import type { Network } from '../network';
import { canWorkOn, requireCentreEditor, requireGrassrootsReader } from '../policy';
import { presentRound } from '../presenter';

async function present(deps: Deps, user: SessionUser, net: Network, rounds: ScreeningRoundRow[]) {
  const [returns, people] = await Promise.all([returnsOfRounds(deps.database.db, user.jurisdictionId, rounds.map((r) => r.id)), loadPeople(deps, user.jurisdictionId)]);
  const scope = readScope(user, net);
  const streetIds = net.streets.map((s) => s.unit.id).filter((id) => scope.unit(id));
  return rounds.map((r) => {
    const mine = returns.filter((x) => x.roundId === r.id && streetIds.includes(x.unitId));
    return presentRound(r, net, mine, screeningCompletion(streetIds, mine.map((x) => x.unitId)), people);
  });
}

/** 排查 rounds with each street's completion (the user's streets only). */
export async function listRounds(deps: Deps, user: SessionUser) {
  requireGrassrootsReader(user);
  const net = await loadNetwork(deps, user.jurisdictionId);
  return { items: await present(deps, user, net, await listScreeningRounds(deps.database.db, user.jurisdictionId)) };
}

/** The centre opens a screening round for a period; every street office returns by the due date. */
export async function createRound(deps: Deps, user: SessionUser, input: { title: string; periodStart: string; periodEnd: string; dueDate: string }) {
  requireCentreEditor(user);
  const real = (d: string) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  for (const f of ['periodStart', 'periodEnd', 'dueDate'] as const) if (!real(input[f])) throw new AppError('VALIDATION_FAILED', `${f} must be a real date`, { field: f });
  if (input.periodEnd < input.periodStart) throw new AppError('VALIDATION_FAILED', 'periodEnd must not be before periodStart', { field: 'periodEnd' });
  const jid = user.jurisdictionId;
  const id = newId();
  await deps.database.db.transaction(async (tx) => {
    await insertScreeningRound(tx, { jurisdictionId: jid, id, title: input.title.trim(), periodStart: input.periodStart, periodEnd: input.periodEnd, dueDate: input.dueDate, createdBy: user.userId, createdAt: deps.now() });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'open_screening_round', targetType: 'screening_round', targetId: id, detail: {} });
  });
  const net = await loadNetwork(deps, jid);
  return (await present(deps, user, net, [(await findScreeningRound(deps.database.db, jid, id))!]))[0]!;
}

/** A street office's return (排查完成): how many disputes it found; once per round. */
export async function returnRound(deps: Deps, user: SessionUser, id: string, input: { unitId?: string | undefined; disputesFound: number; note?: string | undefined }) {
  requireGrassrootsReader(user);
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const round = await findScreeningRound(deps.database.db, jid, id);
  if (!round) throw new AppError('NOT_FOUND');
  const unitId = input.unitId ?? net.streets.find((s) => canWorkOn(user, [s.unit.path]) && user.grants.some((g) => g.unitId === s.unit.id))?.unit.id;
  if (!unitId) throw new AppError('VALIDATION_FAILED', 'unitId is required', { field: 'unitId' });
  const unit = requireUnit(net, unitId);
  if (unit.kind !== 'street_office') throw new AppError('WRONG_UNIT_KIND', 'street offices return screening rounds', { field: 'unitId' });
  if (!canWorkOn(user, [unit.path])) throw new AppError('FORBIDDEN');
  const ok = await insertScreeningReturn(deps.database.db, { jurisdictionId: jid, roundId: id, unitId, disputesFound: input.disputesFound, note: input.note?.trim() ?? '', returnedBy: user.userId, returnedAt: deps.now() });
  if (!ok) throw new AppError('ALREADY_RECORDED');
  return (await present(deps, user, net, [round]))[0]!;
}
