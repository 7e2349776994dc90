import { AppError } from '@minsheng/contracts';
import { findOpen311Token } from '@minsheng/db';
import type { Deps } from '../../../deps';

/** GET tokens/{token}: the request id behind a token (assigned at once here, since every service is realtime). */
export async function resolveToken(deps: Deps, jurisdictionId: string, token: string) {
  const found = /^[A-Za-z0-9_-]{8,64}$/.test(token) ? await findOpen311Token(deps.database.db, jurisdictionId, token) : null;
  if (!found) throw new AppError('NOT_FOUND', 'unknown token', { field: 'token' });
  return [{ service_request_id: found.number, token: found.token }];
}
