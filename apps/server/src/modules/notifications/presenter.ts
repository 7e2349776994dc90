import type { NotificationRow, PiiCipher } from '@minsheng/db';
import { maskRecipient } from './transports/log-transport';

/**
 * A notification for the admin console: where it goes and how delivery went. A citizen's phone is shown masked
 * (138****1234) at most; the message parameters (query codes, reply texts) are not shown at all.
 */
export function presentNotification(n: NotificationRow, cipher: PiiCipher) {
  return {
    id: n.id, appealId: n.appealId, eventSeq: n.eventSeq, audience: n.audience, channel: n.channel, template: n.template,
    recipient: recipientOf(n, cipher),
    status: n.status, attempts: n.attempts, nextAttemptAt: n.status === 'queued' ? n.nextAttemptAt.toISOString() : null,
    lastError: n.lastError, createdAt: n.createdAt.toISOString(), sentAt: n.sentAt?.toISOString() ?? null,
  };
}

function recipientOf(n: NotificationRow, cipher: PiiCipher) {
  if (n.audience === 'unit') return { unitId: n.recipientUnitId };
  if (n.audience === 'upstream') return { platformId: typeof n.params === 'object' && n.params ? (n.params as { platformId?: string }).platformId ?? null : null };
  let phone: string | null = null;
  try { phone = n.recipientEnc ? maskRecipient('sms', cipher.decrypt(n.recipientEnc)) : null; } catch { phone = null; }
  return { phone };
}
