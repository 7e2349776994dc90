import { mergeGroupIds } from '@minsheng/db';
import { appealScopeOf } from '../../appeals/appeal-scope';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { loadReadableAppeal } from '../../appeals/appeal-policy';
import { classifierCache } from '../classifier-cache';
import { findLikelyDuplicates } from '../duplicates';
import type { DuplicateProbe } from '../duplicates';
import { loadTextSettings } from '../settings';

/** A registered appeal as a duplicate probe: readable or "not found" alike, with its merge group never reported. */
export async function registeredProbe(deps: Deps, user: SessionUser, appealId: string): Promise<DuplicateProbe> {
  const { appeal } = await loadReadableAppeal(deps.database.db, user, appealId);
  const group = await mergeGroupIds(deps.database.db, user.jurisdictionId, appeal.id, appeal.masterId);
  return { id: appeal.id, title: appeal.title, content: appeal.content, areaCode: appeal.areaCode, categoryId: appeal.categoryId, createdAt: appeal.createdAt, excludeIds: group };
}

/**
 * 疑似重复 for the dispatch screen: appeals like this one (before or after it), scored as at intake, without the appeal
 * itself and its merge group (并单). Unknown and unreadable appeals are "not found" alike.
 */
export async function appealDuplicates(deps: Deps, user: SessionUser, appealId: string) {
  const db = deps.database.db;
  const [probe, settings, scope, { categories }] = await Promise.all([
    registeredProbe(deps, user, appealId), loadTextSettings(db, user.jurisdictionId), appealScopeOf(deps, user), classifierCache(deps.database).get(user.jurisdictionId),
  ]);
  const items = await findLikelyDuplicates(db, user.jurisdictionId, scope, probe, settings, categories);
  return { appealId: probe.id!, items };
}
