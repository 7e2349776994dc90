import { AppError } from '@minsheng/contracts';

/** Opaque keyset cursor of a board page: the last post's exact publication time (µs, UTC) and appeal id. */
export function encodeBoardCursor(c: { publishedKey: string; appealId: string }): string {
  return Buffer.from(`${c.publishedKey}|${c.appealId}`).toString('base64url');
}

/** Only cursors this server could have made; anything else is 400 VALIDATION_FAILED on `cursor`. */
export function decodeBoardCursor(cursor: string): { publishedKey: string; appealId: string } {
  const [publishedKey, appealId, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const valid = extra === undefined && /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$/.test(publishedKey ?? '')
    && !Number.isNaN(Date.parse(publishedKey ?? '')) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(appealId ?? '');
  if (!valid) throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
  return { publishedKey: publishedKey!, appealId: appealId! };
}
