import { AppError } from '@minsheng/contracts';
import type { PortalRateLimit } from '@minsheng/domain';
import { hitRateLimit } from '@minsheng/db';
import type { Deps } from '../../deps';

/**
 * Count a request against a fixed window (per IP, per phone, per tracked number) and refuse it with 429 once the
 * window's limit is passed. The counter lives in the database so every server process shares it.
 */
export async function enforceRateLimit(deps: Deps, jurisdictionId: string, bucket: string, rule: PortalRateLimit): Promise<void> {
  const windowMs = rule.windowMinutes * 60_000;
  const now = deps.now().getTime();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const hits = await hitRateLimit(deps.database.db, jurisdictionId, bucket, windowStart);
  if (hits > rule.limit) {
    throw new AppError('RATE_LIMITED', `limit ${rule.limit} per ${rule.windowMinutes} min`, { retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now) / 1000) });
  }
}
