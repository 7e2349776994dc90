import { AppError } from '@minsheng/contracts';
import { findHearing, materialsOf, publicNames, representativesOf, unitPaths } from '@minsheng/db';
import type { HearingRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { canManageHearing, canReadHearing } from './policy';
import { presentHearing, presentPublicHearing } from './presenter';
import type { RepresentativePlain } from './presenter';

/** A hearing the user may read, or NOT_FOUND (no access looks like no hearing); `manage` also asks for organising rights. */
export async function loadHearing(deps: Deps, user: SessionUser, id: string, manage: boolean): Promise<HearingRow> {
  const h = await findHearing(deps.database.db, user.jurisdictionId, id);
  if (!h) throw new AppError('NOT_FOUND');
  const path = (await unitPaths(deps.database.db, user.jurisdictionId, [h.organiserUnitId]))[h.organiserUnitId] ?? [];
  if (!canReadHearing(user, path)) throw new AppError('NOT_FOUND');
  if (manage && !canManageHearing(user, path)) throw new AppError('FORBIDDEN');
  return h;
}

/** Hearings with their representatives (decrypted here, masked by the presenter) and materials. */
async function details(deps: Deps, jurisdictionId: string, hs: HearingRow[]) {
  const ids = hs.map((h) => h.id);
  const [reps, materials, names] = await Promise.all([
    representativesOf(deps.database.db, jurisdictionId, ids), materialsOf(deps.database.db, jurisdictionId, ids), publicNames(deps.database.db, jurisdictionId),
  ]);
  const plain: RepresentativePlain[] = reps.map((row) => ({ row, name: deps.cipher.decrypt(row.nameEnc), phone: row.phoneEnc ? deps.cipher.decrypt(row.phoneEnc) : null }));
  return hs.map((h) => ({
    h, organiserName: names.unitNames.get(h.organiserUnitId) ?? null,
    reps: plain.filter((r) => r.row.hearingId === h.id), materials: materials.filter((m) => m.hearingId === h.id),
  }));
}

export async function presentHearings(deps: Deps, jurisdictionId: string, hs: HearingRow[]) {
  return (await details(deps, jurisdictionId, hs)).map((d) => presentHearing(d.h, d.organiserName, d.reps, d.materials));
}

export async function presentPublicHearings(deps: Deps, jurisdictionId: string, hs: HearingRow[]) {
  return (await details(deps, jurisdictionId, hs)).map((d) => presentPublicHearing(d.h, d.organiserName, d.reps, d.materials));
}

export async function presentOne(deps: Deps, jurisdictionId: string, h: HearingRow) {
  return (await presentHearings(deps, jurisdictionId, [h]))[0]!;
}
