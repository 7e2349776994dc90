import { sql } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { Gauge } from '../../../http/metrics';

/** Scrapes come every 15–60 s from each Prometheus; two aggregate reads per 15 s are the whole cost whatever the rate. */
const CACHE_MS = 15_000;
const cache = new WeakMap<object, { at: number; gauges: Gauge[] }>(); // per database (tests run several per process)

/**
 * Open and overdue appeals per jurisdiction. Overdue counts appeals with a running clock past its due time, read
 * through the partial index on running clocks (appeal_clocks_due_idx); open counts appeals not in a final status.
 */
export async function readAppealGauges(deps: Deps): Promise<Gauge[]> {
  const now = deps.now();
  const cached = cache.get(deps.database);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.gauges;
  const db = deps.database.db;
  const terminal = sql.join(TERMINAL_STATUSES.map((s) => sql`${s}`), sql`, `);
  const open = await queryRows<{ jurisdiction_id: string; n: string | number }>(db, sql`
    SELECT jurisdiction_id, count(*) AS n FROM appeals WHERE status NOT IN (${terminal}) GROUP BY jurisdiction_id`);
  const overdue = await queryRows<{ jurisdiction_id: string; n: string | number }>(db, sql`
    SELECT jurisdiction_id, count(DISTINCT appeal_id) AS n FROM appeal_clocks
    WHERE stopped_at IS NULL AND paused_at IS NULL AND due_at < ${now} GROUP BY jurisdiction_id`);
  const gauges: Gauge[] = [
    { name: 'minsheng_appeals_open', help: 'Appeals not yet in a final status, per jurisdiction (cached 15 s).', samples: open.map((r) => ({ labels: { jurisdiction: r.jurisdiction_id }, value: Number(r.n) })) },
    { name: 'minsheng_appeals_overdue', help: 'Appeals with a running clock past its due time, per jurisdiction (cached 15 s).', samples: overdue.map((r) => ({ labels: { jurisdiction: r.jurisdiction_id }, value: Number(r.n) })) },
  ];
  cache.set(deps.database, { at: Date.now(), gauges });
  return gauges;
}
