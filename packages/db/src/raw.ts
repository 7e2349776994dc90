import type { SQL } from 'drizzle-orm';
import type { Executor } from './connection';

/** Run raw SQL and get its rows: node-postgres and PGlite both answer with `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
