import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@minsheng/contracts';
import { findProxyRequestByNumber, publicNames, stepsOfProxyRequest } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { enforceRateLimit } from '../../portal/rate-limit';
import { itemOf } from '../load-request';
import { presentTrackedRequest } from '../presenter';

/**
 * 代办进度查询: number + query code → the citizen's view. Counted per IP and per number before any look-up (the
 * portal's tracking limits, in buckets of their own), and a wrong number or a wrong code fail identically.
 */
export async function trackProxyRequest(deps: Deps, jurisdictionId: string, ip: string, key: { number: string; queryCode: string }) {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const limits = runtime.settings.portal;
  const number = key.number.trim().toUpperCase();
  await enforceRateLimit(deps, jurisdictionId, `proxy-track:ip:${ip}`, limits.trackPerIp);
  await enforceRateLimit(deps, jurisdictionId, `proxy-track:number:${number}`, limits.trackPerNumber);
  const db = deps.database.db;
  const found = await findProxyRequestByNumber(db, jurisdictionId, number);
  const given = Buffer.from(key.queryCode.trim().toUpperCase().padEnd(16, ' ').slice(0, 16));
  const expected = Buffer.from((found?.queryCode ?? '').padEnd(16, ' ').slice(0, 16));
  const match = timingSafeEqual(given, expected);
  if (!found || !match) throw new AppError('NOT_FOUND');
  const [item, names, steps] = await Promise.all([itemOf(deps, jurisdictionId, found.itemId), publicNames(db, jurisdictionId), stepsOfProxyRequest(db, jurisdictionId, found.id)]);
  const at = found.closedAt ?? deps.now();
  return presentTrackedRequest(found, item, names.unitNames.get(found.unitId) ?? null, steps, found.dueAt !== null && at > found.dueAt);
}
