import nodemailer from 'nodemailer';
import { DeliveryError } from './transport';
import type { Transport } from './transport';

/** E-mail through an SMTP server (MINSHENG_SMTP_URL, e.g. smtps://user:pass@mail.example.gov.cn:465). */
export function createSmtpTransport(url: string, from: string): Transport {
  const mailer = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(m) {
      try {
        await mailer.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
      } catch (err) {
        // nodemailer's messages quote the server's reply, which may name the recipient: keep the codes only.
        const e = err as { code?: string; responseCode?: number };
        throw new DeliveryError(`smtp ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}`);
      }
    },
  };
}
