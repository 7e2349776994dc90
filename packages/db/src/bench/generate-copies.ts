import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';

/**
 * One batch of copies: generated numbers `from`..`to`, the (n − offset)-th of `total` copies of this run, received
 * between spanStart and now (a later run spreads its copies over the whole span too).
 */
export interface CopyBatch {
  j: string;
  from: number;
  to: number;
  offset: number;
  total: number;
  spanStart: Date;
  spanSeconds: number;
  now: Date;
  pools: { recent: number; old: number };
}

/**
 * `_gen`: one row per copy with everything drawn for it. The n-th copy's receipt time grows with n (the inverse of a linear
 * density: the last day of the span receives 1.5 times what the first did), so batches go forward in time and ids (time-prefixed like the product's UUIDv7)
 * land at the end of the key indexes. `f(x) = c0 + (x − template received) × stretch` moves any template instant.
 */
const copies = (b: CopyBatch): SQL => sql`
  CREATE TEMP TABLE _gen ON COMMIT DROP AS
  WITH q AS (
    SELECT n, ${b.spanStart}::timestamptz + make_interval(secs => ${b.spanSeconds}::float8 * 2 * (sqrt(1 + 1.25 * ((n - ${b.offset}::int - 1) + random()) / ${b.total}::float8) - 1)) AS at,
           random() AS r_tmpl, random() AS r_shift, random() AS r_stretch, random() AS r_late, random() AS r_unit,
           random() AS r_cat, random() AS r_area, random() AS r_sat, random() AS r_solved
      FROM generate_series(${b.from}::int, ${b.to}::int) AS n
  ), picked AS (
    SELECT q.*, CASE WHEN q.at > ${b.now}::timestamptz - interval '30 days' THEN 'recent' ELSE 'old' END AS pool FROM q
  ), ref AS (
    SELECT (SELECT array_agg(id ORDER BY id) FROM units WHERE jurisdiction_id = ${b.j} AND kind = 'department') AS depts,
           (SELECT array_agg(id ORDER BY id) FROM units WHERE jurisdiction_id = ${b.j} AND kind = 'street_office') AS streets,
           (SELECT array_agg(id ORDER BY id) FROM units WHERE jurisdiction_id = ${b.j} AND kind = 'community_station') AS stations,
           (SELECT array_agg(id ORDER BY id) FROM categories WHERE jurisdiction_id = ${b.j} AND level = 3) AS cats,
           (SELECT array_agg(code ORDER BY code) FROM areas WHERE jurisdiction_id = ${b.j} AND level IN ('street', 'community')) AS areas
  ), drawn AS (
    SELECT p.n, t.id AS tid, t.created_at AS t0, t.lead_unit_id AS t_lead, t.span,
           CASE WHEN p.pool = 'recent' THEN t.created_at - make_interval(secs => p.r_shift * 172800) ELSE p.at END AS c0,
           p.pool, p.r_late, p.r_stretch,
           CASE t.lead_kind WHEN 'department' THEN ref.depts[1 + floor(p.r_unit * cardinality(ref.depts))::int]
                            WHEN 'street_office' THEN ref.streets[1 + floor(p.r_unit * cardinality(ref.streets))::int]
                            WHEN 'community_station' THEN ref.stations[1 + floor(p.r_unit * cardinality(ref.stations))::int]
                            ELSE t.lead_unit_id END AS lead,
           ref.cats[1 + floor(p.r_cat * cardinality(ref.cats))::int] AS category_id,
           ref.areas[1 + floor(p.r_area * cardinality(ref.areas))::int] AS area_code,
           CASE WHEN p.r_sat < 0.52 THEN 'very_satisfied' WHEN p.r_sat < 0.80 THEN 'satisfied' WHEN p.r_sat < 0.90 THEN 'basically_satisfied'
                WHEN p.r_sat < 0.97 THEN 'dissatisfied' ELSE 'very_dissatisfied' END AS satisfaction,
           p.r_solved < 0.88 AS solved
      FROM picked p CROSS JOIN ref
      JOIN _bench_tmpl t ON t.pool = p.pool AND t.k = 1 + floor(p.r_tmpl * CASE p.pool WHEN 'recent' THEN ${b.pools.recent}::int ELSE ${b.pools.old}::int END)::int
  )
  SELECT d.*,
         -- One old copy in ten takes 1–3× its template's time (late signing, late replies), never past now.
         CASE WHEN d.pool = 'old' AND d.r_late < 0.10
              THEN LEAST(1 + d.r_stretch * 2, extract(epoch FROM ${b.now}::timestamptz - d.c0) / d.span)
              ELSE LEAST(1, extract(epoch FROM ${b.now}::timestamptz - d.c0) / d.span) END AS stretch,
         substr(lpad(to_hex((extract(epoch FROM d.c0) * 1000)::bigint), 12, '0'), 1, 8) || '-' ||
           substr(lpad(to_hex((extract(epoch FROM d.c0) * 1000)::bigint), 12, '0'), 9, 4) || '-7' || substr(md5(d.n::text), 1, 3) || '-8' ||
           substr(md5(d.n::text), 4, 3) || '-' || substr(md5(d.n::text), 7, 12) AS id
    FROM drawn d`;

/** The template instant `x` moved to the copy. */
const f = (x: string) => sql.raw(`(g.c0 + (${x} - g.t0) * g.stretch)`);
/** A unit of the template, handed to the copy's unit when it was the template's lead unit. */
const unit = (x: string) => sql.raw(`(CASE WHEN ${x} = g.t_lead THEN g.lead ELSE ${x} END)`);

const appeals = (b: CopyBatch): SQL => sql`
  INSERT INTO appeals (jurisdiction_id, id, number, query_code, track, channel, kind, urgency, status, prior_status, title, content,
    category_id, area_code, location, citizen_id, confidential, consent_publish, accused_unit_id, owner_unit_id, lead_unit_id, co_unit_ids,
    master_id, policy_id, redo_count, return_count, units_passed, escalated, urge_count, pending, reply, callback, outcome, version,
    last_event_seq, last_event_hash, created_by, created_at, updated_at, closed_at, routing_rule_id, extended_days, co_opinions, bulletin_at,
    visitor_count, representatives_enc, related_appeal_id)
  SELECT ${b.j}, g.id, 'G' || lpad(g.n::text, 9, '0'), upper(substr(md5('q' || g.n), 1, 6)), a.track, a.channel, a.kind, a.urgency, a.status,
    a.prior_status, a.title, a.content, g.category_id, g.area_code, a.location, a.citizen_id, a.confidential, a.consent_publish,
    a.accused_unit_id, a.owner_unit_id, ${unit('a.lead_unit_id')}, a.co_unit_ids, NULL, a.policy_id, a.redo_count, a.return_count,
    a.units_passed, a.escalated, a.urge_count, a.pending, a.reply,
    CASE WHEN a.callback IS NULL THEN NULL ELSE a.callback || jsonb_build_object('satisfaction', g.satisfaction, 'solved', g.solved) END,
    a.outcome, a.version, a.last_event_seq, a.last_event_hash, a.created_by, g.c0, ${f('a.updated_at')}, ${f('a.closed_at')},
    a.routing_rule_id, a.extended_days, a.co_opinions, ${f('a.bulletin_at')}, a.visitor_count, a.representatives_enc, NULL
  FROM _gen g JOIN appeals a ON a.jurisdiction_id = ${b.j} AND a.id = g.tid`;

const events = (b: CopyBatch): SQL => sql`
  INSERT INTO appeal_events (jurisdiction_id, appeal_id, seq, action, from_status, to_status, actor_user_id, actor_role, actor_unit_id,
    reason, payload, visibility, occurred_at, prev_hash, hash)
  SELECT ${b.j}, g.id, e.seq, e.action, e.from_status, e.to_status, e.actor_user_id, e.actor_role, ${unit('e.actor_unit_id')}, e.reason,
    CASE WHEN e.action = 'callback' THEN e.payload || jsonb_build_object('satisfaction', g.satisfaction, 'solved', g.solved)
         WHEN e.payload->>'leadUnitId' = g.t_lead THEN jsonb_set(e.payload, '{leadUnitId}', to_jsonb(g.lead))
         ELSE e.payload END,
    e.visibility, ${f('e.occurred_at')}, e.prev_hash, e.hash
  FROM _gen g JOIN appeal_events e ON e.jurisdiction_id = ${b.j} AND e.appeal_id = g.tid`;

/**
 * A copied clock keeps its template's allowance (due − start), so stretched copies overrun it. A running copy already
 * past due carries the deadline sweep's overdue mark, set when it fell due, as a running system's would (and one not
 * yet due carries none).
 */
const clocks = (b: CopyBatch): SQL => sql`
  INSERT INTO appeal_clocks (jurisdiction_id, appeal_id, clock, amount, unit, started_at, due_at, stopped_at, paused_at, paused_budget,
    yellow_notified_at, overdue_notified_at, notice_issued_at, bulletin_flagged_at)
  SELECT ${b.j}, g.id, c.clock, c.amount, c.unit, ${f('c.started_at')}, d.due_at,
    ${f('c.stopped_at')}, ${f('c.paused_at')}, c.paused_budget, ${f('c.yellow_notified_at')},
    CASE WHEN c.stopped_at IS NULL AND c.paused_at IS NULL THEN CASE WHEN d.due_at < ${b.now}::timestamptz THEN d.due_at END
         ELSE ${f('c.overdue_notified_at')} END,
    ${f('c.notice_issued_at')}, ${f('c.bulletin_flagged_at')}
  FROM _gen g JOIN appeal_clocks c ON c.jurisdiction_id = ${b.j} AND c.appeal_id = g.tid
  CROSS JOIN LATERAL (SELECT ${f('c.started_at')} + (c.due_at - c.started_at) AS due_at) d`;

/** The copies whose marked clocks still run are overdue_marked, as the clocks' trigger (off for the copy) would set them. */
const overdueMarks = (b: CopyBatch): SQL => sql`
  UPDATE appeals a SET overdue_marked = true
    FROM (SELECT DISTINCT c.appeal_id FROM _gen g JOIN appeal_clocks c ON c.jurisdiction_id = ${b.j} AND c.appeal_id = g.id
           WHERE c.stopped_at IS NULL AND c.paused_at IS NULL AND c.overdue_notified_at IS NOT NULL) m
   WHERE a.jurisdiction_id = ${b.j} AND a.id = m.appeal_id`;

const clockRuns = (b: CopyBatch): SQL => sql`
  INSERT INTO appeal_clock_runs (jurisdiction_id, appeal_id, clock, started_at, due_at, stopped_at, paused_at)
  SELECT ${b.j}, g.id, r.clock, ${f('r.started_at')}, ${f('r.started_at')} + (r.due_at - r.started_at), ${f('r.stopped_at')}, ${f('r.paused_at')}
  FROM _gen g JOIN appeal_clock_runs r ON r.jurisdiction_id = ${b.j} AND r.appeal_id = g.tid`;

const assignments = (b: CopyBatch): SQL => sql`
  INSERT INTO appeal_assignments (jurisdiction_id, appeal_id, unit_id, role, active, assigned_by, assigned_at)
  SELECT ${b.j}, g.id, ${unit('s.unit_id')}, s.role, s.active, s.assigned_by, ${f('s.assigned_at')}
  FROM _gen g JOIN appeal_assignments s ON s.jurisdiction_id = ${b.j} AND s.appeal_id = g.tid
  ON CONFLICT DO NOTHING`;

const supervisions = (b: CopyBatch): SQL => sql`
  INSERT INTO supervisions (jurisdiction_id, id, appeal_id, kind, unit_id, event_seq, automatic, reason, issued_by, issued_at, reply_by, answered_at, answer)
  SELECT ${b.j}, md5(s.id || g.id), g.id, s.kind, ${unit('s.unit_id')}, s.event_seq, s.automatic, s.reason, s.issued_by, ${f('s.issued_at')},
    ${f('s.reply_by')}, ${f('s.answered_at')}, s.answer
  FROM _gen g JOIN supervisions s ON s.jurisdiction_id = ${b.j} AND s.appeal_id = g.tid`;

/** A copy keeps its template's title and content, so it has the template's text-search pieces (the trigger is off). */
const searchGrams = (b: CopyBatch): SQL => sql`
  INSERT INTO appeal_search_grams (jurisdiction_id, appeal_id, grams)
  SELECT ${b.j}, g.id, s.grams FROM _gen g JOIN appeal_search_grams s ON s.jurisdiction_id = ${b.j} AND s.appeal_id = g.tid`;

/** The statements of one batch, in order, run in one transaction. */
export const GENERATED_COPY_SQL: ((b: CopyBatch) => SQL)[] = [copies, appeals, events, clocks, overdueMarks, clockRuns, assignments, supervisions, searchGrams];
