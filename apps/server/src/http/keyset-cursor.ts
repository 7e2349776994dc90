import { AppError } from '@minsheng/contracts';

/** An instant as `Date.prototype.toISOString` writes it. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An opaque keyset cursor: the last row's sort values, in order (none contains '|'). */
export function packCursor(parts: readonly string[]): string {
  return Buffer.from(parts.join('|')).toString('base64url');
}

/**
 * The sort values of a cursor this server could have made — as many parts as patterns, each matching its own —
 * or 400 VALIDATION_FAILED on `field`.
 */
export function unpackCursor(cursor: string, patterns: readonly RegExp[], field: string): string[] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length !== patterns.length || !patterns.every((p, i) => p.test(parts[i]!))) throw invalidCursor(field);
  return parts;
}

export function invalidCursor(field: string): AppError {
  return new AppError('VALIDATION_FAILED', 'invalid cursor', { field });
}
