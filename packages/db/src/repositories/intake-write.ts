import type { Database, Executor } from '../connection';
import { queryRows } from '../raw';
import { positionalSql } from '../raw-rows';
import type { AppealInsert, CitizenRow, EventInsert } from './appeal-writes';
import type { citizens } from '../schema';

export interface IntakeWrite {
  /** Everything of the appeal except its number, which the statement draws from the per-day counter. */
  appeal: Omit<AppealInsert, 'number'>;
  numberPrefix: string;
  /** Local date as YYYYMMDD: the counter's key and the middle of the number. */
  day: string;
  citizen: typeof citizens.$inferInsert | null;
  event: EventInsert;
  idempotency?: { key: string; userId: string; requestHash: string } | undefined;
  /** A clock that starts at registration (信访: 15 days to triage). */
  clock?: { clock: string; amount: number; unit: string; dueAt: Date } | undefined;
  /** The citizen's message with the number and query code (the outbox row; `recipientEnc` is the encrypted phone). */
  notification?: { id: string; recipientEnc: string } | undefined;
}

// Parameters $1–$51 in the order `intakeParams` lists them. The text is fixed per variant (with/without citizen,
// with/without idempotency key), so PostgreSQL prepares each variant once per connection.
// Insert-only: each appeal keeps the identity given with it; the phone hash links a caller's appeals.
const CITIZEN_INSERT = `c AS (
    INSERT INTO citizens (jurisdiction_id, id, name_enc, phone_enc, id_number_enc, address_enc, phone_hash)
    VALUES ($1, $31, $32, $33, $34, $35, $36)
    RETURNING *)`;
const NO_CITIZEN = `c AS (SELECT NULL::text AS id, $31::text AS a, $32::text AS b, $33::text AS d, $34::text AS e, $35::text AS f, $36::text AS g WHERE false)`;
const IDEMPOTENCY = `, k AS (INSERT INTO idempotency_keys (jurisdiction_id, key, user_id, request_hash, status_code, response)
    VALUES ($1, $37, $38, $39, 201, jsonb_build_object('appealId', $2::text)))`;
const NO_IDEMPOTENCY = `, k AS (SELECT $37::text AS a, $38::text AS b, $39::text AS d WHERE false)`;

function intakeSql(citizen: boolean, idempotency: boolean): string {
  return `WITH ${citizen ? CITIZEN_INSERT : NO_CITIZEN},
  n AS (
    INSERT INTO appeal_counters (jurisdiction_id, day, value) VALUES ($1, $3, 1)
    ON CONFLICT (jurisdiction_id, day) DO UPDATE SET value = appeal_counters.value + 1
    RETURNING value),
  a AS (
    INSERT INTO appeals (jurisdiction_id, id, number, query_code, track, channel, kind, urgency, status, title, content,
      category_id, area_code, location, citizen_id, confidential, consent_publish, accused_unit_id, owner_unit_id, policy_id,
      version, last_event_seq, last_event_hash, created_by, created_at, updated_at,
      visitor_count, representatives_enc, related_appeal_id, external_source, external_id, external_due_at)
    SELECT $1, $2, $4 || $3 || lpad(n.value::text, 6, '0'), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
      (SELECT id FROM c), $16, $17, $18, $19, $20, 1, 1, $21, $22, $23::timestamptz, $23::timestamptz,
      $40::int, $41, $42, $43, $44, $45::timestamptz
    FROM n
    RETURNING number),
  t AS (
    INSERT INTO appeal_clocks (jurisdiction_id, appeal_id, clock, amount, unit, started_at, due_at)
    SELECT $1, $2, $46::text, $47::text, $48::text, $23::timestamptz, $49::timestamptz FROM a WHERE $46::text IS NOT NULL),
  o AS (
    INSERT INTO notifications (jurisdiction_id, id, appeal_id, event_seq, audience, recipient_enc, channel, template, params, next_attempt_at, created_at)
    SELECT $1, $50::text, $2, 1, 'citizen', $51::text, 'sms', 'appeal_registered',
      jsonb_build_object('number', a.number, 'queryCode', $5::text, 'title', $11::text), $23::timestamptz, $23::timestamptz
    FROM a WHERE $50::text IS NOT NULL),
  e AS (
    INSERT INTO appeal_events (jurisdiction_id, appeal_id, seq, action, from_status, to_status, actor_user_id, actor_role,
      actor_unit_id, reason, payload, visibility, occurred_at, prev_hash, hash)
    VALUES ($1, $2, 1, $24, NULL, $25, $22, $26, $27, NULL, $28::jsonb, $29, $23::timestamptz, '', $30))
  ${idempotency ? IDEMPOTENCY : NO_IDEMPOTENCY}
  SELECT a.number, c.* FROM a LEFT JOIN c ON true`;
}

const STATEMENTS = new Map<string, string>();
for (const citizen of [true, false]) for (const idem of [true, false]) STATEMENTS.set(`minsheng_intake_${citizen ? 'c' : 'n'}${idem ? 'k' : 'n'}_v3`, intakeSql(citizen, idem));

function intakeParams(w: IntakeWrite): unknown[] {
  const a = w.appeal, e = w.event, c = w.citizen, k = w.idempotency;
  return [
    a.jurisdictionId, a.id, w.day, w.numberPrefix, a.queryCode, a.track, a.channel, a.kind, a.urgency, a.status,
    a.title, a.content, a.categoryId ?? null, a.areaCode ?? null, a.location ?? null, a.confidential ?? false, a.consentPublish ?? false,
    a.accusedUnitId ?? null, a.ownerUnitId, a.policyId ?? null, e.hash, a.createdBy ?? null, (a.createdAt ?? new Date()).toISOString(),
    e.action, e.toStatus, e.actorRole ?? null, e.actorUnitId ?? null, JSON.stringify(e.payload ?? {}), e.visibility, e.hash,
    c?.id ?? null, c?.nameEnc ?? null, c?.phoneEnc ?? null, c?.idNumberEnc ?? null, c?.addressEnc ?? null, c?.phoneHash ?? null,
    k?.key ?? null, k?.userId ?? null, k?.requestHash ?? null,
    a.visitorCount ?? null, a.representativesEnc ?? null, a.relatedAppealId ?? null, a.externalSource ?? null, a.externalId ?? null,
    a.externalDueAt ? a.externalDueAt.toISOString() : null,
    w.clock?.clock ?? null, w.clock ? String(w.clock.amount) : null, w.clock?.unit ?? null, w.clock ? w.clock.dueAt.toISOString() : null,
    w.notification?.id ?? null, w.notification?.recipientEnc ?? null,
  ];
}

/**
 * Write a whole intake — the citizen's identity, the day's number, the appeal, its first event and the idempotency record —
 * as ONE statement of data-modifying CTEs. A single statement is atomic without BEGIN/COMMIT, costs one round trip,
 * and holds the per-day counter row lock only for that statement, which is what lets intakes run in parallel.
 * The first event of an appeal has seq 1, no previous hash and the appeal's own hash head ($21 = $30). With `tx` it
 * runs in that transaction instead, and commits with whatever else the caller writes there.
 */
export async function insertIntake(database: Pick<Database, 'prepared'>, w: IntakeWrite, tx?: Executor): Promise<{ number: string; citizen: CitizenRow | null }> {
  const name = `minsheng_intake_${w.citizen ? 'c' : 'n'}${w.idempotency ? 'k' : 'n'}_v3`;
  // In a caller's transaction (an intake recorded together with something else) the same statement runs unnamed there.
  const text = STATEMENTS.get(name)!;
  const rows = tx
    ? await queryRows<Record<string, unknown>>(tx, positionalSql(text, intakeParams(w)))
    : await database.prepared<Record<string, unknown>>(name, text, intakeParams(w));
  const row = rows[0]!;
  const citizen: CitizenRow | null = row.id ? {
    jurisdictionId: row.jurisdiction_id as string, id: row.id as string, nameEnc: row.name_enc as string | null, phoneEnc: row.phone_enc as string | null,
    idNumberEnc: row.id_number_enc as string | null, addressEnc: row.address_enc as string | null, phoneHash: row.phone_hash as string | null,
    createdAt: new Date(row.created_at as string), updatedAt: new Date(row.updated_at as string),
  } : null;
  return { number: row.number as string, citizen };
}
