import { mergeGroupIds } from '@minsheng/db';
import { appealScopeOf } from '../../appeals/appeal-scope';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { classifierCache } from '../classifier-cache';
import { findLikelyDuplicates } from '../duplicates';
import { loadTextSettings } from '../settings';

/**
 * 疑似重复 for the dispatch screen: appeals like this one (before or after it), scored as at intake, without the appeal
 * itself and its merge group (并单). Unknown and unreadable appeals are "not found" alike.
 */
export async function appealDuplicates(deps: Deps, user: SessionUser, appealId: string) {
  const db = deps.database.db;
  const { appeal } = await loadReadableAppeal(db, user, appealId);
  const [group, settings, scope, { categories }] = await Promise.all([
    mergeGroupIds(db, user.jurisdictionId, appeal.id, appeal.masterId), loadTextSettings(db, user.jurisdictionId), appealScopeOf(deps, user),
    classifierCache(deps.database).get(user.jurisdictionId),
  ]);
  const items = await findLikelyDuplicates(db, user.jurisdictionId, scope, {
    id: appeal.id, title: appeal.title, content: appeal.content, areaCode: appeal.areaCode, categoryId: appeal.categoryId, createdAt: appeal.createdAt, excludeIds: group,
  }, settings, categories);
  return { appealId: appeal.id, items };
}
