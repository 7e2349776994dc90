import { AppError } from '@minsheng/contracts';
import { isPhoneNumber, normalizePhone, proxyDueAt } from '@minsheng/domain';
import { findProxyItem, insertProxyRequest, insertProxyStep, newId, nextProxyCounter, unitPaths, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { newQueryCode } from '../../appeals/use-cases/register-appeal';
import { presentOneRequest } from '../load-request';
import { canWorkProxy, proxyRootUnits, requireProxyStaff } from '../policy';

export interface RequestInput { itemId: string; applicantName: string; applicantPhone?: string | undefined; matter?: string | undefined; unitId?: string | undefined }

/** Proxy numbers: DB + the local day + a per-day counter; never an appeal number, so the two cannot be confused. */
export const PROXY_NUMBER_PREFIX = 'DB';

/**
 * 受理代办: a 代办员 accepts a request for an item of the catalogue for their unit (or one below it). The deadline is
 * the item's promised working days on the jurisdiction's calendar; the citizen gets a number and a query code.
 */
export async function registerProxyRequest(deps: Deps, user: SessionUser, input: RequestInput) {
  requireProxyStaff(user);
  const jid = user.jurisdictionId;
  const db = deps.database.db;
  const item = await findProxyItem(db, jid, input.itemId);
  if (!item) throw new AppError('UNKNOWN_PROXY_ITEM', undefined, { field: 'itemId' });
  if (!item.active) throw new AppError('ITEM_INACTIVE', undefined, { field: 'itemId' });
  const unitId = input.unitId ?? proxyRootUnits(user)[0]!;
  const path = (await unitPaths(db, jid, [unitId]))[unitId];
  if (!path) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  if (!canWorkProxy(user, path)) throw new AppError('FORBIDDEN', 'the handling unit is outside your units');
  const phone = input.applicantPhone?.trim() ? normalizePhone(input.applicantPhone) : null;
  if (phone !== null && !isPhoneNumber(phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'applicantPhone' });
  const runtime = await requireRuntime(deps, jid);
  const now = deps.now();
  const day = runtime.calendar.localDate(now).replaceAll('-', '');
  const id = newId();
  await db.transaction(async (tx) => {
    const n = await nextProxyCounter(tx, jid, day);
    await insertProxyRequest(tx, {
      jurisdictionId: jid, id, number: `${PROXY_NUMBER_PREFIX}${day}${String(n).padStart(4, '0')}`, queryCode: newQueryCode(), itemId: item.id, unitId,
      agentUserId: user.userId, applicantNameEnc: deps.cipher.encrypt(input.applicantName.trim()), applicantPhoneEnc: phone ? deps.cipher.encrypt(phone) : null,
      matter: input.matter?.trim() ?? '', status: 'accepted', promisedDays: item.promisedDays, acceptedAt: now, dueAt: proxyDueAt(runtime.calendar, now, item.promisedDays),
      createdBy: user.userId, updatedAt: now,
    });
    await insertProxyStep(tx, { jurisdictionId: jid, requestId: id, seq: 1, action: 'accept', toStatus: 'accepted', note: '', actorUserId: user.userId, at: now });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'accept_proxy_request', targetType: 'proxy_request', targetId: id, detail: { itemId: item.id } });
  });
  return presentOneRequest(deps, jid, id);
}
