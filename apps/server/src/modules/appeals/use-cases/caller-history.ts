import { and, eq } from 'drizzle-orm';
import { schema } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { listAppealsForUser } from './list-appeals';

/** 来电历史: the caller's earlier appeals, found by the keyed phone hash (no decryption, no plain-text search). */
export async function callerHistory(deps: Deps, user: SessionUser, phone: string) {
  const t = schema.citizens;
  const [citizen] = await deps.database.db.select({ id: t.id }).from(t)
    .where(and(eq(t.jurisdictionId, user.jurisdictionId), eq(t.phoneHash, deps.cipher.phoneHash(phone)))).limit(1);
  if (!citizen) return { items: [], nextCursor: null };
  return listAppealsForUser(deps, user, { citizenId: citizen.id, limit: 50 });
}
