import { invalidCursor, packCursor, unpackCursor } from '../../http/keyset-cursor';
import type { KnowledgeCursor } from '@minsheng/db';

/** Opaque keyset cursor of a knowledge page: the last row's score, exact updated_at and id. */
export function encodeKnowledgeCursor(c: KnowledgeCursor): string {
  return packCursor([String(c.score), c.updatedKey, c.id]);
}

const PARTS = [/^(0|[1-9][0-9]{0,8})$/, /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$/, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/];

/** Only cursors this server could have made; anything else is 400 VALIDATION_FAILED on `cursor`. */
export function decodeKnowledgeCursor(cursor: string): KnowledgeCursor {
  const [score, updatedKey, id] = unpackCursor(cursor, PARTS, 'cursor');
  if (Number.isNaN(Date.parse(updatedKey!))) throw invalidCursor('cursor');
  return { score: Number(score), updatedKey: updatedKey!, id: id! };
}
