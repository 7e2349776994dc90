import { postJson } from './http-post';
import type { Transport } from './transport';

/**
 * SMS through an HTTP gateway: POST {"to": phone, "text": message} to MINSHENG_SMS_WEBHOOK_URL, with
 * `Authorization: Bearer MINSHENG_SMS_WEBHOOK_TOKEN` when one is set. Any 2xx answer counts as accepted.
 */
export function createSmsWebhookTransport(url: string, token?: string): Transport {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return { send: (m) => postJson(url, JSON.stringify({ to: m.to, text: m.body }), headers) };
}
