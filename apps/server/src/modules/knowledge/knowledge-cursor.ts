import { AppError } from '@minsheng/contracts';
import type { KnowledgeCursor } from '@minsheng/db';

/** Opaque keyset cursor of a knowledge page: the last row's score, exact updated_at and id. */
export function encodeKnowledgeCursor(c: KnowledgeCursor): string {
  return Buffer.from(`${c.score}|${c.updatedKey}|${c.id}`).toString('base64url');
}

/** Only cursors this server could have made; anything else is 400 VALIDATION_FAILED on `cursor`. */
export function decodeKnowledgeCursor(cursor: string): KnowledgeCursor {
  const [score, updatedKey, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const valid = extra === undefined && /^(0|[1-9][0-9]{0,8})$/.test(score ?? '') && /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$/.test(updatedKey ?? '')
    && !Number.isNaN(Date.parse(updatedKey ?? '')) && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id ?? '');
  if (!valid) throw new AppError('VALIDATION_FAILED', 'invalid cursor', { field: 'cursor' });
  return { score: Number(score), updatedKey: updatedKey!, id: id! };
}
