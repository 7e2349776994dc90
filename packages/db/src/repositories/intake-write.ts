import { sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
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
}

const json = (v: unknown) => sql`${JSON.stringify(v ?? {})}::jsonb`;
const ts = (d: Date | undefined | null) => (d ? sql`${d.toISOString()}::timestamptz` : sql`now()`);

/**
 * Write a whole intake — citizen upsert, the day's number, the appeal, its first event and the idempotency record —
 * as ONE statement of data-modifying CTEs. A single statement is atomic without BEGIN/COMMIT, costs one round trip,
 * and holds the per-day counter row lock only for that statement, which is what lets intakes run in parallel.
 */
export async function insertIntake(db: Executor, w: IntakeWrite): Promise<{ number: string; citizen: CitizenRow | null }> {
  const a = w.appeal;
  const c = w.citizen;
  const e = w.event;
  const citizenCte = c
    ? sql`c AS (
        INSERT INTO citizens (jurisdiction_id, id, name_enc, phone_enc, id_number_enc, address_enc, phone_hash)
        VALUES (${c.jurisdictionId}, ${c.id}, ${c.nameEnc ?? null}, ${c.phoneEnc ?? null}, ${c.idNumberEnc ?? null}, ${c.addressEnc ?? null}, ${c.phoneHash ?? null})
        ON CONFLICT (jurisdiction_id, phone_hash) DO UPDATE SET updated_at = now(),
          name_enc = COALESCE(excluded.name_enc, citizens.name_enc),
          id_number_enc = COALESCE(excluded.id_number_enc, citizens.id_number_enc),
          address_enc = COALESCE(excluded.address_enc, citizens.address_enc)
        RETURNING *)`
    : sql`c AS (SELECT NULL::text AS id WHERE false)`;
  const idempotencyCte = w.idempotency
    ? sql`, k AS (INSERT INTO idempotency_keys (jurisdiction_id, key, user_id, request_hash, status_code, response)
        VALUES (${a.jurisdictionId}, ${w.idempotency.key}, ${w.idempotency.userId}, ${w.idempotency.requestHash}, 201, ${json({ appealId: a.id })}))`
    : sql``;
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    WITH ${citizenCte},
    n AS (
      INSERT INTO appeal_counters (jurisdiction_id, day, value) VALUES (${a.jurisdictionId}, ${w.day}, 1)
      ON CONFLICT (jurisdiction_id, day) DO UPDATE SET value = appeal_counters.value + 1
      RETURNING value),
    a AS (
      INSERT INTO appeals (jurisdiction_id, id, number, query_code, track, channel, kind, urgency, status, title, content,
        category_id, area_code, location, citizen_id, confidential, consent_publish, accused_unit_id, owner_unit_id, policy_id,
        version, last_event_seq, last_event_hash, created_by, created_at, updated_at)
      SELECT ${a.jurisdictionId}, ${a.id}, ${w.numberPrefix} || ${w.day} || lpad(n.value::text, 6, '0'), ${a.queryCode}, ${a.track},
        ${a.channel}, ${a.kind}, ${a.urgency}, ${a.status}, ${a.title}, ${a.content}, ${a.categoryId ?? null}, ${a.areaCode ?? null},
        ${a.location ?? null}, (SELECT id FROM c), ${a.confidential ?? false}, ${a.consentPublish ?? false}, ${a.accusedUnitId ?? null},
        ${a.ownerUnitId}, ${a.policyId ?? null}, ${a.version ?? 1}, ${a.lastEventSeq ?? 1}, ${a.lastEventHash ?? ''}, ${a.createdBy ?? null},
        ${ts(a.createdAt)}, ${ts(a.updatedAt)}
      FROM n
      RETURNING number),
    e AS (
      INSERT INTO appeal_events (jurisdiction_id, appeal_id, seq, action, from_status, to_status, actor_user_id, actor_role,
        actor_unit_id, reason, payload, visibility, occurred_at, prev_hash, hash)
      VALUES (${e.jurisdictionId}, ${e.appealId}, ${e.seq}, ${e.action}, ${e.fromStatus ?? null}, ${e.toStatus}, ${e.actorUserId ?? null},
        ${e.actorRole ?? null}, ${e.actorUnitId ?? null}, ${e.reason ?? null}, ${json(e.payload)}, ${e.visibility}, ${ts(e.occurredAt)},
        ${e.prevHash}, ${e.hash}))
    ${idempotencyCte}
    SELECT a.number, c.* FROM a LEFT JOIN c ON true`);
  const row = rows[0]!;
  const citizen: CitizenRow | null = row.id ? {
    jurisdictionId: row.jurisdiction_id as string, id: row.id as string, nameEnc: row.name_enc as string | null, phoneEnc: row.phone_enc as string | null,
    idNumberEnc: row.id_number_enc as string | null, addressEnc: row.address_enc as string | null, phoneHash: row.phone_hash as string | null,
    createdAt: new Date(row.created_at as string), updatedAt: new Date(row.updated_at as string),
  } : null;
  return { number: row.number as string, citizen };
}
