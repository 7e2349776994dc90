import type { Database, PiiCipher } from '@minsheng/db';
import type { Config } from './config';
import type { JurisdictionRuntimes } from './runtime/jurisdiction-runtime';
import type { SessionCache } from './modules/auth/session-cache';
import type { Outbound } from './modules/notifications/outbound';

/** What use cases may use: passed explicitly, never imported as globals. */
export interface Deps {
  config: Config;
  database: Database;
  cipher: PiiCipher;
  runtimes: JurisdictionRuntimes;
  sessions: SessionCache;
  /** Outbound adapters for notifications (SMTP, SMS gateway, webhooks, log); tests point them at local sinks. */
  outbound: Outbound;
  /** The clock; tests replace it to move time. */
  now: () => Date;
  /** The jurisdiction a request belongs to when nothing in it says otherwise. */
  defaultJurisdictionId: string;
}
