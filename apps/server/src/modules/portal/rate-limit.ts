import { AppError } from '@minsheng/contracts';
import type { PortalRateLimit } from '@minsheng/domain';
import { hitRateLimits } from '@minsheng/db';
import type { Deps } from '../../deps';

/**
 * Count a request against a fixed window (per IP, per phone, per tracked number) and refuse it with 429 once the
 * window's limit is passed. The counter lives in the database so every server process shares it.
 */
export async function enforceRateLimit(deps: Deps, jurisdictionId: string, bucket: string, rule: PortalRateLimit): Promise<void> {
  await enforceRateLimits(deps, jurisdictionId, [{ bucket, rule }]);
}

/** Several distinct buckets counted in one round trip (every one is counted, even when an earlier one refuses). */
export async function enforceRateLimits(deps: Deps, jurisdictionId: string, limits: readonly { bucket: string; rule: PortalRateLimit }[]): Promise<void> {
  const now = deps.now().getTime();
  const windows = limits.map(({ bucket, rule }) => {
    const windowMs = rule.windowMinutes * 60_000;
    return { bucket, rule, windowMs, windowStart: new Date(Math.floor(now / windowMs) * windowMs) };
  });
  const hits = await hitRateLimits(deps.database.db, jurisdictionId, windows);
  windows.forEach(({ rule, windowMs, windowStart }, i) => {
    if (hits[i]! > rule.limit) {
      throw new AppError('RATE_LIMITED', `limit ${rule.limit} per ${rule.windowMinutes} min`, { retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now) / 1000) });
    }
  });
}
