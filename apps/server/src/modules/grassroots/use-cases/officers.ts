import { AppError } from '@minsheng/contracts';
import { isPhoneNumber, normalizePhone } from '@minsheng/domain';
import { deactivateOfficer, findOfficer, insertOfficer, listOfficers, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadPeople } from '../../registry/people';
import { loadNetwork, readScope, requireCommunity, requireUnit } from '../network';
import { canManageNetwork, requireGrassrootsReader, requireNetworkKeeper } from '../policy';
import { presentOfficer } from '../presenter';

export interface OfficerInput { level: 'street' | 'department' | 'community' | 'school'; unitId?: string | undefined; areaCode?: string | undefined; orgName?: string | undefined; name: string; phone?: string | undefined; userId?: string | undefined }

/** Information officers the user may read (their units' and communities'), phones masked. */
export async function listOfficersFor(deps: Deps, user: SessionUser) {
  requireGrassrootsReader(user);
  const net = await loadNetwork(deps, user.jurisdictionId);
  const scope = readScope(user, net);
  const rows = await listOfficers(deps.database.db, user.jurisdictionId);
  return { items: rows.filter((o) => scope.unit(o.unitId) || scope.area(o.areaCode)).map((o) => presentOfficer(o, net, deps.cipher)) };
}

/**
 * Name a 信息员: a street's or department's own (unitId), a community's (areaCode; its street office is the unit) or
 * a school's (orgName under a street office). The phone is encrypted.
 */
export async function addOfficer(deps: Deps, user: SessionUser, input: OfficerInput) {
  requireNetworkKeeper(user);
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  let unitId: string;
  let areaCode: string | null = null;
  if (input.level === 'community') {
    if (!input.areaCode) throw new AppError('VALIDATION_FAILED', 'a community officer names the community', { field: 'areaCode' });
    areaCode = requireCommunity(net, input.areaCode).code;
    unitId = net.streetUnitOfArea(areaCode)!.id;
  } else {
    if (!input.unitId) throw new AppError('VALIDATION_FAILED', 'unitId is required', { field: 'unitId' });
    const unit = requireUnit(net, input.unitId);
    const wanted = input.level === 'department' ? 'department' : 'street_office';
    if (unit.kind !== wanted) throw new AppError('WRONG_UNIT_KIND', `a ${input.level} officer belongs to a ${wanted}`, { field: 'unitId' });
    if (input.level === 'school' && !input.orgName?.trim()) throw new AppError('VALIDATION_FAILED', 'a school officer names the school', { field: 'orgName' });
    unitId = unit.id;
  }
  if (!canManageNetwork(user, net.unitById.get(unitId)?.path)) throw new AppError('FORBIDDEN');
  if (input.phone !== undefined && !isPhoneNumber(input.phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'phone' });
  if (input.userId && !(await loadPeople(deps, jid)).byId.has(input.userId)) throw new AppError('UNKNOWN_USER', undefined, { field: 'userId' });
  const id = newId();
  await deps.database.db.transaction(async (tx) => {
    await insertOfficer(tx, {
      jurisdictionId: jid, id, level: input.level, unitId, areaCode, orgName: input.level === 'school' ? input.orgName!.trim() : '', name: input.name.trim(),
      phoneEnc: input.phone ? deps.cipher.encrypt(normalizePhone(input.phone)) : null, userId: input.userId ?? null, createdBy: user.userId, createdAt: deps.now(),
    });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'add_information_officer', targetType: 'information_officer', targetId: id, detail: { level: input.level } });
  });
  return presentOfficer((await findOfficer(deps.database.db, jid, id))!, net, deps.cipher);
}

/** Stand an officer down (kept for the reports they filed). */
export async function removeOfficer(deps: Deps, user: SessionUser, id: string) {
  const jid = user.jurisdictionId;
  const net = await loadNetwork(deps, jid);
  const o = await findOfficer(deps.database.db, jid, id);
  if (!o || !o.active || !(readScope(user, net).unit(o.unitId) || readScope(user, net).area(o.areaCode))) throw new AppError('NOT_FOUND');
  if (!canManageNetwork(user, net.unitById.get(o.unitId)?.path)) throw new AppError('FORBIDDEN');
  await deps.database.db.transaction(async (tx) => {
    await deactivateOfficer(tx, jid, id);
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'remove_information_officer', targetType: 'information_officer', targetId: id, detail: {} });
  });
  return { id, active: false };
}
