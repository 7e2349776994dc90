import { AppError } from '@minsheng/contracts';
import { findAttachment, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';

/**
 * One attachment's bytes, decrypted, for staff who can read its appeal; "not found" alike for a wrong id and an
 * appeal out of scope. Each opening is audited: a photo can show a face or an ID card.
 */
export async function readAttachment(deps: Deps, user: SessionUser, id: string) {
  const db = deps.database.db;
  const row = await findAttachment(db, user.jurisdictionId, id);
  if (!row) throw new AppError('NOT_FOUND');
  await loadReadableAppeal(db, user, row.appealId);
  await writeAudit(db, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'attachment.read', targetType: 'appeal', targetId: row.appealId, detail: { attachmentId: id } });
  return { filename: row.filename, contentType: row.contentType, bytes: deps.cipher.decryptBytes(row.dataEnc) };
}
