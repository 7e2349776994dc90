import type { FastifyRequest } from 'fastify';
import { AppError } from '@minsheng/contracts';

/** A string PostgreSQL can store in text and jsonb: no NUL and no lone UTF-16 surrogate. */
function storable(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed();
}

function findBadString(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return storable(value) ? null : path || '/';
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (!storable(k)) return `${path}/${k.replace(/[^\x20-\x7e]/g, '?')}`;
    const bad = findBadString(v, `${path}/${k}`, depth + 1);
    if (bad) return bad;
  }
  return null;
}

/**
 * preValidation for every route: text the database cannot store is the client's mistake (400), caught before any
 * use case runs rather than surfacing as a driver error.
 */
export async function rejectUnstorableText(req: FastifyRequest): Promise<void> {
  for (const [part, value] of [['body', req.body], ['query', req.query], ['params', req.params]] as const) {
    const bad = findBadString(value, '');
    if (bad) throw new AppError('VALIDATION_FAILED', 'text contains a NUL character or an unpaired surrogate', { context: part, path: bad });
  }
}
