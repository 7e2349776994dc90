import type { Database, PiiCipher } from '@minsheng/db';
import type { Config } from './config';
import type { JurisdictionRuntimes } from './runtime/jurisdiction-runtime';
import type { SessionCache } from './modules/auth/session-cache';

/** What use cases may use: passed explicitly, never imported as globals. */
export interface Deps {
  config: Config;
  database: Database;
  cipher: PiiCipher;
  runtimes: JurisdictionRuntimes;
  sessions: SessionCache;
  /** The clock; tests replace it to move time. */
  now: () => Date;
  /** The jurisdiction a request belongs to when nothing in it says otherwise. */
  defaultJurisdictionId: string;
}
