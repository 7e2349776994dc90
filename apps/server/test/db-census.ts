import { sql } from 'drizzle-orm';
import { listJurisdictions, queryRows } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import type { Deps } from '../src/deps';
import { verifyAuditTrail } from '../src/modules/appeals/use-cases/verify-audit-trail';

/** Row count of every table in the public schema, by name: two databases with equal censuses hold the same amount of everything. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(database.db, sql`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await queryRows<{ n: string | number }>(database.db, sql`SELECT count(*) AS n FROM ${sql.identifier(t.name)}`);
    out[t.name] = Number(row!.n);
  }
  return out;
}

/** Every jurisdiction's audit chains: appeals and events checked, and the broken ones (expected: none). */
export async function verifyAllChains(deps: Pick<Deps, 'database'>): Promise<{ appeals: number; events: number; broken: unknown[] }> {
  const total = { appeals: 0, events: 0, broken: [] as unknown[] };
  for (const j of await listJurisdictions(deps.database.db)) {
    const r = await verifyAuditTrail(deps as Deps, j.id);
    total.appeals += r.appeals;
    total.events += r.events;
    total.broken.push(...r.broken);
  }
  return total;
}
