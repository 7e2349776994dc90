import { maskPhone } from '@minsheng/domain';
import type { DeliveryChannel, Transport } from './transport';

/** Where the log adapter writes one structured line. */
export type LogWriter = (entry: Record<string, unknown>) => void;

/** Writes JSON lines to standard output, like the server's request log. */
export const stdoutLogWriter: LogWriter = (entry) => { process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), ...entry })}\n`); };

/**
 * The default adapter for every channel that has no server configured: it records that a message would have gone
 * out — template, appeal and a masked recipient — and never the text, which holds query codes and titles.
 */
export function createLogTransport(write: LogWriter): Transport {
  return {
    async send(m) {
      write({ msg: 'notification recorded by the log adapter', notificationId: m.notificationId, appealId: m.appealId, template: m.template, channel: m.channel, to: maskRecipient(m.channel, m.to) });
    },
  };
}

/** A recipient as it may appear in logs and in the admin console: 139****1234, z***@example.gov.cn, a URL's origin. */
export function maskRecipient(channel: DeliveryChannel, to: string): string {
  if (to.startsWith('unit:') || to.startsWith('platform:')) return to;
  if (channel === 'sms') return maskPhone(to);
  if (channel === 'email') {
    const at = to.lastIndexOf('@');
    return at > 0 ? `${to[0]}***${to.slice(at)}` : '***';
  }
  try { return new URL(to).origin; } catch { return '***'; }
}
