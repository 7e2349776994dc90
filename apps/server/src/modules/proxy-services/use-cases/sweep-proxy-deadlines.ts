import { proxyLight } from '@minsheng/domain';
import { insertNotifications, listProxyItems, markProxyRequest, proxySweepCandidates, writeAudit } from '@minsheng/db';
import type { ProxyMark, ProxyRequestRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';

export interface ProxySweepResult { warned: number; overdue: number }

/**
 * 代办件时限提醒: like the appeals' sweep, a request whose promised working days are 75 % used warns its handling
 * unit once (yellow), and one past its deadline is marked overdue and the unit told once. Each mark is set in the
 * transaction that writes the unit's notification, guarded on the mark being empty, so two workers (or a sweep run
 * twice) notify once. A paused request (补正材料, no deadline) is not swept.
 */
export async function sweepProxyDeadlines(deps: Deps, jurisdictionId: string, limit = 500): Promise<ProxySweepResult> {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const db = deps.database.db;
  const now = deps.now();
  const until = new Date(now.getTime() + runtime.settings.supervision.sweepHorizonDays * 86_400_000);
  const rows = await proxySweepCandidates(db, jurisdictionId, until, limit);
  const out: ProxySweepResult = { warned: 0, overdue: 0 };
  if (!rows.length) return out;
  const items = new Map((await listProxyItems(db, jurisdictionId, false)).map((i) => [i.id, i.name]));

  const tell = (r: ProxyRequestRow, mark: ProxyMark, template: 'proxy_due_soon' | 'proxy_overdue') => db.transaction(async (tx) => {
    if (!(await markProxyRequest(tx, jurisdictionId, r.id, mark, now))) return false;
    await insertNotifications(tx, jurisdictionId, [{
      appealId: null, audience: 'unit', recipientUnitId: r.unitId, channel: 'email', template,
      params: { number: r.number, title: items.get(r.itemId) ?? '', dueAt: r.dueAt!.toISOString() },
    }], now);
    await writeAudit(tx, { jurisdictionId, actorUserId: null, action: template, targetType: 'proxy_request', targetId: r.id, detail: { dueAt: r.dueAt!.toISOString() } });
    return true;
  });

  for (const r of rows) {
    const light = proxyLight(runtime.calendar, r.acceptedAt, r.dueAt, now);
    if (light === 'red') {
      if (await tell(r, 'overdueNotifiedAt', 'proxy_overdue')) out.overdue += 1;
    } else if (light === 'yellow' && !r.dueWarnedAt) {
      if (await tell(r, 'dueWarnedAt', 'proxy_due_soon')) out.warned += 1;
    }
  }
  return out;
}
