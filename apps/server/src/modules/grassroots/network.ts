import { AppError } from '@minsheng/contracts';
import type { NetworkRules } from '@minsheng/domain';
import { communitiesOf, networkUnits } from '@minsheng/db';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';
import { requireRuntime } from '../../runtime/require-runtime';
import { canWorkOn, seesAll } from './policy';

export type NetworkUnit = Awaited<ReturnType<typeof networkUnits>>[number];

/**
 * The jurisdiction's grassroots reference, read once per request: street offices with their street code and
 * communities, departments, community stations, and which street each community belongs to.
 */
export async function loadNetwork(deps: Deps, jurisdictionId: string) {
  const db = deps.database.db;
  const all = await networkUnits(db, jurisdictionId);
  const unitById = new Map(all.map((u) => [u.id, u]));
  const streetOffices = all.filter((u) => u.kind === 'street_office' && u.areaCodes.some((c) => c.length === 9));
  const streetCode = (u: NetworkUnit) => u.areaCodes.find((c) => c.length === 9)!;
  const communities = await communitiesOf(db, jurisdictionId, streetOffices.map(streetCode));
  const streetUnitOfCode = new Map(streetOffices.map((u) => [streetCode(u), u]));
  const communityByCode = new Map(communities.map((c) => [c.code, c]));
  const streets = [...streetOffices].sort((a, b) => streetCode(a).localeCompare(streetCode(b))).map((u) => ({ unit: u, areaCode: streetCode(u), communities: communities.filter((c) => c.parentCode === streetCode(u)) }));
  const stationsOf = (areaCode: string) => all.filter((u) => u.kind === 'community_station' && u.areaCodes.includes(areaCode));
  /** The street office that a community (12 digits) or street (9 digits) code belongs to. */
  const streetUnitOfArea = (code: string) => streetUnitOfCode.get(code.slice(0, 9)) ?? null;
  /** Unit paths responsible for an area: its street office and the community's stations. */
  const areaPaths = (code: string) => [streetUnitOfArea(code)?.path, ...stationsOf(code).map((s) => s.path)];
  const rules = (await requireRuntime(deps, jurisdictionId)).settings.registry as NetworkRules & { disputeRevisitDays: number[] };
  return {
    all, unitById, streets, departments: all.filter((u) => u.kind === 'department'), communityByCode, streetUnitOfArea, areaPaths, rules,
    unitName: (id: string | null | undefined) => (id ? unitById.get(id)?.shortName ?? null : null),
    areaName: (code: string | null | undefined) => (code ? communityByCode.get(code)?.name ?? streets.find((s) => s.areaCode === code)?.unit.shortName ?? null : null),
  };
}
export type Network = Awaited<ReturnType<typeof loadNetwork>>;

/** Which units and areas a user may read: all for the centre's overseers, otherwise those their grants cover. */
export function readScope(user: SessionUser, net: Network) {
  const all = seesAll(user);
  return {
    unit: (unitId: string | null | undefined) => all || (unitId ? canWorkOn(user, [net.unitById.get(unitId)?.path]) : false),
    area: (code: string | null | undefined) => all || (code ? canWorkOn(user, net.areaPaths(code)) : false),
  };
}

/** A community (12-digit area under a street office) or UNKNOWN_AREA. */
export function requireCommunity(net: Network, code: string, field = 'areaCode') {
  const c = net.communityByCode.get(code);
  if (!c) throw new AppError('UNKNOWN_AREA', undefined, { field });
  return c;
}

/** A network unit (street office, department or station) or UNKNOWN_UNIT. */
export function requireUnit(net: Network, id: string, field = 'unitId'): NetworkUnit {
  const u = net.unitById.get(id);
  if (!u) throw new AppError('UNKNOWN_UNIT', undefined, { field });
  return u;
}
