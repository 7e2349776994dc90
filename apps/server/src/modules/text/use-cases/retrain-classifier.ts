import { isUniqueViolation, insertTextModel, listCategories, pruneTextModels, trainingAppeals } from '@minsheng/db';
import type { TextModelSummary } from '@minsheng/db';
import type { ClassMetrics, ClassifierModel } from '@minsheng/text';
import type { Deps } from '../../../deps';
import { classifierCache, loadStoredModel } from '../classifier-cache';
import { loadTextSettings } from '../settings';
import { runOnceInThread } from '../thread/run-in-thread';
import { planTraining } from '../training/plan-training';
import type { ClassCount } from '../training/plan-training';
import type { HeldOutEvaluation } from '../training/train-and-evaluate';

/** Stored models per jurisdiction (each a few MB); older inactive ones are deleted. */
export const KEEP_MODELS = 10;
/** A training run that overruns is killed; it must end well before the job table calls a running job stale (10 min). */
export const TRAIN_TIMEOUT_MS = 8 * 60_000;

/** What a retrain did, recorded on its job: the new model and its figures, or why nothing was trained. */
export interface RetrainOutcome {
  trained: boolean;
  reason: string | null;
  modelId: string | null;
  version: number | null;
  appeals: number;
  distinctAppeals: number;
  classes: ClassCount[];
  skipped: ClassCount[];
  accuracy: number | null;
  macroF1: number | null;
  seconds: number | null;
}

/** The figures kept with a model row (evaluation jsonb): per class by category id, and how the data was prepared. */
export function modelEvaluationDetail(evaluation: HeldOutEvaluation | null, model: ClassifierModel, extra: Record<string, unknown>) {
  return {
    heldOutRows: evaluation?.rows ?? 0,
    perClass: (evaluation?.perClass ?? []).map((c: ClassMetrics) => ({ categoryId: c.label, support: c.support, precision: c.precision, recall: c.recall, f1: c.f1 })),
    labelCounts: model.training.labelCounts,
    ...extra,
  };
}

/** Inserts a model as the next version (retrying once when another process took the same version number). */
export async function storeModel(deps: Deps, row: Parameters<typeof insertTextModel>[1], activate: boolean): Promise<TextModelSummary> {
  const insert = () => deps.database.db.transaction((tx) => insertTextModel(tx, row, activate));
  try {
    return await insert();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return insert();
  }
}

/**
 * 训练分类模型 from the jurisdiction's own categorised appeals (see planTraining for which categories become classes),
 * in a worker thread so the event loop keeps serving. The new model becomes the active one at once, in this process's
 * cache too; other processes pick it up within seconds. Too little data is an outcome with a reason, not an error.
 */
export async function retrainClassifier(deps: Deps, jurisdictionId: string, options: { jobId?: string | null; requestedBy?: string | null } = {}): Promise<RetrainOutcome> {
  const db = deps.database.db;
  const settings = await loadTextSettings(db, jurisdictionId);
  const [appeals, categories] = await Promise.all([trainingAppeals(db, jurisdictionId, settings.maxTrainingRows), listCategories(db, jurisdictionId)]);
  const plan = planTraining(
    categories.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, keywords: c.keywords, active: c.active })),
    appeals.map((a) => ({ title: a.title, content: a.content, categoryId: a.category_id })),
    settings.minExamplesPerClass,
  );
  const base = { appeals: appeals.length, distinctAppeals: plan.rows.length + plan.skipped.reduce((n, s) => n + s.examples, 0), classes: plan.classes, skipped: plan.skipped };
  if (plan.classes.length < 2) {
    const reason = `需要至少 2 个分类各有不少于 ${settings.minExamplesPerClass} 条不重复的已分类诉求，目前 ${plan.classes.length} 个分类达到（已分类诉求 ${appeals.length} 条）`;
    return { trained: false, reason, modelId: null, version: null, ...base, accuracy: null, macroF1: null, seconds: null };
  }
  const out = await runOnceInThread('train', { rows: plan.rows, catalogue: plan.catalogue, seed: 1, now: deps.now() }, TRAIN_TIMEOUT_MS);
  const model = JSON.stringify(out.model);
  const saved = await storeModel(deps, {
    jurisdictionId, modelVersion: out.model.version, algorithm: out.model.algorithm, source: 'retrain', trainedOn: plan.rows.length,
    labels: out.model.labels, accuracy: out.evaluation?.accuracy ?? null, macroF1: out.evaluation?.macroF1 ?? null, top3Accuracy: out.evaluation?.top3Accuracy ?? null,
    evaluation: modelEvaluationDetail(out.evaluation, out.model, {
      skipped: plan.skipped, duplicatesRemoved: plan.duplicatesRemoved, unknownCategory: plan.unknownCategory, catalogueRows: plan.catalogue.length,
      minExamplesPerClass: settings.minExamplesPerClass, seconds: out.seconds,
    }),
    model, jobId: options.jobId ?? null, createdBy: options.requestedBy ?? null, createdAt: deps.now(),
  }, true);
  await pruneTextModels(db, jurisdictionId, KEEP_MODELS);
  classifierCache(deps.database).put(jurisdictionId, loadStoredModel({ ...saved, model }));
  return {
    trained: true, reason: null, modelId: saved.id, version: saved.version, ...base,
    accuracy: saved.accuracy, macroF1: saved.macroF1, seconds: out.seconds,
  };
}
