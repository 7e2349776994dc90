import { countAttachments, writeAudit } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { prepareAttachments, saveAttachments } from '../prepare-attachments';
import type { UploadedFile } from '../read-uploads';
import { presentAttachment } from '../presenter';

/**
 * 上传附件 to an appeal the user can read (a photo from the site visit, the signed reply letter). Checked whole before
 * anything is stored; stored with an audit row in one transaction.
 */
export async function addAttachments(deps: Deps, user: SessionUser, appealId: string, files: readonly UploadedFile[]) {
  const db = deps.database.db;
  await loadReadableAppeal(db, user, appealId);
  return db.transaction(async (tx) => {
    const prepared = prepareAttachments(files, await countAttachments(tx, user.jurisdictionId, appealId));
    const saved = await saveAttachments(tx, deps.cipher, { jurisdictionId: user.jurisdictionId, appealId, files: prepared, source: 'staff', uploadedBy: user.userId, at: deps.now() });
    await writeAudit(tx, {
      jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'attachment.add', targetType: 'appeal', targetId: appealId,
      detail: { attachmentIds: saved.map((a) => a.id), types: saved.map((a) => a.contentType) },
    });
    return saved.map(presentAttachment);
  });
}
