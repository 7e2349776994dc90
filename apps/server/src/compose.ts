import { createPiiCipher, listJurisdictions, openDatabase } from '@minsheng/db';
import type { Database } from '@minsheng/db';
import type { Config } from './config';
import type { Deps } from './deps';
import { SessionCache } from './modules/auth/session-cache';
import { JurisdictionRuntimes } from './runtime/jurisdiction-runtime';
import { createOutbound } from './modules/notifications/outbound';

/** Open the configured database (PGlite in the data folder, or PostgreSQL at DATABASE_URL with an optional replica at DATABASE_READ_URL) once per process. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize, readUrl: config.databaseReadUrl, readMaxLagSeconds: config.readMaxLagSeconds });
}

/** The composition root: every dependency a use case may touch, built in one place. */
export async function createDeps(config: Config, database: Database, overrides: Partial<Deps> = {}): Promise<Deps> {
  let defaultJurisdictionId = config.jurisdictionId;
  if (!defaultJurisdictionId) defaultJurisdictionId = (await listJurisdictions(database.db))[0]?.id ?? '000000';
  return {
    config,
    database,
    cipher: createPiiCipher(config.secret, config.previousSecrets),
    runtimes: new JurisdictionRuntimes(database.db),
    sessions: new SessionCache(),
    outbound: createOutbound(config.notify),
    now: () => new Date(),
    defaultJurisdictionId,
    ...overrides,
  };
}
