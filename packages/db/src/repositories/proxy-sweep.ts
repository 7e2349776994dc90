import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../connection';
import { proxyRequests } from '../schema';
import type { ProxyRequestRow } from './hearings-proxy';

/** The proxy-request deadline sweep's reads and marks (代办件超期提醒). */

/** Open, running requests due by `until` whose overdue has not been told yet, soonest first (bounded). */
export async function proxySweepCandidates(db: Executor, jurisdictionId: string, until: Date, limit: number): Promise<ProxyRequestRow[]> {
  return db.select().from(proxyRequests)
    .where(and(eq(proxyRequests.jurisdictionId, jurisdictionId), isNull(proxyRequests.closedAt), isNull(proxyRequests.overdueNotifiedAt), isNotNull(proxyRequests.dueAt), lte(proxyRequests.dueAt, until)))
    .orderBy(asc(proxyRequests.dueAt)).limit(limit);
}

export type ProxyMark = 'dueWarnedAt' | 'overdueNotifiedAt';

/**
 * Set a sweep mark if it is still empty and the request still open and running: true for the one caller that set it,
 * so two sweeps at once notify once. The version is left alone: a mark is not a step a 代办员 could collide with.
 */
export async function markProxyRequest(db: Executor, jurisdictionId: string, id: string, mark: ProxyMark, at: Date): Promise<boolean> {
  const rows = await db.update(proxyRequests).set({ [mark]: at })
    .where(and(eq(proxyRequests.jurisdictionId, jurisdictionId), eq(proxyRequests.id, id), isNull(proxyRequests[mark]), isNull(proxyRequests.closedAt), isNotNull(proxyRequests.dueAt)))
    .returning({ id: proxyRequests.id });
  return rows.length === 1;
}
