import { listNotifications } from '@minsheng/db';
import type { NotificationStatus } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireOutboxAccess } from '../policy';
import { presentNotification } from '../presenter';

export interface ListNotificationsInput { status?: NotificationStatus | undefined; appealId?: string | undefined; limit: number }

/** The outbox of the user's jurisdiction, newest first, optionally one status or one appeal only. */
export async function listNotificationsFor(deps: Deps, user: SessionUser, input: ListNotificationsInput) {
  requireOutboxAccess(user);
  const rows = await listNotifications(deps.database.db, user.jurisdictionId, input);
  return { items: rows.map((n) => presentNotification(n, deps.cipher)) };
}
