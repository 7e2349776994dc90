import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows } from '@minsheng/db';
import type { Deps } from '../../../deps';

export interface Readiness { ready: boolean; database: 'ok' | 'unreachable'; migrations: 'applied' | 'pending' | 'unknown'; expected: string | null; applied: string | null }

/** The committed migrations' newest entry; drizzle records each applied one with its journal `when` as created_at. */
let latestMigration: { tag: string; when: number } | null | undefined;
function latestCommittedMigration(): { tag: string; when: number } | null {
  if (latestMigration !== undefined) return latestMigration;
  try {
    const journal = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../../../packages/db/migrations/meta/_journal.json', import.meta.url)), 'utf8')) as { entries: { tag: string; when: number }[] };
    latestMigration = journal.entries.reduce<{ tag: string; when: number } | null>((a, e) => (!a || e.when > a.when ? e : a), null);
  } catch {
    latestMigration = null;
  }
  return latestMigration;
}

/**
 * Ready = the database answers and holds every committed migration. A process started against a database another
 * (older) process migrated must not take traffic, and neither must one whose database is gone.
 */
export async function checkReadiness(deps: Deps): Promise<Readiness> {
  const expected = latestCommittedMigration();
  let appliedWhen: number | null;
  try {
    const rows = await queryRows<{ created_at: string | number | null }>(deps.database.db, sql`SELECT max(created_at) AS created_at FROM drizzle.__drizzle_migrations`);
    appliedWhen = rows[0]?.created_at == null ? null : Number(rows[0].created_at);
  } catch (err) {
    // No migrations table at all is "pending", not "unreachable": the database answered.
    if (/__drizzle_migrations|schema "drizzle"/.test(err instanceof Error ? err.message : '')) appliedWhen = null;
    else return { ready: false, database: 'unreachable', migrations: 'unknown', expected: expected?.tag ?? null, applied: null };
  }
  if (!expected) return { ready: true, database: 'ok', migrations: 'unknown', expected: null, applied: appliedWhen === null ? null : String(appliedWhen) };
  const migrated = appliedWhen !== null && appliedWhen >= expected.when;
  return { ready: migrated, database: 'ok', migrations: migrated ? 'applied' : 'pending', expected: expected.tag, applied: appliedWhen === null ? null : String(appliedWhen) };
}
