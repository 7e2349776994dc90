import { AppError } from '@minsheng/contracts';
import { CALLER_HISTORY_ROLES, isPhoneNumber } from '@minsheng/domain';
import { writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { listAppealsForUser } from './list-appeals';

/**
 * 来电历史: the caller's earlier appeals, found by the keyed phone hash (no decryption, no plain-text search). Only
 * intake roles may look a number up, and every look-up is audited (by hash: the log holds no phone number).
 */
export async function callerHistory(deps: Deps, user: SessionUser, phone: string) {
  if (!user.grants.some((g) => (CALLER_HISTORY_ROLES as readonly string[]).includes(g.role))) {
    throw new AppError('FORBIDDEN', 'caller history is for intake agents and dispatchers');
  }
  // The number is checked after the role: a role that may never look one up is refused as such, whatever it sent.
  if (!isPhoneNumber(phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'phone' });
  const phoneHash = deps.cipher.phoneHash(phone);
  await writeAudit(deps.database.db, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'caller_history', targetType: 'phone_hash', targetId: phoneHash, detail: {} });
  // Every configured key's hash: rows not yet reached by `minsheng secrets rotate` still carry the old one.
  return listAppealsForUser(deps, user, { phoneHash: deps.cipher.phoneHashes(phone), limit: 50 });
}
