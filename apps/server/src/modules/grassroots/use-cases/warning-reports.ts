import { AppError } from '@minsheng/contracts';
import type { AppealKind } from '@minsheng/contracts';
import type { DisputeKind, RiskLevel } from '@minsheng/domain';
import { findDispute, findOfficer, findWarningReport, insertWarningReport, listOfficers, listWarningReports, newId, settleWarningReport } from '@minsheng/db';
import type { WarningReportRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../../registry/people';
import { registerFromRegistry } from '../../registry/use-cases/register-for';
import { loadNetwork, readScope } from '../network';
import type { Network } from '../network';
import { canWorkOn, requireGrassrootsReader } from '../policy';
import { presentReport } from '../presenter';
import { checkArea, insertDisputeWithWarning, presentDisputes, resolveOwner } from './disputes';

async function present(deps: Deps, jid: string, net: Network, rows: WarningReportRow[]) {
  const [officers, people] = await Promise.all([listOfficers(deps.database.db, jid), loadPeople(deps, jid)]);
  const names = new Map(officers.map((o) => [o.id, o.name]));
  return rows.map((r) => presentReport(r, net, names.get(r.officerId) ?? null, people));
}

/** May the user file for, or settle, reports of the officer's unit or community? The officer may file their own. */
const mayWork = (user: SessionUser, net: Network, r: { unitId: string; areaCode: string | null }) => canWorkOn(user, [net.unitById.get(r.unitId)?.path, ...(r.areaCode ? net.areaPaths(r.areaCode) : [])]);

/** 信息预警: an information officer's early-warning report, filed by the officer or their unit's staff. */
export async function fileReport(deps: Deps, user: SessionUser, officerId: string, input: { content: string; riskLevel: RiskLevel; areaCode?: string | undefined }) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const officer = await findOfficer(deps.database.db, jid, officerId);
  if (!officer || !officer.active || (officer.userId !== user.userId && !mayWork(user, net, officer))) throw new AppError('NOT_FOUND');
  const areaCode = checkArea(net, input.areaCode) ?? officer.areaCode;
  const id = newId();
  await insertWarningReport(deps.database.db, {
    jurisdictionId: jid, id, officerId, unitId: officer.unitId, areaCode, content: input.content.trim(), riskLevel: input.riskLevel, status: 'pending', filedBy: user.userId, filedAt: deps.now(),
  });
  return (await present(deps, jid, net, [(await findWarningReport(deps.database.db, jid, id))!]))[0]!;
}

export async function listReports(deps: Deps, user: SessionUser) {
  requireGrassrootsReader(user);
  const net = await loadNetwork(deps, user.jurisdictionId);
  const scope = readScope(user, net);
  const rows = (await listWarningReports(deps.database.db, user.jurisdictionId)).filter((r) => scope.unit(r.unitId) || scope.area(r.areaCode));
  return { items: await present(deps, user.jurisdictionId, net, rows) };
}

async function loadPending(deps: Deps, user: SessionUser, net: Network, id: string) {
  const r = await findWarningReport(deps.database.db, user.jurisdictionId, id);
  if (!r || !(readScope(user, net).unit(r.unitId) || readScope(user, net).area(r.areaCode))) throw new AppError('NOT_FOUND');
  if (!mayWork(user, net, r)) throw new AppError('FORBIDDEN');
  if (r.status !== 'pending') throw new AppError('ALREADY_RECORDED', undefined, { status: r.status });
  return r;
}

/** The report enters the dispute register (source officer_report); high risk warns supervisors. */
export async function reportToDispute(deps: Deps, user: SessionUser, id: string, input: { title: string; kind: DisputeKind; riskLevel?: RiskLevel | undefined; ownerUnitId?: string | undefined }) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const r = await loadPending(deps, user, net, id);
  const owner = resolveOwner(net, user, input.ownerUnitId ?? r.unitId, r.areaCode);
  const disputeId = newId();
  const now = deps.now();
  const officer = await findOfficer(deps.database.db, jid, r.officerId);
  await deps.database.db.transaction(async (tx) => {
    if (!(await settleWarningReport(tx, jid, id, { status: 'dispute', disputeId, handledBy: user.userId, handledAt: now }))) throw new AppError('ALREADY_RECORDED');
    await insertDisputeWithWarning(tx, {
      jurisdictionId: jid, id: disputeId, title: input.title.trim(), description: `${r.content}${officer ? `\n信息员：${officer.name}` : ''}`, kind: input.kind, riskLevel: input.riskLevel ?? r.riskLevel,
      areaCode: r.areaCode, ownerUnitId: owner.id, parties: [], status: 'open', source: 'officer_report', sourceId: id, reportedAt: now, createdBy: user.userId,
    }, user.userId, now);
  });
  const dispute = (await presentDisputes(deps, jid, net, [(await findDispute(deps.database.db, jid, disputeId))!]))[0]!;
  return { report: (await present(deps, jid, net, [(await findWarningReport(deps.database.db, jid, id))!]))[0]!, dispute };
}

/** The report becomes an appeal (channel 走访), owned by the centre like the registry's other conversions. */
export async function reportToAppeal(deps: Deps, user: SessionUser, id: string, input: { title?: string | undefined; kind?: AppealKind | undefined; categoryId?: string | undefined }) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const r = await loadPending(deps, user, net, id);
  const appeal = await registerFromRegistry(deps, user, {
    channel: 'field_visit', kind: input.kind ?? 'help', title: input.title?.trim() || [...r.content].slice(0, 30).join(''), content: r.content,
    categoryId: input.categoryId, areaCode: r.areaCode ?? undefined,
  }, { type: 'warning_report', id }, async (tx, made) => {
    // Two clicks at once: the second finds the report settled, and its appeal is rolled back with it.
    if (!(await settleWarningReport(tx, jid, id, { status: 'appeal', appealId: made.id, handledBy: user.userId, handledAt: deps.now() }))) throw new AppError('ALREADY_RECORDED');
  });
  return { report: (await present(deps, jid, net, [(await findWarningReport(deps.database.db, jid, id))!]))[0]!, number: appeal.number, appealId: appeal.id };
}

/** A report that needs nothing further (e.g. already known) is dismissed. */
export async function dismissReport(deps: Deps, user: SessionUser, id: string) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  await loadPending(deps, user, net, id);
  if (!(await settleWarningReport(deps.database.db, jid, id, { status: 'dismissed', handledBy: user.userId, handledAt: deps.now() }))) throw new AppError('ALREADY_RECORDED');
  return (await present(deps, jid, net, [(await findWarningReport(deps.database.db, jid, id))!]))[0]!;
}
