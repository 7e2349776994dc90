import { postJson } from './http-post';
import type { Transport } from './transport';

/** Webhook calls to upper platforms: the body and its signature headers were prepared by the caller. */
export function createWebhookTransport(): Transport {
  return { send: (m) => postJson(m.to, m.body, m.headers ?? {}) };
}
