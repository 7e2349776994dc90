import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';

/**
 * The audit log's reveals of masked personal data (DOMAIN.md §8): a citizen's identity shown unmasked, an attachment
 * opened. What a reveal showed is read from the citizen snapshot it names (those rows are never updated), so even
 * entries written before this query existed say which fields were revealed — by field, never by value.
 */
export const REVEAL_AUDIT_ACTIONS = ['reveal_citizen', 'attachment.read'] as const;
export const REVEAL_KINDS = ['name', 'phone', 'id_number', 'address', 'attachment'] as const;
export type RevealKind = (typeof REVEAL_KINDS)[number];

export interface RevealAuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  userId?: string | undefined;
  appealNumber?: string | undefined;
  kind?: RevealKind | undefined;
  limit: number;
  offset: number;
}

export interface RevealAuditRow {
  id: string;
  at: Date;
  action: string;
  actorUserId: string | null;
  username: string | null;
  displayName: string | null;
  appealId: string;
  appealNumber: string | null;
  reason: string | null;
  attachmentId: string | null;
  fields: RevealKind[];
}

const KIND_CONDITION: Record<RevealKind, SQL> = {
  name: sql`(l.action = 'reveal_citizen' AND c.name_enc IS NOT NULL)`,
  phone: sql`(l.action = 'reveal_citizen' AND c.phone_enc IS NOT NULL)`,
  id_number: sql`(l.action = 'reveal_citizen' AND c.id_number_enc IS NOT NULL)`,
  address: sql`(l.action = 'reveal_citizen' AND c.address_enc IS NOT NULL)`,
  attachment: sql`(l.action = 'attachment.read')`,
};

interface Raw {
  id: string; at: Date | string; action: string; actor_user_id: string | null; username: string | null; display_name: string | null;
  target_id: string; number: string | null; reason: string | null; attachment_id: string | null;
  has_name: boolean | null; has_phone: boolean | null; has_id_number: boolean | null; has_address: boolean | null;
}

/** One page of reveals, newest first, and how many match in all. */
export async function listRevealAudit(db: Executor, jurisdictionId: string, f: RevealAuditFilter): Promise<{ rows: RevealAuditRow[]; total: number }> {
  const where: SQL[] = [sql`l.jurisdiction_id = ${jurisdictionId}`, sql`l.action IN ('reveal_citizen', 'attachment.read')`, sql`l.target_type = 'appeal'`];
  if (f.from) where.push(sql`l.at >= ${f.from}`);
  if (f.to) where.push(sql`l.at < ${f.to}`);
  if (f.userId) where.push(sql`l.actor_user_id = ${f.userId}`);
  if (f.appealNumber) where.push(sql`a.number = ${f.appealNumber}`);
  if (f.kind) where.push(KIND_CONDITION[f.kind]);
  const from = sql`FROM audit_log l
    LEFT JOIN users u ON u.jurisdiction_id = l.jurisdiction_id AND u.id = l.actor_user_id
    LEFT JOIN appeals a ON a.jurisdiction_id = l.jurisdiction_id AND a.id = l.target_id
    LEFT JOIN citizens c ON l.action = 'reveal_citizen' AND c.jurisdiction_id = l.jurisdiction_id AND c.id = l.detail ->> 'citizenId'
    WHERE ${sql.join(where, sql` AND `)}`;
  const [count] = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n ${from}`);
  const rows = await queryRows<Raw>(db, sql`
    SELECT l.id, l.at, l.action, l.actor_user_id, u.username, u.display_name, l.target_id, a.number,
      l.detail ->> 'reason' AS reason, l.detail ->> 'attachmentId' AS attachment_id,
      c.name_enc IS NOT NULL AS has_name, c.phone_enc IS NOT NULL AS has_phone, c.id_number_enc IS NOT NULL AS has_id_number, c.address_enc IS NOT NULL AS has_address
    ${from} ORDER BY l.at DESC, l.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id, at: new Date(r.at), action: r.action, actorUserId: r.actor_user_id, username: r.username, displayName: r.display_name,
      appealId: r.target_id, appealNumber: r.number, reason: r.reason, attachmentId: r.attachment_id,
      fields: r.action === 'attachment.read' ? ['attachment']
        : ([['name', r.has_name], ['phone', r.has_phone], ['id_number', r.has_id_number], ['address', r.has_address]] as const).filter(([, v]) => v).map(([k]) => k),
    })),
  };
}
