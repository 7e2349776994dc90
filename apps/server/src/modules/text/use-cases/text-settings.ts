import { saveTextSettings, storedTextSettings, writeAudit } from '@minsheng/db';
import { DEFAULT_RISK_KEYWORDS } from '@minsheng/text';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { resolveTextSettings } from '../settings';
import type { TextSettings } from '../settings';

function present(s: TextSettings) {
  return { ...s, riskKeywords: s.riskKeywords ?? [...DEFAULT_RISK_KEYWORDS], riskKeywordsAreDefault: s.riskKeywords === null };
}

/** 文本分析参数: training, duplicate, spike and risk-keyword settings of the jurisdiction (defaults filled in). */
export async function getTextSettings(deps: Deps, user: SessionUser) {
  requireAdmin(user);
  return present(resolveTextSettings(await storedTextSettings(deps.database.db, user.jurisdictionId)));
}

/** Changes some settings; `riskKeywords: null` goes back to the default list. Takes effect at the next job or request. */
export async function updateTextSettings(deps: Deps, user: SessionUser, patch: Partial<TextSettings>) {
  requireAdmin(user);
  const db = deps.database.db;
  return db.transaction(async (tx) => {
    const current = (await storedTextSettings(tx, user.jurisdictionId)) ?? {};
    const stored = { ...(current as Record<string, unknown>), ...patch };
    await saveTextSettings(tx, user.jurisdictionId, stored);
    await writeAudit(tx, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'update_text_settings', targetType: 'jurisdiction', targetId: user.jurisdictionId, detail: { patch } });
    return present(resolveTextSettings(stored));
  });
}
