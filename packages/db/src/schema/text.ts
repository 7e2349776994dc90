import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/**
 * 分类模型: the jurisdiction's trained category classifiers (@minsheng/text JSON), newest version first. At most one
 * is active; suggestions use it. The figures are measured on appeals held out of training, so an admin can compare
 * versions; `model` is the serialized classifier (several MB), read only when a process loads it.
 */
export const textModels = pgTable('text_models', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  /** 1, 2, 3… per jurisdiction. */
  version: integer('version').notNull(),
  /** The version string written into the model by the trainer (or by `minsheng text train` for an import). */
  modelVersion: text('model_version').notNull(),
  algorithm: text('algorithm').notNull(),
  source: text('source').notNull(),
  /** Distinct appeals trained on (catalogue keyword rows not counted). */
  trainedOn: integer('trained_on').notNull(),
  /** Category ids, in the model's label order. */
  labels: text('labels').array().notNull(),
  accuracy: doublePrecision('accuracy'),
  macroF1: doublePrecision('macro_f1'),
  /** Share of held-out appeals whose category was among the top 3 suggestions. */
  top3Accuracy: doublePrecision('top3_accuracy'),
  /** Held-out rows, per-class precision/recall/F1, label counts, skipped categories, training seconds. */
  evaluation: jsonb('evaluation').notNull().default(sql`'{}'::jsonb`),
  model: text('model').notNull(),
  active: boolean('active').notNull().default(false),
  jobId: text('job_id'),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('text_models_version_idx').on(t.jurisdictionId, t.version),
  // One active model per jurisdiction.
  uniqueIndex('text_models_active_idx').on(t.jurisdictionId, t.active).where(sql`active`),
  check('text_models_source_check', sql`${t.source} IN ('retrain', 'import')`),
  check('text_models_counts_check', sql`${t.version} >= 1 AND ${t.trainedOn} >= 0 AND cardinality(${t.labels}) >= 2`),
  check('text_models_figures_check', sql`(${t.accuracy} IS NULL OR ${t.accuracy} BETWEEN 0 AND 1) AND (${t.macroF1} IS NULL OR ${t.macroF1} BETWEEN 0 AND 1)
    AND (${t.top3Accuracy} IS NULL OR ${t.top3Accuracy} BETWEEN 0 AND 1)`),
]);

/**
 * 预警: a spike of one category in one area on one day (异常激增), or appeals of one day that mention a risk keyword
 * (风险词). `dedupe_key` (kind, day, category/area or keyword) makes the daily computation idempotent: a re-run
 * refreshes the figures of the same row and never touches its status.
 */
export const textWarnings = pgTable('text_warnings', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  kind: text('kind').notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  /** The local calendar day judged. */
  day: date('day', { mode: 'string' }).notNull(),
  categoryId: text('category_id'),
  areaCode: text('area_code'),
  /** Risk warnings: the keyword, its level (high|medium) and kind of risk (群体性, 人身安全…). */
  term: text('term'),
  level: text('level').notNull(),
  /** −log10 of the p-value for spikes; for risk warnings 3 (high) or 2 (medium) plus the appeal count's log. */
  score: doublePrecision('score').notNull(),
  pValue: doublePrecision('p_value'),
  count: integer('count').notNull(),
  expected: doublePrecision('expected'),
  appealIds: text('appeal_ids').array().notNull(),
  /** Spike model, ratio; redacted snippets of risk warnings. Never personal data. */
  detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
  status: text('status').notNull().default('open'),
  acknowledgedBy: text('acknowledged_by'),
  acknowledgedAt: ts('acknowledged_at'),
  note: text('note'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  uniqueIndex('text_warnings_dedupe_idx').on(t.jurisdictionId, t.dedupeKey),
  index('text_warnings_day_idx').on(t.jurisdictionId, t.status, t.day),
  check('text_warnings_kind_check', sql`${t.kind} IN ('spike', 'risk')`),
  check('text_warnings_status_check', sql`${t.status} IN ('open', 'acknowledged')`),
  check('text_warnings_ack_check', sql`(${t.status} = 'acknowledged') = (${t.acknowledgedAt} IS NOT NULL)`),
  check('text_warnings_level_check', sql`${t.level} IN ('high', 'medium')`),
  check('text_warnings_shape_check', sql`${t.count} >= 0 AND (${t.kind} <> 'risk' OR ${t.term} IS NOT NULL)`),
]);
