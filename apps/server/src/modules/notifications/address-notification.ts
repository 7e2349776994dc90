import { findUnit, findUpstreamPlatform } from '@minsheng/db';
import type { NotificationRow } from '@minsheng/db';
import type { Deps } from '../../deps';
import { requireRuntime } from '../../runtime/require-runtime';
import { platformWebhookSecret, SIGNATURE_HEADER, signWebhookBody } from '../exchange/webhook-signature';
import { renderMessage, renderUpstreamStatus } from './render-message';
import { DeliveryError } from './transports/transport';
import type { OutgoingMessage, Transport } from './transports/transport';

/** A notification ready to go: the rendered message and the adapter that carries it. */
export interface AddressedNotification { transport: Transport; message: OutgoingMessage }

/**
 * Resolve a queued notification's recipient and render it: the citizen's phone is decrypted only here, right before
 * sending; a unit without an e-mail address and a platform without a webhook get the log adapter.
 */
export async function addressNotification(deps: Deps, row: NotificationRow, now: Date): Promise<AddressedNotification> {
  const { outbound } = deps;
  const base = { notificationId: row.id, appealId: row.appealId, template: row.template };
  const params = (row.params ?? {}) as Record<string, unknown>;
  if (row.channel === 'sms') {
    if (!row.recipientEnc) throw new DeliveryError('no recipient phone', true);
    const runtime = await requireRuntime(deps, row.jurisdictionId);
    const text = renderMessage(row.template, params, runtime.calendar.localDate).text;
    return { transport: outbound.sms, message: { ...base, channel: 'sms', to: decryptPhone(deps, row.recipientEnc), subject: '', body: text } };
  }
  if (row.channel === 'email') {
    const unit = row.recipientUnitId ? await findUnit(deps.database.db, row.jurisdictionId, row.recipientUnitId) : null;
    if (!unit) throw new DeliveryError('recipient unit not found', true);
    const runtime = await requireRuntime(deps, row.jurisdictionId);
    const { subject, text } = renderMessage(row.template, params, runtime.calendar.localDate);
    const email = unit.email.trim();
    return { transport: email ? outbound.email : outbound.log, message: { ...base, channel: 'email', to: email || `unit:${unit.id}`, subject, body: text } };
  }
  if (row.channel === 'webhook') {
    const platformId = typeof params.platformId === 'string' ? params.platformId : '';
    const platform = platformId ? await findUpstreamPlatform(deps.database.db, row.jurisdictionId, platformId) : null;
    // A deactivated platform's contract has ended: it gets nothing more, and the row says why.
    if (!platform?.active) throw new DeliveryError('upstream platform unknown or deactivated', true);
    const body = renderUpstreamStatus(row, now);
    const headers = { [SIGNATURE_HEADER]: signWebhookBody(platformWebhookSecret(deps.config.secret, row.jurisdictionId, platform.id), body) };
    const message: OutgoingMessage = { ...base, channel: 'webhook', to: platform.webhookUrl ?? `platform:${platform.id}`, subject: '', body, headers };
    return { transport: platform.webhookUrl ? outbound.webhook : outbound.log, message };
  }
  throw new DeliveryError(`unknown channel ${row.channel}`, true);
}

function decryptPhone(deps: Deps, stored: string): string {
  try {
    return deps.cipher.decrypt(stored);
  } catch {
    throw new DeliveryError('recipient cannot be decrypted (was MINSHENG_SECRET changed?)', true);
  }
}
