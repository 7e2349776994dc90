import { AppError } from '@minsheng/contracts';
import { canRevealIdentity } from '@minsheng/domain';
import { findCitizen, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../appeal-policy';

/**
 * Show a citizen's unmasked identity. Every reveal is written to the audit log (who, which appeal, why) before the
 * values are returned; who may is the domain's canRevealIdentity (DOMAIN.md §8).
 */
export async function revealCitizen(deps: Deps, user: SessionUser, appealId: string, reason: string) {
  const db = deps.database.db;
  const { appeal, paths } = await loadReadableAppeal(db, user, appealId);
  const facts = { ownerUnitId: appeal.ownerUnitId, leadUnitId: appeal.leadUnitId, coUnitIds: appeal.coUnitIds, accusedUnitId: appeal.accusedUnitId, confidential: appeal.confidential, unitPaths: paths };
  if (!canRevealIdentity(user.grants, facts)) throw new AppError('FORBIDDEN', 'your role may not see this citizen unmasked');
  if (!appeal.citizenId) throw new AppError('NOT_FOUND');
  const citizen = await findCitizen(db, user.jurisdictionId, appeal.citizenId);
  if (!citizen) throw new AppError('NOT_FOUND');
  await writeAudit(db, {
    jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'reveal_citizen', targetType: 'appeal', targetId: appealId,
    detail: { citizenId: citizen.id, reason },
  });
  const open = (v: string | null) => (v ? deps.cipher.decrypt(v) : null);
  return { id: citizen.id, name: open(citizen.nameEnc), phone: open(citizen.phoneEnc), idNumber: open(citizen.idNumberEnc), address: open(citizen.addressEnc), masked: false };
}
