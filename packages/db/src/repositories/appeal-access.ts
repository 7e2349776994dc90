import type { Database, Executor } from '../connection';
import { queryRows } from '../raw';
import { positionalSql, rawRowReader } from '../raw-rows';
import { appealClocks, appeals, citizens } from '../schema';
import { toClockState } from './appeal-reads';

const readAppeal = rawRowReader(appeals);
const readClock = rawRowReader(appealClocks);
const readCitizen = rawRowReader(citizens);

/**
 * The appeal ($1 jurisdiction, $2 id) with what its read policy needs: the units ever assigned to it, and the
 * root → unit paths of the active units it names (owner, lead, accused, co-units, assignees) and of $3 (extra ids).
 */
const ACCESS_SELECT = `SELECT a.*,
    ARRAY(SELECT x.unit_id FROM appeal_assignments x WHERE x.jurisdiction_id = a.jurisdiction_id AND x.appeal_id = a.id) AS access_assigned,
    (SELECT json_object_agg(u.id, u.path) FROM units u WHERE u.jurisdiction_id = a.jurisdiction_id AND u.active
      AND (u.id IN (a.owner_unit_id, a.lead_unit_id, a.accused_unit_id) OR u.id = ANY(a.co_unit_ids) OR u.id = ANY($3::text[])
        OR u.id IN (SELECT x.unit_id FROM appeal_assignments x WHERE x.jurisdiction_id = a.jurisdiction_id AND x.appeal_id = a.id))) AS access_paths`;
const FROM_APPEAL = 'FROM appeals a WHERE a.jurisdiction_id = $1 AND a.id = $2';

/** The access read plus the appeal's clocks and its citizen's (encrypted) identity: the whole detail page at once. */
const DETAIL_SQL = `${ACCESS_SELECT},
    (SELECT json_agg(c ORDER BY c.started_at, c.clock) FROM appeal_clocks c WHERE c.jurisdiction_id = a.jurisdiction_id AND c.appeal_id = a.id) AS detail_clocks,
    (SELECT row_to_json(ci) FROM citizens ci WHERE ci.jurisdiction_id = a.jurisdiction_id AND ci.id = a.citizen_id) AS detail_citizen
  ${FROM_APPEAL}`;

function accessOf(raw: Record<string, unknown>) {
  return { appeal: readAppeal(raw), assigned: (raw.access_assigned as string[] | null) ?? [], paths: (raw.access_paths as Record<string, string[]> | null) ?? {} };
}

/**
 * An appeal with what its read policy needs, in one round trip instead of three (the appeal, its assignments, the
 * unit paths). Null when no such appeal exists. Runs on any executor: actions read it inside their transaction.
 */
export async function findAppealForAccess(db: Executor, jurisdictionId: string, id: string, extraUnitIds: readonly string[] = []) {
  const [raw] = await queryRows(db, positionalSql(`${ACCESS_SELECT} ${FROM_APPEAL}`, [jurisdictionId, id, [...new Set(extraUnitIds)]]));
  return raw ? accessOf(raw) : null;
}

/**
 * Several appeals with what their read policy needs, in one round trip (a queue page asking for all its rows at
 * once). Unknown ids are simply missing from the answer; the order is not the order of `ids`.
 */
export async function findAppealsForAccess(db: Executor, jurisdictionId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await queryRows(db, positionalSql(`${ACCESS_SELECT} FROM appeals a WHERE a.jurisdiction_id = $1 AND a.id = ANY($2::text[])`,
    [jurisdictionId, [...new Set(ids)], []]));
  return rows.map(accessOf);
}

/**
 * The appeal detail — the access read, the clocks and the citizen — as one named prepared statement: the page staff
 * open most, so it is parsed and planned once per connection and costs one round trip. Always the primary: an appeal
 * just saved must show as saved.
 */
export async function findAppealDetail(database: Pick<Database, 'prepared'>, jurisdictionId: string, id: string) {
  const [raw] = await database.prepared('minsheng_appeal_detail_v1', DETAIL_SQL, [jurisdictionId, id, []]);
  if (!raw) return null;
  const citizen = raw.detail_citizen as Record<string, unknown> | null;
  return {
    ...accessOf(raw),
    clocks: ((raw.detail_clocks as Record<string, unknown>[] | null) ?? []).map((c) => toClockState(readClock(c))),
    citizen: citizen ? readCitizen(citizen) : null,
  };
}
