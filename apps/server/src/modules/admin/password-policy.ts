import { AppError } from '@minsheng/contracts';
import { resolveSettings } from '@minsheng/domain';
import { findJurisdiction } from '@minsheng/db';
import type { Executor } from '@minsheng/db';
import { COMMON_PASSWORDS } from './common-passwords';

/** Above this length a passphrase of one character class is strong enough. */
const PASSPHRASE_LENGTH = 16;

export type PasswordRule = 'length' | 'classes' | 'username' | 'common';

/** Which rule a new password breaks, or null (pure; the order is the order a user fixes them in). */
export function passwordProblem(password: string, opts: { username: string; minLength: number }): PasswordRule | null {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'common';
  if ([...password].length < opts.minLength) return 'length';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3 && [...password].length < PASSPHRASE_LENGTH) return 'classes';
  if (opts.username.length >= 3 && lower.includes(opts.username.toLowerCase())) return 'username';
  return null;
}

/**
 * The one rule for new passwords (new accounts, resets, a user's own change): the jurisdiction's minimum length,
 * three of four character classes or a 16-character passphrase, not the username, not a common password. Stored
 * passwords are never re-checked, so existing accounts keep signing in.
 */
export function checkPasswordPolicy(password: string, opts: { username: string; minLength: number }): void {
  const rule = passwordProblem(password, opts);
  if (rule) throw new AppError('WEAK_PASSWORD', `password rule broken: ${rule}`, { field: 'password', rule, minLength: opts.minLength });
}

/** The jurisdiction's password rule numbers (the minimum length is a setting). */
export async function passwordPolicyFor(db: Executor, jurisdictionId: string): Promise<{ minLength: number }> {
  const j = await findJurisdiction(db, jurisdictionId);
  return { minLength: resolveSettings(j?.settings).security.passwordMinLength };
}
