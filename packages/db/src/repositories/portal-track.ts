import type { Database, Executor } from '../connection';
import { queryRows } from '../raw';
import { driverDate, positionalSql, rawRowReader } from '../raw-rows';
import { appeals } from '../schema';

const readAppeal = rawRowReader(appeals);

/** A public timeline line's facts: never the staff member, their role, a reason or a payload beyond the unit sent to. */
export interface PublicEvent { action: string; actorUnitId: string | null; leadUnitId: string | null; occurredAt: Date }

const PUBLIC_EVENTS = `FROM appeal_events e WHERE e.jurisdiction_id = a.jurisdiction_id AND e.appeal_id = a.id AND e.visibility = 'public'`;

/**
 * The tracking page's facts of one appeal ($1 jurisdiction, $2 the key column's value) in one statement: the appeal,
 * its public events, the due time of its running handling clock, and the names of only the units and category the
 * page shows (a public page names a handful, never the whole tree).
 */
const trackSql = (key: 'number' | 'id') => `SELECT a.*,
    (SELECT json_agg(json_build_object('action', e.action, 'actorUnitId', e.actor_unit_id, 'leadUnitId', e.payload->>'leadUnitId',
      'occurredAt', e.occurred_at) ORDER BY e.seq) ${PUBLIC_EVENTS}) AS track_events,
    (SELECT c.due_at FROM appeal_clocks c WHERE c.jurisdiction_id = a.jurisdiction_id AND c.appeal_id = a.id AND c.clock = 'handling'
      AND c.stopped_at IS NULL AND c.paused_at IS NULL ORDER BY c.started_at DESC LIMIT 1) AS track_due_at,
    (SELECT json_object_agg(u.id, u.short_name) FROM units u WHERE u.jurisdiction_id = a.jurisdiction_id AND u.id IN (
      SELECT a.lead_unit_id UNION SELECT a.owner_unit_id UNION SELECT e.actor_unit_id ${PUBLIC_EVENTS}
      UNION SELECT e.payload->>'leadUnitId' ${PUBLIC_EVENTS})) AS track_unit_names,
    (SELECT g.name FROM categories g WHERE g.jurisdiction_id = a.jurisdiction_id AND g.id = a.category_id) AS track_category_name
  FROM appeals a WHERE a.jurisdiction_id = $1 AND a.${key} = $2`;
const BY_NUMBER = trackSql('number');
const BY_ID = trackSql('id');

export type TrackedAppeal = NonNullable<ReturnType<typeof trackedOf>>;

function trackedOf(raw: Record<string, unknown> | undefined) {
  if (!raw) return null;
  return {
    appeal: readAppeal(raw),
    events: ((raw.track_events as Record<string, unknown>[] | null) ?? []).map((e): PublicEvent => ({
      action: e.action as string, actorUnitId: (e.actorUnitId as string | null) ?? null, leadUnitId: (e.leadUnitId as string | null) ?? null, occurredAt: driverDate(e.occurredAt),
    })),
    handlingDueAt: raw.track_due_at === null || raw.track_due_at === undefined ? null : driverDate(raw.track_due_at),
    unitNames: new Map(Object.entries((raw.track_unit_names as Record<string, string> | null) ?? {})),
    categoryName: (raw.track_category_name as string | null) ?? null,
  };
}

/** By the appeal's number, as a named prepared statement: the portal's most frequent request (查询). */
export async function findTrackedByNumber(database: Pick<Database, 'prepared'>, jurisdictionId: string, number: string) {
  return trackedOf((await database.prepared('minsheng_track_by_number_v1', BY_NUMBER, [jurisdictionId, number]))[0]);
}

/** By id on any executor: the page shown again right after the citizen's own rating was written. */
export async function findTrackedById(db: Executor, jurisdictionId: string, id: string) {
  return trackedOf((await queryRows(db, positionalSql(BY_ID, [jurisdictionId, id])))[0]);
}
