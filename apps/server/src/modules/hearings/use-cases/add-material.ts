import { AppError } from '@minsheng/contracts';
import { insertMaterial, newId, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadHearing, presentOne } from '../load-hearing';

/** 听证材料 (the draft decision, its reasons, cost figures); public ones appear on the portal with the hearing. */
export async function addMaterial(deps: Deps, user: SessionUser, hearingId: string, input: { title: string; summary?: string | undefined; public?: boolean | undefined }) {
  const jid = user.jurisdictionId;
  const h = await loadHearing(deps, user, hearingId, true);
  if (h.status === 'concluded' || h.status === 'cancelled') throw new AppError('ILLEGAL_TRANSITION', 'the hearing is closed');
  const id = newId();
  await deps.database.db.transaction(async (tx) => {
    await insertMaterial(tx, { jurisdictionId: jid, id, hearingId, title: input.title.trim(), summary: input.summary?.trim() ?? '', public: input.public ?? true, createdBy: user.userId, createdAt: deps.now() });
    await writeAudit(tx, { jurisdictionId: jid, actorUserId: user.userId, action: 'add_hearing_material', targetType: 'hearing', targetId: hearingId, detail: { public: input.public ?? true } });
  });
  return presentOne(deps, jid, h);
}
