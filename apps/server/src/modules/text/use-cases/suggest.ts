import { AppError } from '@minsheng/contracts';
import { isPhoneNumber, maskPhone, normalizePhone } from '@minsheng/domain';
import { appealScopeOf } from '../../appeals/appeal-scope';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { callerHistory } from '../../appeals/use-cases/caller-history';
import { computeRoutingProposal } from '../../routing/use-cases/compute-routing-proposal';
import { classifierCache } from '../classifier-cache';
import type { CategoryInfo, LoadedClassifier } from '../classifier-cache';
import { findLikelyDuplicates } from '../duplicates';
import { registeredProbe } from './appeal-duplicates';
import { requireRole, SUGGEST_ROLES } from '../policy';
import { presentRoutingProposal } from '../../routing/presenter';
import { loadTextSettings } from '../settings';

export interface SuggestInput {
  title: string;
  content: string;
  areaCode?: string | undefined;
  categoryId?: string | undefined;
  phone?: string | undefined;
  /** A registered appeal being dispatched: it and its merge group are never its own duplicates. */
  appealId?: string | undefined;
}

const CALLER_HISTORY_SHOWN = 10;

/** The three likeliest categories still in use, with their calibrated confidence. */
function classify(loaded: LoadedClassifier | null, categories: Map<string, CategoryInfo>, text: string) {
  if (!loaded) return { categories: [], classifier: { status: 'not_trained' as const, reason: '本辖区尚未训练分类模型（管理员可在「分类模型」中立即训练）', modelId: null, version: null } };
  const p = loaded.classifier.predict(text);
  const ranked = loaded.classifier.labels
    .map((label) => ({ label, confidence: p.probabilities[label] ?? 0 }))
    .filter((l) => categories.get(l.label)?.active)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, 3);
  return {
    categories: ranked.map((l) => ({ categoryId: l.label, name: categories.get(l.label)!.name, path: categories.get(l.label)!.path, confidence: Math.round(l.confidence * 10_000) / 10_000 })),
    classifier: { status: 'ready' as const, reason: null, modelId: loaded.id, version: loaded.version },
  };
}

/**
 * 智能辅助: while an agent types an appeal — the likeliest categories (分类建议), the routing catalogue's proposal for
 * the chosen or first suggested category (派单建议), open or recent appeals that look like the same matter (重复诉求)
 * and the caller's earlier appeals (来电历史, audited). Without a trained model the categories are empty with a
 * reason and everything else still answers. Nothing is written but the caller-history audit row.
 */
export async function suggest(deps: Deps, user: SessionUser, input: SuggestInput) {
  requireRole(user, SUGGEST_ROLES, 'suggestions');
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  if (input.areaCode !== undefined && !runtime.areaCodes.has(input.areaCode)) throw new AppError('UNKNOWN_AREA', undefined, { field: 'areaCode' });
  if (input.categoryId !== undefined && !runtime.categories.has(input.categoryId)) throw new AppError('UNKNOWN_CATEGORY', undefined, { field: 'categoryId' });
  if (input.phone !== undefined && !isPhoneNumber(input.phone)) throw new AppError('INVALID_PHONE', undefined, { field: 'phone' });
  const db = deps.database.db;
  const [{ loaded, categories }, settings, scope, registered] = await Promise.all([
    classifierCache(deps.database).get(user.jurisdictionId), loadTextSettings(db, user.jurisdictionId), appealScopeOf(deps, user),
    input.appealId !== undefined ? registeredProbe(deps, user, input.appealId) : Promise.resolve(null),
  ]);
  const started = performance.now();
  const suggestion = classify(loaded, categories, `${input.title}\n${input.content}`);
  const classifyMs = performance.now() - started;
  const categoryId = input.categoryId ?? suggestion.categories[0]?.categoryId ?? null;
  const now = deps.now();

  const [proposal, duplicates, history] = await Promise.all([
    categoryId || input.areaCode
      ? computeRoutingProposal(db, { jurisdictionId: user.jurisdictionId, categoryId, areaCode: input.areaCode ?? null, accusedUnitId: null })
      : Promise.resolve(null),
    findLikelyDuplicates(db, user.jurisdictionId, scope, {
      id: registered?.id ?? null, title: input.title, content: input.content, areaCode: input.areaCode ?? null, categoryId,
      createdAt: registered?.createdAt ?? now, excludeIds: registered?.excludeIds ?? [],
    }, settings, categories),
    input.phone !== undefined ? callerHistory(deps, user, input.phone) : Promise.resolve(null),
  ]);
  return {
    ...suggestion,
    routing: proposal ? { categoryId, areaCode: input.areaCode ?? null, departmentDuty: proposal.departmentDuty, ...presentRoutingProposal(proposal.proposal, proposal.names) } : null,
    duplicates,
    callerHistory: history ? {
      phone: maskPhone(normalizePhone(input.phone!)), total: history.items.length, more: history.nextCursor !== null,
      items: history.items.slice(0, CALLER_HISTORY_SHOWN).map((a) => ({ id: a.id, number: a.number, status: a.status, statusLabel: a.statusLabel, title: a.title, categoryId: a.categoryId, createdAt: a.createdAt })),
    } : null,
    timings: { classifyMs: Math.round(classifyMs * 100) / 100 },
  };
}
