import { AppError } from '@minsheng/contracts';
import { decideProxy } from '@minsheng/domain';
import type { ProxyAction, ProxyStatus } from '@minsheng/domain';
import { insertProxyStep, stepsOfProxyRequest, updateProxyRequest, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { loadWorkableRequest, presentOneRequest } from '../load-request';

/** 代办中 / 补正材料 (clock paused) / 继续 / 办结 / 退回: one step of a request, with the note the citizen reads. */
export async function actOnProxyRequest(deps: Deps, user: SessionUser, id: string, input: { action: ProxyAction; note?: string | undefined }) {
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const r = await loadWorkableRequest(deps, user, id);
  const runtime = await requireRuntime(deps, jid);
  const now = deps.now();
  const d = decideProxy(runtime.calendar, r.status as ProxyStatus, { dueAt: r.dueAt, paused: r.pausedBudget }, input.action, now, input.note);
  if (!d.ok) throw new AppError(d.code, undefined, d.field ? { field: d.field } : undefined);
  const note = input.note?.trim() ?? '';
  await db.transaction(async (tx) => {
    const ok = await updateProxyRequest(tx, jid, id, r.version, {
      status: d.next, dueAt: d.clock.dueAt, pausedBudget: d.clock.paused, updatedAt: now,
      ...(d.closed ? { closedAt: now, result: note } : {}),
    });
    if (!ok) throw new AppError('STALE_STATE');
    const seq = (await stepsOfProxyRequest(tx, jid, id)).length + 1;
    await insertProxyStep(tx, { jurisdictionId: jid, requestId: id, seq, action: input.action, toStatus: d.next, note, actorUserId: user.userId, at: now });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: `proxy_${input.action}`, targetType: 'proxy_request', targetId: id, detail: { from: r.status, to: d.next } });
  });
  return presentOneRequest(deps, jid, id);
}
