import { createHmac } from 'node:crypto';
import { AppError } from '@minsheng/contracts';
import { DEFAULT_SETTINGS } from '@minsheng/domain';
import type { SecuritySettings } from '@minsheng/domain';
import { activeLoginLock, clearLoginAttempts, recordLoginFailure, writeAudit } from '@minsheng/db';
import type { LoginAttemptKey, LoginAttemptScope } from '@minsheng/db';
import type { Deps } from '../../deps';

/**
 * Failed-login throttling (登录失败锁定), per username and per client IP, kept in the database so every server
 * process counts the same failures. Keys are HMACs under the server secret: the table holds neither usernames nor
 * addresses, and an unknown username is counted and locked exactly like a real one, so lockouts never reveal which
 * usernames exist.
 */
export interface LoginSubject { username: string; ip: string }

function subjectKey(deps: Deps, scope: LoginAttemptScope, subject: string): LoginAttemptKey {
  return { scope, subjectHash: createHmac('sha256', deps.config.secret).update(`login-throttle:${scope}:${subject}`).digest('hex') };
}

export function usernameKey(deps: Deps, username: string): LoginAttemptKey {
  return subjectKey(deps, 'username', username);
}

async function securitySettings(deps: Deps, jurisdictionId: string): Promise<SecuritySettings> {
  return (await deps.runtimes.get(jurisdictionId))?.settings.security ?? DEFAULT_SETTINGS.security;
}

function lockedError(until: Date, now: Date): AppError {
  return new AppError('LOGIN_LOCKED', 'too many failed sign-ins', { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) });
}

/** Refuse with LOGIN_LOCKED (details.retryAfterSeconds) while the username or the client IP is locked. */
export async function assertLoginAllowed(deps: Deps, jurisdictionId: string, subject: LoginSubject): Promise<void> {
  const now = deps.now();
  const until = await activeLoginLock(deps.database.db, jurisdictionId, [usernameKey(deps, subject.username), subjectKey(deps, 'ip', subject.ip)], now);
  if (until) throw lockedError(until, now);
}

/**
 * Count a failed login against the username and the IP. When this failure locks one of them, the lock is written to
 * the audit log (the account's id when it exists, never the password, the typed username or the address) and the
 * answer is LOGIN_LOCKED at once; otherwise the caller answers INVALID_CREDENTIALS.
 */
export async function countLoginFailure(deps: Deps, jurisdictionId: string, subject: LoginSubject, userId: string | null): Promise<void> {
  const settings = await securitySettings(deps, jurisdictionId);
  const now = deps.now();
  const db = deps.database.db;
  const plans = [
    { key: usernameKey(deps, subject.username), max: settings.loginMaxFailures, windowMinutes: settings.loginWindowMinutes },
    { key: subjectKey(deps, 'ip', subject.ip), max: settings.ipMaxFailures, windowMinutes: settings.ipWindowMinutes },
  ];
  let lockedUntil: Date | null = null;
  for (const plan of plans) {
    const until = new Date(now.getTime() + settings.loginLockMinutes * 60_000);
    const result = await recordLoginFailure(db, jurisdictionId, plan.key, {
      now, windowStart: new Date(now.getTime() - plan.windowMinutes * 60_000), maxFailures: plan.max, lockUntil: until,
    });
    if (!result.locked) continue;
    lockedUntil = until;
    const target = plan.key.scope === 'username' && userId ? { targetType: 'user', targetId: userId } : { targetType: `login_${plan.key.scope}`, targetId: plan.key.subjectHash.slice(0, 16) };
    await writeAudit(db, {
      jurisdictionId, actorUserId: null, action: 'login_locked', ...target,
      detail: { scope: plan.key.scope, failures: result.failures, windowMinutes: plan.windowMinutes, lockedUntil: until.toISOString() },
    });
  }
  if (lockedUntil) throw lockedError(lockedUntil, now);
}

/** A successful login starts the username's count afresh (the IP's count stays: one good account must not reset it). */
export async function clearUsernameFailures(deps: Deps, jurisdictionId: string, username: string): Promise<boolean> {
  return clearLoginAttempts(deps.database.db, jurisdictionId, usernameKey(deps, username));
}
