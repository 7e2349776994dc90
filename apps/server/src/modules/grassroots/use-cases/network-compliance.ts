import { departmentCompliance, networkTotals, streetCompliance } from '@minsheng/domain';
import type { NetworkGap, OfficerFact, OfficerLevel, PostFact, PostKind } from '@minsheng/domain';
import { listOfficers, listWorkPosts } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadNetwork, readScope } from '../network';
import type { Network } from '../network';
import { requireGrassrootsReader } from '../policy';

/** A gap with the community's name, for the table. */
const named = (net: Network, g: NetworkGap) => ('areaCode' in g ? { ...g, areaName: net.areaName(g.areaCode) } : g);

/**
 * The compliance table (issue 8 module 3): one row per street office and per department the user may read, with
 * station, room and officer coverage (target 100 %) and every gap; district totals over the rows shown.
 */
export async function getNetworkCompliance(deps: Deps, user: SessionUser) {
  requireGrassrootsReader(user);
  const db = deps.database.db;
  const net = await loadNetwork(deps, user.jurisdictionId);
  const scope = readScope(user, net);
  const [postRows, officerRows] = await Promise.all([listWorkPosts(db, user.jurisdictionId), listOfficers(db, user.jurisdictionId)]);
  const posts: PostFact[] = postRows.map((p) => ({ kind: p.kind as PostKind, unitId: p.unitId, areaCode: p.areaCode, staffCount: p.staffCount, requirementsMet: p.requirementsMet as string[] }));
  const officers: OfficerFact[] = officerRows.map((o) => ({ level: o.level as OfficerLevel, unitId: o.unitId, areaCode: o.areaCode, orgName: o.orgName }));
  const streets = net.streets.filter((s) => scope.unit(s.unit.id))
    .map((s) => streetCompliance({ unitId: s.unit.id, areaCode: s.areaCode, communityCodes: s.communities.map((c) => c.code) }, posts, officers, net.rules));
  const departments = net.departments.filter((d) => scope.unit(d.id)).map((d) => departmentCompliance(d.id, posts, officers, net.rules));
  const present = (r: (typeof streets)[number]) => ({ ...r, unitName: net.unitName(r.unitId), gaps: r.gaps.map((g) => named(net, g)) });
  const r = net.rules;
  return {
    rules: {
      stationRequirements: r.stationRequirements, roomRequirements: r.roomRequirements, stationMinStaff: r.stationMinStaff, roomMinStaff: r.roomMinStaff,
      officersMinStreet: r.officersMinStreet, officersMinDepartment: r.officersMinDepartment, officersMinCommunity: r.officersMinCommunity,
    },
    streets: streets.map(present), departments: departments.map(present),
    totals: { streets: networkTotals(streets), departments: networkTotals(departments) },
  };
}
