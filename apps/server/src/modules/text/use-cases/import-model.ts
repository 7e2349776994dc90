import { AppError } from '@minsheng/contracts';
import { listCategories, pruneTextModels, writeAudit } from '@minsheng/db';
import { loadClassifier } from '@minsheng/text';
import type { ClassifierModel } from '@minsheng/text';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireAdmin } from '../../admin/policy';
import { classifierCache, loadStoredModel } from '../classifier-cache';
import { presentModel } from '../presenter';
import { KEEP_MODELS, storeModel } from './retrain-classifier';

const figure = (x: unknown): number | null => (typeof x === 'number' && x >= 0 && x <= 1 ? x : null);

/**
 * 导入模型: a model trained elsewhere (`minsheng text train` on an export) becomes a stored version. Its labels may be
 * category ids, keys or names of this jurisdiction and are stored as ids; anything else is refused. The figures are
 * the trainer's own held-out ones. With `activate` (the default) suggestions use it at once.
 */
export async function importModel(deps: Deps, user: SessionUser, body: unknown, activate: boolean) {
  requireAdmin(user);
  try {
    loadClassifier(body as ClassifierModel);
  } catch (err) {
    // Whatever the loader trips over in a document that is not a model is the sender's mistake, not ours.
    throw new AppError('VALIDATION_FAILED', `not a usable classifier model: ${err instanceof Error ? err.message : String(err)}`, { field: 'model' });
  }
  const model = body as ClassifierModel;
  const categories = await listCategories(deps.database.db, user.jurisdictionId);
  const lookup = new Map<string, string | null>();
  for (const c of categories) {
    for (const k of [c.id, c.key, c.name]) lookup.set(k, lookup.has(k) && lookup.get(k) !== c.id ? null : c.id); // a shared name is ambiguous
  }
  const ids = model.labels.map((l) => lookup.get(l) ?? null);
  const unknown = model.labels.filter((_, k) => ids[k] === null);
  if (unknown.length) throw new AppError('UNKNOWN_CATEGORY', 'model labels must be category ids, keys or unambiguous names', { field: 'labels', labels: unknown.slice(0, 20) });
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', 'two model labels name the same category', { field: 'labels' });
  const idOf = new Map(model.labels.map((l, k) => [l, ids[k]!]));
  const mapped: ClassifierModel = {
    ...model,
    labels: ids as string[],
    evaluation: model.evaluation && Array.isArray(model.evaluation.perClass) ? { ...model.evaluation, perClass: model.evaluation.perClass.map((c) => ({ ...c, label: idOf.get(c.label) ?? c.label })) } : null,
    training: { ...model.training, labelCounts: Object.fromEntries(Object.entries(typeof model.training?.labelCounts === 'object' && model.training.labelCounts ? model.training.labelCounts : {}).map(([l, n]) => [idOf.get(l) ?? l, n])) },
  };
  const json = JSON.stringify(mapped);
  const e = mapped.evaluation;
  const saved = await storeModel(deps, {
    jurisdictionId: user.jurisdictionId, modelVersion: String(model.version ?? 'imported').slice(0, 200), algorithm: String(model.algorithm), source: 'import',
    trainedOn: Number.isInteger(model.training?.rows) && model.training.rows >= 0 ? model.training.rows : 0,
    labels: mapped.labels, accuracy: figure(e?.accuracy), macroF1: figure(e?.macroF1), top3Accuracy: null,
    evaluation: {
      heldOutRows: e?.rows ?? 0, labelCounts: mapped.training.labelCounts,
      perClass: (e?.perClass ?? []).map((c) => ({ categoryId: c.label, support: c.support, precision: c.precision, recall: c.recall, f1: c.f1 })),
    },
    model: json, jobId: null, createdBy: user.userId, createdAt: deps.now(),
  }, activate);
  await pruneTextModels(deps.database.db, user.jurisdictionId, KEEP_MODELS);
  await writeAudit(deps.database.db, { jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'import_text_model', targetType: 'text_model', targetId: saved.id, detail: { version: saved.version, activate } });
  const cache = classifierCache(deps.database);
  if (activate) cache.put(user.jurisdictionId, loadStoredModel({ ...saved, model: json }));
  const { categories: names } = await cache.get(user.jurisdictionId);
  return presentModel(saved, names);
}
