import { claimDueNotifications, markNotificationAttemptFailed, markNotificationSent } from '@minsheng/db';
import type { NotificationRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { addressNotification } from '../address-notification';
import { CLAIM_LEASE_MS, retryDelayMs } from '../retry-schedule';
import { DeliveryError, describeDeliveryError } from '../transports/transport';

export interface DeliveryTotals { sent: number; retrying: number; failed: number }

const BATCH = 20;
const MOST_PER_RUN = 200;

/**
 * Send what is due in one jurisdiction's outbox (the delivery job). Each batch is claimed with a lease first, so
 * workers in several processes never send the same row; a failed attempt waits longer each time (1 min, 2, 4 …) and
 * after MINSHENG_NOTIFY_MAX_ATTEMPTS the row is marked failed for an administrator to look at and retry.
 */
export async function deliverNotifications(deps: Deps, jurisdictionId: string): Promise<DeliveryTotals> {
  const totals: DeliveryTotals = { sent: 0, retrying: 0, failed: 0 };
  // Bounded per run so one busy jurisdiction cannot hold up the worker's other jobs; the next run continues.
  for (let claimedSoFar = 0; claimedSoFar < MOST_PER_RUN;) {
    const now = deps.now();
    const batch = await claimDueNotifications(deps.database.db, jurisdictionId, now, new Date(now.getTime() + CLAIM_LEASE_MS), BATCH);
    for (const row of batch) totals[await deliverOne(deps, row)]++;
    claimedSoFar += batch.length;
    if (batch.length < BATCH) break;
  }
  return totals;
}

async function deliverOne(deps: Deps, row: NotificationRow): Promise<keyof DeliveryTotals> {
  const db = deps.database.db;
  try {
    const { transport, message } = await addressNotification(deps, row, deps.now());
    await transport.send(message);
  } catch (err) {
    const permanent = err instanceof DeliveryError && err.permanent;
    const retryAt = !permanent && row.attempts < deps.config.notify.maxAttempts ? new Date(deps.now().getTime() + retryDelayMs(row.attempts)) : null;
    await markNotificationAttemptFailed(db, row, describeDeliveryError(err), retryAt, deps.now());
    return retryAt ? 'retrying' : 'failed';
  }
  // Outside the try: a database hiccup after a successful send must not count as a failed send and send it again.
  await markNotificationSent(db, row, deps.now());
  return 'sent';
}
