import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';

/** Display names of staff accounts of the user's jurisdiction (timelines show who acted); unknown ids are left out. */
export async function staffNames(deps: Deps, user: SessionUser, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return { items: [] };
  const rows = await queryRows<{ id: string; display_name: string }>(deps.database.db, sql`SELECT id, display_name FROM users
    WHERE jurisdiction_id = ${user.jurisdictionId} AND id = ANY(ARRAY[${sql.join(unique.map((i) => sql`${i}`), sql`, `)}]::text[])`);
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
}
