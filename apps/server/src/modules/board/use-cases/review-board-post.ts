import { AppError } from '@minsheng/contracts';
import { findBoardPost, publicNames, reviewBoardPost, writeAudit } from '@minsheng/db';
import { findPersonalData } from '@minsheng/text';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requirePublisher } from '../policy';
import { presentBoardPost } from '../presenter';

export interface BoardReviewInput { version: number; title: string; content: string; reply: string; decision: 'approve' | 'reject'; note?: string | undefined }

/**
 * Approve (publish) or reject a board post, with the reviewer's edits of the redacted text. Audited in the same
 * transaction; a stale version is 409 STALE_STATE. The reviewer has the last word on the text, but what the detectors
 * still find in it is returned (`remaining`) so the console can warn.
 */
export async function reviewBoardPostFor(deps: Deps, user: SessionUser, appealId: string, input: BoardReviewInput) {
  requirePublisher(user);
  const db = deps.database.db;
  const jid = user.jurisdictionId;
  const post = await findBoardPost(db, jid, appealId);
  if (!post) throw new AppError('NOT_FOUND');
  if (post.version !== input.version) throw new AppError('STALE_STATE', undefined, { status: post.status, version: post.version });
  const now = deps.now();
  const approve = input.decision === 'approve';
  const texts = { title: input.title.trim(), content: input.content.trim(), reply: input.reply.trim() };
  await db.transaction(async (tx) => {
    const ok = await reviewBoardPost(tx, jid, appealId, input.version, {
      ...texts, status: approve ? 'approved' : 'rejected', reviewedBy: user.userId, reviewedAt: now, reviewNote: input.note?.trim() || null,
      publishedAt: approve ? now : null,
    });
    if (!ok) throw new AppError('STALE_STATE', undefined, { version: input.version });
    await writeAudit(tx, {
      jurisdictionId: jid, actorUserId: user.userId, action: approve ? 'approve_board_post' : 'reject_board_post', targetType: 'board_post', targetId: appealId,
      detail: { edited: texts.title !== post.title || texts.content !== post.content || texts.reply !== post.reply, note: input.note?.trim() || null },
    });
  });
  const remaining = Object.values(texts).flatMap((t) => findPersonalData(t).map((s) => s.type));
  return { ...presentBoardPost((await findBoardPost(db, jid, appealId))!, await publicNames(db, jid)), remaining };
}
