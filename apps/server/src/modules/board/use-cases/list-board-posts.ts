import { listBoardPostsByStatus, publicNames } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requirePublisher } from '../policy';
import { presentBoardPost } from '../presenter';

/** 留言板审核: posts in one review state (pending oldest first). */
export async function listBoardPostsForReview(deps: Deps, user: SessionUser, status: 'pending' | 'approved' | 'rejected') {
  requirePublisher(user);
  const db = deps.database.db;
  const [posts, names] = await Promise.all([listBoardPostsByStatus(db, user.jurisdictionId, status, 200), publicNames(db, user.jurisdictionId)]);
  return { items: posts.map((p) => presentBoardPost(p, names)) };
}
