import { AppError } from '@minsheng/contracts';
import { isPhoneNumber, normalizePhone, representativesEditable } from '@minsheng/domain';
import type { HearingStatus } from '@minsheng/domain';
import { insertRepresentative, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadHearing, presentOne } from '../load-hearing';

export interface RepresentativeInput {
  kind: 'resident' | 'enterprise'; name: string; phone?: string | undefined; organisation?: string | undefined; constituency?: string | undefined;
}

/** 听证代表: a resident (with their community) or an enterprise (named; its contact person's identity encrypted). */
export async function addRepresentative(deps: Deps, user: SessionUser, hearingId: string, input: RepresentativeInput) {
  const jid = user.jurisdictionId;
  const h = await loadHearing(deps, user, hearingId, true);
  if (!representativesEditable(h.status as HearingStatus)) throw new AppError('ILLEGAL_TRANSITION', 'representatives are fixed once the hearing is held');
  const organisation = input.organisation?.trim() ?? '';
  if (input.kind === 'enterprise' && !organisation) throw new AppError('VALIDATION_FAILED', 'an enterprise representative names the enterprise', { field: 'organisation' });
  const phone = input.phone?.trim() ? normalizePhone(input.phone) : null;
  if (phone !== null && !isPhoneNumber(phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'phone' });
  const id = newId();
  await deps.database.db.transaction(async (tx) => {
    await insertRepresentative(tx, {
      jurisdictionId: jid, id, hearingId, kind: input.kind, nameEnc: deps.cipher.encrypt(input.name.trim()), phoneEnc: phone ? deps.cipher.encrypt(phone) : null,
      organisation, constituency: input.constituency?.trim() ?? '', createdAt: deps.now(),
    });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'add_hearing_representative', targetType: 'hearing', targetId: hearingId, detail: { kind: input.kind } });
  });
  return presentOne(deps, jid, h);
}
