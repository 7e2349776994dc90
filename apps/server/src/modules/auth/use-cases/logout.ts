import { deleteSession } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { parseSessionToken } from '../tokens';

/** End the session behind a token; unknown tokens are ignored (logging out twice is fine). */
export async function logout(deps: Deps, token: string): Promise<void> {
  const parsed = parseSessionToken(token);
  if (!parsed) return;
  deps.sessions.delete(parsed.tokenHash);
  await deleteSession(deps.database.db, parsed.jurisdictionId, parsed.tokenHash);
}
