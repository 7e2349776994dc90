import { timingSafeEqual } from 'node:crypto';
import { AppError } from '@minsheng/contracts';
import { findTrackedByNumber } from '@minsheng/db';
import type { TrackedAppeal } from '@minsheng/db';
import type { Deps } from '../../deps';
import { requireRuntime } from '../../runtime/require-runtime';
import { enforceRateLimits } from './rate-limit';

export interface TrackKey { number: string; queryCode: string }

/**
 * The appeal a number + query code opens, with what its tracking page shows. Attempts are counted per IP and per
 * number before anything is looked up, and a wrong number and a wrong code fail identically (404 NOT_FOUND, same
 * body), so codes cannot be guessed. What was read for a wrong code is dropped here, unused.
 */
export async function findTrackedAppeal(deps: Deps, jurisdictionId: string, ip: string, key: TrackKey): Promise<TrackedAppeal> {
  const limits = (await requireRuntime(deps, jurisdictionId)).settings.portal;
  const number = key.number.trim().toUpperCase();
  await enforceRateLimits(deps, jurisdictionId, [{ bucket: `track:ip:${ip}`, rule: limits.trackPerIp }, { bucket: `track:number:${number}`, rule: limits.trackPerNumber }]);
  const found = await findTrackedByNumber(deps.database, jurisdictionId, number);
  const given = Buffer.from(key.queryCode.trim().toUpperCase().padEnd(16, ' ').slice(0, 16));
  const expected = Buffer.from((found?.appeal.queryCode ?? '').padEnd(16, ' ').slice(0, 16));
  // Compared in constant time, and compared even when the number is unknown, so timing tells nothing either.
  const match = timingSafeEqual(given, expected);
  if (!found || !match) throw new AppError('NOT_FOUND');
  return found;
}
