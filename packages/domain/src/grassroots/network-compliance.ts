/**
 * 群众工作网络 compliance (seed 003 §4–6): a work station (工作站) for every street/park and department meeting the
 * "five haves" (五有) with ≥ 5 staff, a work room (工作室) for every community meeting "four haves one must"
 * (四有一要) with ≥ 3 staff, and information officers (信息员): ≥ 3 per street, ≥ 1 per department, ≥ 3 per
 * community or school. Every number and requirement list comes from the jurisdiction's settings. Pure.
 */
export interface NetworkRules {
  stationRequirements: readonly string[];
  roomRequirements: readonly string[];
  stationMinStaff: number;
  roomMinStaff: number;
  officersMinStreet: number;
  officersMinDepartment: number;
  officersMinCommunity: number;
}

export type PostKind = 'station' | 'room';
export type OfficerLevel = 'street' | 'department' | 'community' | 'school';

/** A work station (keyed by its unit) or a work room (keyed by its community's area code). */
export interface PostFact { kind: PostKind; unitId: string | null; areaCode: string | null; staffCount: number; requirementsMet: readonly string[] }
export interface OfficerFact { level: OfficerLevel; unitId: string; areaCode: string | null; orgName: string }

export type NetworkGap =
  | { kind: 'no_station' }
  | { kind: 'station_requirement'; item: string }
  | { kind: 'station_staff'; have: number; need: number }
  | { kind: 'unit_officers'; have: number; need: number }
  | { kind: 'no_room'; areaCode: string }
  | { kind: 'room_requirement'; areaCode: string; item: string }
  | { kind: 'room_staff'; areaCode: string; have: number; need: number }
  | { kind: 'community_officers'; areaCode: string; have: number; need: number }
  | { kind: 'school_officers'; orgName: string; have: number; need: number };

export interface StreetInput { unitId: string; areaCode: string; communityCodes: readonly string[] }

export interface ComplianceRow {
  unitId: string;
  areaCode: string | null;
  station: { exists: boolean; staffCount: number; requirementsMissing: string[]; compliant: boolean };
  unitOfficers: number;
  communities: number;
  /** Communities with a work room, with a compliant room, with enough officers. */
  rooms: number;
  compliantRooms: number;
  communitiesWithOfficers: number;
  /** Share of communities with a work room (target 100 %); null for a department or a street without communities. */
  roomCoverage: number | null;
  officerCoverage: number | null;
  gaps: NetworkGap[];
  compliant: boolean;
}

const ratio = (n: number, d: number) => (d ? n / d : null);
const missing = (required: readonly string[], met: readonly string[]) => required.filter((r) => !met.includes(r));

function stationPart(post: PostFact | undefined, rules: NetworkRules, gaps: NetworkGap[], minStaff: number) {
  if (!post) {
    gaps.push({ kind: 'no_station' });
    return { exists: false, staffCount: 0, requirementsMissing: [...rules.stationRequirements], compliant: false };
  }
  const requirementsMissing = missing(rules.stationRequirements, post.requirementsMet);
  for (const item of requirementsMissing) gaps.push({ kind: 'station_requirement', item });
  if (post.staffCount < minStaff) gaps.push({ kind: 'station_staff', have: post.staffCount, need: minStaff });
  return { exists: true, staffCount: post.staffCount, requirementsMissing, compliant: !requirementsMissing.length && post.staffCount >= minStaff };
}

/** One row per street office: its station, its officers, and every community's room and officers. */
export function streetCompliance(street: StreetInput, posts: readonly PostFact[], officers: readonly OfficerFact[], rules: NetworkRules): ComplianceRow {
  const gaps: NetworkGap[] = [];
  const station = stationPart(posts.find((p) => p.kind === 'station' && p.unitId === street.unitId), rules, gaps, rules.stationMinStaff);
  const unitOfficers = officers.filter((o) => o.level === 'street' && o.unitId === street.unitId).length;
  if (unitOfficers < rules.officersMinStreet) gaps.push({ kind: 'unit_officers', have: unitOfficers, need: rules.officersMinStreet });
  let rooms = 0;
  let compliantRooms = 0;
  let communitiesWithOfficers = 0;
  for (const code of street.communityCodes) {
    const room = posts.find((p) => p.kind === 'room' && p.areaCode === code);
    if (!room) gaps.push({ kind: 'no_room', areaCode: code });
    else {
      rooms++;
      const lacking = missing(rules.roomRequirements, room.requirementsMet);
      for (const item of lacking) gaps.push({ kind: 'room_requirement', areaCode: code, item });
      if (room.staffCount < rules.roomMinStaff) gaps.push({ kind: 'room_staff', areaCode: code, have: room.staffCount, need: rules.roomMinStaff });
      if (!lacking.length && room.staffCount >= rules.roomMinStaff) compliantRooms++;
    }
    const have = officers.filter((o) => o.level === 'community' && o.areaCode === code).length;
    if (have >= rules.officersMinCommunity) communitiesWithOfficers++;
    else gaps.push({ kind: 'community_officers', areaCode: code, have, need: rules.officersMinCommunity });
  }
  const schools = new Map<string, number>();
  for (const o of officers) if (o.level === 'school' && o.unitId === street.unitId) schools.set(o.orgName, (schools.get(o.orgName) ?? 0) + 1);
  for (const [orgName, have] of [...schools].sort(([a], [b]) => a.localeCompare(b, 'zh'))) {
    if (have < rules.officersMinCommunity) gaps.push({ kind: 'school_officers', orgName, have, need: rules.officersMinCommunity });
  }
  const n = street.communityCodes.length;
  return {
    unitId: street.unitId, areaCode: street.areaCode, station, unitOfficers, communities: n, rooms, compliantRooms, communitiesWithOfficers,
    roomCoverage: ratio(rooms, n), officerCoverage: ratio(communitiesWithOfficers, n), gaps, compliant: gaps.length === 0,
  };
}

/** A department's row: a station with its own system and staff (no five-haves minimum of 5), ≥ 1 officer. */
export function departmentCompliance(unitId: string, posts: readonly PostFact[], officers: readonly OfficerFact[], rules: NetworkRules): ComplianceRow {
  const gaps: NetworkGap[] = [];
  const station = stationPart(posts.find((p) => p.kind === 'station' && p.unitId === unitId), { ...rules, stationRequirements: [] }, gaps, 1);
  const unitOfficers = officers.filter((o) => o.level === 'department' && o.unitId === unitId).length;
  if (unitOfficers < rules.officersMinDepartment) gaps.push({ kind: 'unit_officers', have: unitOfficers, need: rules.officersMinDepartment });
  return {
    unitId, areaCode: null, station, unitOfficers, communities: 0, rooms: 0, compliantRooms: 0, communitiesWithOfficers: 0,
    roomCoverage: null, officerCoverage: null, gaps, compliant: gaps.length === 0,
  };
}

/** District totals: station coverage over streets and departments, room and officer coverage over all communities. */
export function networkTotals(rows: readonly ComplianceRow[]) {
  const communities = rows.reduce((s, r) => s + r.communities, 0);
  return {
    units: rows.length,
    stations: rows.filter((r) => r.station.exists).length,
    stationCoverage: ratio(rows.filter((r) => r.station.exists).length, rows.length),
    communities,
    roomCoverage: ratio(rows.reduce((s, r) => s + r.rooms, 0), communities),
    officerCoverage: ratio(rows.reduce((s, r) => s + r.communitiesWithOfficers, 0), communities),
    compliantUnits: rows.filter((r) => r.compliant).length,
  };
}
