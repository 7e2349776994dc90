import { sql } from 'drizzle-orm';
import { verifyChain } from '@minsheng/domain';
import { queryRows } from '@minsheng/db';
import type { Deps } from '../../../deps';

interface EventRow {
  appeal_id: string; seq: number; action: string; from_status: string | null; to_status: string; actor_user_id: string | null;
  actor_role: string | null; actor_unit_id: string | null;
  reason: string | null; payload: unknown; visibility: string; occurred_at: Date | string; prev_hash: string; hash: string;
}

/**
 * Recompute every appeal's hash chain in pages and compare the head with the appeal row, so an edited, deleted or
 * inserted event (or a rewritten appeal head) is reported.
 */
export async function verifyAuditTrail(deps: Deps, jurisdictionId: string, pageSize = 500) {
  const db = deps.database.db;
  const broken: { appealId: string; number: string; seq: number; reason: string }[] = [];
  let appeals = 0, events = 0, after = '';
  for (;;) {
    const heads = await queryRows<{ id: string; number: string; last_event_seq: number; last_event_hash: string }>(db, sql`
      SELECT id, number, last_event_seq, last_event_hash FROM appeals WHERE jurisdiction_id = ${jurisdictionId} AND id > ${after} ORDER BY id LIMIT ${pageSize}`);
    if (!heads.length) break;
    const rows = await queryRows<EventRow>(db, sql`
      SELECT appeal_id, seq, action, from_status, to_status, actor_user_id, actor_role, actor_unit_id, reason, payload, visibility, occurred_at, prev_hash, hash
      FROM appeal_events WHERE jurisdiction_id = ${jurisdictionId} AND appeal_id = ANY(${sql`ARRAY[${sql.join(heads.map((h) => sql`${h.id}`), sql`, `)}]::text[]`})
      ORDER BY appeal_id, seq`);
    const byAppeal = new Map<string, EventRow[]>();
    for (const r of rows) byAppeal.set(r.appeal_id, [...(byAppeal.get(r.appeal_id) ?? []), r]);
    for (const head of heads) {
      const chain = (byAppeal.get(head.id) ?? []).map((e) => ({
        jurisdictionId, appealId: head.id, seq: Number(e.seq), action: e.action, fromStatus: e.from_status, toStatus: e.to_status,
        actorUserId: e.actor_user_id, actorRole: e.actor_role, actorUnitId: e.actor_unit_id, reason: e.reason, payload: e.payload, visibility: e.visibility, occurredAt: new Date(e.occurred_at),
        prevHash: e.prev_hash, hash: e.hash,
      }));
      events += chain.length;
      const brk = verifyChain(chain);
      const last = chain.at(-1);
      if (brk) broken.push({ appealId: head.id, number: head.number, seq: brk.seq, reason: brk.reason });
      else if (!last || last.seq !== Number(head.last_event_seq) || last.hash !== head.last_event_hash) {
        broken.push({ appealId: head.id, number: head.number, seq: last?.seq ?? 0, reason: 'head_mismatch' });
      }
    }
    appeals += heads.length;
    after = heads.at(-1)!.id;
  }
  return { appeals, events, broken };
}
