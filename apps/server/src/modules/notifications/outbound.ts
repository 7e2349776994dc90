import type { NotifyConfig } from '../../config';
import { createLogTransport, stdoutLogWriter } from './transports/log-transport';
import type { LogWriter } from './transports/log-transport';
import { createSmsWebhookTransport } from './transports/sms-webhook-transport';
import { createSmtpTransport } from './transports/smtp-transport';
import { createWebhookTransport } from './transports/webhook-transport';
import type { Transport } from './transports/transport';

/** The outbound adapters, one per channel, plus the log adapter used wherever a recipient has no address. */
export interface Outbound {
  sms: Transport;
  email: Transport;
  webhook: Transport;
  log: Transport;
}

/** Build the adapters from configuration: a channel without a configured server falls back to the log adapter. */
export function createOutbound(config: NotifyConfig, options: { log?: LogWriter } = {}): Outbound {
  const log = createLogTransport(options.log ?? stdoutLogWriter);
  return {
    sms: config.smsWebhookUrl ? createSmsWebhookTransport(config.smsWebhookUrl, config.smsWebhookToken) : log,
    email: config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.smtpFrom) : log,
    webhook: createWebhookTransport(),
    log,
  };
}
