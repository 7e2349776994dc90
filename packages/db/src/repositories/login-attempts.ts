import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { loginAttempts } from '../schema';

export type LoginAttemptScope = 'username' | 'ip';
export interface LoginAttemptKey { scope: LoginAttemptScope; subjectHash: string }

/** The latest lock end of any of the keys, or null when none is locked at `now`. */
export async function activeLoginLock(db: Executor, jurisdictionId: string, keys: LoginAttemptKey[], now: Date): Promise<Date | null> {
  if (!keys.length) return null;
  const rows = await db.select({ scope: loginAttempts.scope, subjectHash: loginAttempts.subjectHash, lockedUntil: loginAttempts.lockedUntil }).from(loginAttempts)
    .where(and(eq(loginAttempts.jurisdictionId, jurisdictionId), inArray(loginAttempts.subjectHash, keys.map((k) => k.subjectHash))));
  let until: Date | null = null;
  for (const r of rows) {
    if (!keys.some((k) => k.scope === r.scope && k.subjectHash === r.subjectHash) || !r.lockedUntil) continue;
    const end = new Date(r.lockedUntil);
    if (end > now && (!until || end > until)) until = end;
  }
  return until;
}

/**
 * Count one failure in the key's window (a window older than `windowStart` starts over) and, when the count reaches
 * `maxFailures`, lock the key until `lockUntil`. One upsert, so concurrent processes never lose a count. Returns
 * whether this call set the lock (the caller audits it once).
 */
export async function recordLoginFailure(db: Executor, jurisdictionId: string, key: LoginAttemptKey, opts: { now: Date; windowStart: Date; maxFailures: number; lockUntil: Date }): Promise<{ failures: number; locked: boolean }> {
  const [row] = await queryRows<{ failures: number }>(db, sql`
    INSERT INTO login_attempts (jurisdiction_id, scope, subject_hash, failures, window_started_at, updated_at)
    VALUES (${jurisdictionId}, ${key.scope}, ${key.subjectHash}, 1, ${opts.now}, ${opts.now})
    ON CONFLICT (jurisdiction_id, scope, subject_hash) DO UPDATE SET
      failures = CASE WHEN login_attempts.window_started_at < ${opts.windowStart} THEN 1 ELSE login_attempts.failures + 1 END,
      window_started_at = CASE WHEN login_attempts.window_started_at < ${opts.windowStart} THEN ${opts.now} ELSE login_attempts.window_started_at END,
      updated_at = ${opts.now}
    RETURNING failures`);
  const failures = Number(row!.failures);
  if (failures < opts.maxFailures) return { failures, locked: false };
  // The lock restarts the count, so the next window after the lock allows the full number of attempts again.
  const locked = await db.update(loginAttempts).set({ lockedUntil: opts.lockUntil, failures: 0, windowStartedAt: opts.now, updatedAt: opts.now })
    .where(and(eq(loginAttempts.jurisdictionId, jurisdictionId), eq(loginAttempts.scope, key.scope), eq(loginAttempts.subjectHash, key.subjectHash),
      sql`(${loginAttempts.lockedUntil} IS NULL OR ${loginAttempts.lockedUntil} <= ${opts.now})`))
    .returning({ scope: loginAttempts.scope });
  return { failures, locked: locked.length === 1 };
}

/** Forget a key's failures and lock (a successful login, an administrator's unlock); true when there was a row. */
export async function clearLoginAttempts(db: Executor, jurisdictionId: string, key: LoginAttemptKey): Promise<boolean> {
  const rows = await db.delete(loginAttempts)
    .where(and(eq(loginAttempts.jurisdictionId, jurisdictionId), eq(loginAttempts.scope, key.scope), eq(loginAttempts.subjectHash, key.subjectHash)))
    .returning({ scope: loginAttempts.scope });
  return rows.length > 0;
}

/** Rows whose window and lock both ended before `before` only take space. */
export async function purgeLoginAttempts(db: Executor, before: Date): Promise<void> {
  await db.execute(sql`DELETE FROM login_attempts WHERE window_started_at < ${before} AND (locked_until IS NULL OR locked_until < ${before})`);
}
