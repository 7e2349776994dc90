/** How a notification travels: 短信 to a citizen, e-mail to a unit, a webhook call to an upper platform. */
export type DeliveryChannel = 'sms' | 'email' | 'webhook';

/** One rendered message on its way out. */
export interface OutgoingMessage {
  notificationId: string;
  appealId: string | null;
  template: string;
  channel: DeliveryChannel;
  /** A phone number, an e-mail address or a URL; a `unit:`/`platform:` label when there is nowhere to send it. */
  to: string;
  subject: string;
  /** Plain text for SMS and e-mail; the JSON document for a webhook. */
  body: string;
  headers?: Record<string, string>;
}

/** An outbound adapter. Resolves when the far end accepted the message; throws DeliveryError when it did not. */
export interface Transport {
  send(message: OutgoingMessage): Promise<void>;
}

/**
 * A failed delivery whose message is safe to store in `last_error` and show to administrators: it names the far end
 * and the failure, never the recipient or the content. `permanent` failures are not worth retrying.
 */
export class DeliveryError extends Error {
  constructor(message: string, readonly permanent = false) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The text stored as `last_error`: our own messages, or only the name and code of anything unexpected. */
export function describeDeliveryError(err: unknown): string {
  if (err instanceof DeliveryError) return scrub(err.message);
  const e = err as { name?: unknown; code?: unknown } | null;
  return scrub(`unexpected ${typeof e?.name === 'string' ? e.name : 'error'}${typeof e?.code === 'string' ? ` ${e.code}` : ''}`);
}

// Belt and braces: whatever ends up in an error, phone-like numbers and e-mail addresses never reach the table.
function scrub(text: string): string {
  return text.replace(/\S+@\S+/g, '[address]').replace(/\d{7,}/g, '[number]').slice(0, 500);
}
