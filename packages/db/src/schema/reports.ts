import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/**
 * A generated report (周报, 月报, 信访分析报告) frozen as the JSON document it was when generated: figures, lists and
 * rankings are copied in, never recomputed, so a published report never changes. Generating again makes a new row.
 * `generated_by` is null for the scheduled run, which exists at most once per kind and period (partial unique index).
 */
export const generatedReports = pgTable('generated_reports', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  kind: text('kind').notNull(),
  /** The period key: YYYY-MM-DD of the Monday (weekly), YYYY-MM (monthly, petition) or YYYY-Qn (petition). */
  period: text('period').notNull(),
  periodFrom: ts('period_from').notNull(),
  periodTo: ts('period_to').notNull(),
  title: text('title').notNull(),
  generatedAt: ts('generated_at').notNull(),
  generatedBy: text('generated_by'),
  body: jsonb('body').notNull(),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  index('generated_reports_list_idx').on(t.jurisdictionId, t.generatedAt),
  uniqueIndex('generated_reports_scheduled_uq').on(t.jurisdictionId, t.kind, t.period).where(sql`generated_by IS NULL`),
  check('generated_reports_kind_check', sql`${t.kind} IN ('weekly', 'monthly', 'petition')`),
  check('generated_reports_period_check', sql`${t.periodFrom} < ${t.periodTo}`),
]);
