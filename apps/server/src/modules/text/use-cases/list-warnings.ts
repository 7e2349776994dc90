import { areaNamesOf, listTextWarnings, readableAppealHeads } from '@minsheng/db';
import type { TextWarningRow } from '@minsheng/db';
import { redactText } from '@minsheng/text';
import { appealScopeOf } from '../../appeals/appeal-scope';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { classifierCache } from '../classifier-cache';
import { requireRole, WARNING_ROLES } from '../policy';
import { presentWarning } from '../presenter';
import type { AppealHead } from '../presenter';

/** The readable members of each warning; a warning with none is not the reader's business (unless they see everything). */
export async function visibleWarnings(deps: Deps, user: SessionUser, rows: TextWarningRow[]) {
  const db = deps.database.db;
  const scope = await appealScopeOf(deps, user);
  const [heads, { categories }, areaNames] = await Promise.all([
    readableAppealHeads(db, user.jurisdictionId, scope, [...new Set(rows.flatMap((w) => w.appealIds))]),
    classifierCache(deps.database).get(user.jurisdictionId),
    areaNamesOf(db, user.jurisdictionId, rows.map((w) => w.areaCode).filter((c): c is string => c !== null)),
  ]);
  const byId = new Map<string, AppealHead>(heads.map((h) => [h.id, { id: h.id, number: h.number, title: redactText(h.title).text, status: h.status }]));
  return rows
    .map((w) => ({ w, visible: w.appealIds.flatMap((id) => byId.get(id) ?? []) }))
    .filter(({ visible }) => scope.unitIds === null || visible.length > 0)
    .map(({ w, visible }) => presentWarning(w, visible, categories, areaNames));
}

/** 预警列表 for supervision staff and leaders: newest day first, most surprising first within a day. */
export async function listWarnings(deps: Deps, user: SessionUser, q: { status?: string | undefined; kind?: string | undefined; limit?: number | undefined }) {
  requireRole(user, WARNING_ROLES, 'early warnings');
  const rows = await listTextWarnings(deps.database.db, user.jurisdictionId, { status: q.status, kind: q.kind, limit: q.limit ?? 100 });
  return { items: await visibleWarnings(deps, user, rows) };
}
