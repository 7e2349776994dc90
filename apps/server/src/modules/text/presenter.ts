import type { JobRow, TextModelSummary, TextWarningRow } from '@minsheng/db';
import type { CategoryInfo } from './classifier-cache';

type Names = Map<string, CategoryInfo>;
const categoryName = (names: Names, id: string | null) => (id ? names.get(id)?.path.join(' / ') ?? null : null);

/** A stored classifier on the wire: version, what it knows and how well it did on held-out appeals. Never the model. */
export function presentModel(m: TextModelSummary, names: Names) {
  const e = (m.evaluation ?? {}) as { heldOutRows?: number; perClass?: { categoryId: string; support: number; precision: number; recall: number; f1: number }[]; labelCounts?: Record<string, number>; skipped?: { categoryId: string; examples: number }[]; seconds?: number };
  return {
    id: m.id, version: m.version, modelVersion: m.modelVersion, algorithm: m.algorithm, source: m.source, active: m.active,
    trainedOn: m.trainedOn, createdAt: m.createdAt.toISOString(), createdBy: m.createdBy, jobId: m.jobId,
    labels: m.labels.map((id) => ({ categoryId: id, name: categoryName(names, id), examples: e.labelCounts?.[id] ?? null })),
    evaluation: {
      heldOutRows: e.heldOutRows ?? 0, accuracy: m.accuracy, macroF1: m.macroF1, top3Accuracy: m.top3Accuracy,
      perClass: (e.perClass ?? []).map((c) => ({ ...c, name: categoryName(names, c.categoryId) })),
    },
    skipped: (e.skipped ?? []).map((s) => ({ ...s, name: categoryName(names, s.categoryId) })),
    trainingSeconds: e.seconds ?? null,
  };
}

/** A text job (retrain, early warning) and what it did. */
export function presentJob(j: JobRow) {
  const payload = (j.payload ?? {}) as { outcome?: unknown };
  return {
    id: j.id, kind: j.kind, status: j.status, attempts: j.attempts, error: j.lastError ?? null, outcome: payload.outcome ?? null,
    runAt: j.runAt?.toISOString() ?? null, createdAt: j.createdAt?.toISOString() ?? null, finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export interface AppealHead { id: string; number: string; title: string; status: string }

/** A warning with the appeals of it the reader may open (others are counted, not listed). */
export function presentWarning(w: TextWarningRow, visible: AppealHead[], names: Names, areaNames: Map<string, string>) {
  return {
    id: w.id, kind: w.kind, day: w.day, level: w.level, status: w.status,
    categoryId: w.categoryId, categoryName: categoryName(names, w.categoryId), areaCode: w.areaCode, areaName: w.areaCode ? areaNames.get(w.areaCode) ?? null : null,
    term: w.term, score: w.score, pValue: w.pValue, count: w.count, expected: w.expected, detail: w.detail,
    appeals: visible, hiddenAppeals: w.appealIds.length - visible.length,
    acknowledgedBy: w.acknowledgedBy, acknowledgedAt: w.acknowledgedAt?.toISOString() ?? null, note: w.note,
    createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(),
  };
}
