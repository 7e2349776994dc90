import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { appeals } from '../schema';

const assignedSql = sql`(SELECT x.unit_id FROM appeal_assignments x WHERE x.jurisdiction_id = ${appeals.jurisdictionId} AND x.appeal_id = ${appeals.id})`;

/**
 * An appeal with what its read policy needs, in one round trip instead of three (the appeal, its assignments, the
 * unit paths): the units ever assigned to it, and the root → unit paths of the active units it names (owner, lead,
 * accused, co-units, assignees) and of `extraUnitIds`. Null when no such appeal exists.
 */
export async function findAppealForAccess(db: Executor, jurisdictionId: string, id: string, extraUnitIds: readonly string[] = []) {
  const extra = sql`ARRAY[${sql.join([...new Set(extraUnitIds)].map((u) => sql`${u}`), sql`, `)}]::text[]`;
  const [row] = await db.select({
    appeal: appeals,
    assigned: sql<string[]>`ARRAY${assignedSql}`,
    paths: sql<Record<string, string[]> | null>`(SELECT json_object_agg(u.id, u.path) FROM units u WHERE u.jurisdiction_id = ${appeals.jurisdictionId} AND u.active
      AND (u.id IN (${appeals.ownerUnitId}, ${appeals.leadUnitId}, ${appeals.accusedUnitId}) OR u.id = ANY(${appeals.coUnitIds}) OR u.id = ANY(${extra}) OR u.id IN ${assignedSql}))`,
  }).from(appeals).where(and(eq(appeals.jurisdictionId, jurisdictionId), eq(appeals.id, id))).limit(1);
  if (!row) return null;
  return { appeal: row.appeal, assigned: row.assigned, paths: row.paths ?? {} };
}
