import { attachmentsOf } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { presentAttachment } from '../presenter';

/** The appeal's attachments for staff who can read it. */
export async function listAttachments(deps: Deps, user: SessionUser, appealId: string) {
  await loadReadableAppeal(deps.database.db, user, appealId);
  return { items: (await attachmentsOf(deps.database.db, user.jurisdictionId, appealId)).map(presentAttachment) };
}
