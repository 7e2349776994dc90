import { randomBytes } from 'node:crypto';
import { openDatabase } from '../connection';
import type { Database } from '../connection';

/** Which engine database tests run on: MINSHENG_TEST_DB=pglite (default) or postgres. */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.MINSHENG_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function testPostgresUrl(database = 'test'): string {
  const base = process.env.MINSHENG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a throw-away PostgreSQL database
 * that `close()` drops again.
 */
export async function createTestDatabase(): Promise<Database & { url: string | undefined }> {
  if (testEngine() === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await database.migrate();
    return { ...database, url: undefined };
  }
  const name = `minsheng_t_${randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = testPostgresUrl(name);
  const database = await openDatabase({ url, poolSize: 5 });
  await database.migrate();
  return {
    ...database,
    url,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: testPostgresUrl() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
