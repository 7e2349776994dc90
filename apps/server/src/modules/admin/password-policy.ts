import { AppError } from '@minsheng/contracts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';

/** The one password rule for new accounts and resets: at least MIN_PASSWORD_LENGTH characters. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('VALIDATION_FAILED', `password needs at least ${MIN_PASSWORD_LENGTH} characters`, { field: 'password' });
}
