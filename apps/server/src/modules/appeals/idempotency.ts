import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { AppError } from '@minsheng/contracts';
import { isUniqueViolation, schema } from '@minsheng/db';
import { canonicalJson } from '@minsheng/domain';
import type { Executor } from '@minsheng/db';
import type { IdempotencyRecord } from './use-cases/register-appeal';
import type { Deps } from '../../deps';
import type { SessionUser } from '../auth/session-cache';

async function stored(db: Executor, user: SessionUser, key: string) {
  const t = schema.idempotencyKeys;
  const [row] = await db.select().from(t).where(and(eq(t.jurisdictionId, user.jurisdictionId), eq(t.userId, user.userId), eq(t.key, key))).limit(1);
  return row ?? null;
}

/**
 * A request with an Idempotency-Key: the key is recorded in the same transaction (intake: the same statement) as the
 * change, so a retried request (after a timeout or a crash) answers with the appeal instead of acting twice. Same key
 * with a different body is a conflict.
 */
export async function withIdempotency<T>(
  deps: Deps, user: SessionUser, key: string | null, body: unknown,
  create: (record: IdempotencyRecord | undefined) => Promise<T>,
  present: (appealId: string) => Promise<T> = async () => { throw new Error('present() needed for replays'); },
): Promise<{ replayed: boolean; body: T }> {
  if (!key) return { replayed: false, body: await create(undefined) };
  const db = deps.database.db;
  const requestHash = createHash('sha256').update(canonicalJson(body)).digest('hex'); // key order does not matter
  const replay = async () => {
    const row = await stored(db, user, key);
    if (!row) return null;
    if (row.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_CONFLICT');
    return { replayed: true, body: await present((row.response as { appealId: string }).appealId) };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return { replayed: false, body: await create({ key, requestHash }) };
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its appeal.
    if (isUniqueViolation(err)) {
      const raced = await replay();
      if (raced) return raced;
    }
    throw err;
  }
}
