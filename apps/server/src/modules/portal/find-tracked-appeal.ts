import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@minsheng/contracts';
import { findAppealIdByNumber } from '@minsheng/db';
import type { Deps } from '../../deps';
import { requireRuntime } from '../../runtime/require-runtime';
import { enforceRateLimit } from './rate-limit';

export interface TrackKey { number: string; queryCode: string }

/**
 * The appeal a number + query code opens. Attempts are counted per IP and per number before anything is looked up,
 * and a wrong number and a wrong code fail identically (404 NOT_FOUND, same body), so codes cannot be guessed.
 */
export async function findTrackedAppeal(deps: Deps, jurisdictionId: string, ip: string, key: TrackKey): Promise<string> {
  const limits = (await requireRuntime(deps, jurisdictionId)).settings.portal;
  const number = key.number.trim().toUpperCase();
  await enforceRateLimit(deps, jurisdictionId, `track:ip:${ip}`, limits.trackPerIp);
  await enforceRateLimit(deps, jurisdictionId, `track:number:${number}`, limits.trackPerNumber);
  const found = await findAppealIdByNumber(deps.database.db, jurisdictionId, number);
  const given = Buffer.from(key.queryCode.trim().toUpperCase().padEnd(16, ' ').slice(0, 16));
  const expected = Buffer.from((found?.queryCode ?? '').padEnd(16, ' ').slice(0, 16));
  // Compared in constant time, and compared even when the number is unknown, so timing tells nothing either.
  const match = timingSafeEqual(given, expected);
  if (!found || !match) throw new AppError('NOT_FOUND');
  return found.id;
}
