import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, ts } from './tenancy';

/**
 * 派单目录: category × area → lead unit and co-units. Rows are never edited in place: a change retires the row
 * (`retired_at`, `replaced_by`) and inserts the next version of the same `lineage_id`, so history is kept. The
 * counters belong to the version that routed, so an admin sees which rule (as it was) routed wrongly.
 */
export const routingRules = pgTable('routing_rules', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  /** The id of the first version; every version of one rule shares it. */
  lineageId: text('lineage_id').notNull(),
  version: integer('version').notNull().default(1),
  categoryId: text('category_id'),
  areaCode: text('area_code'),
  leadUnitId: text('lead_unit_id').notNull(),
  coUnitIds: text('co_unit_ids').array().notNull().default(sql`'{}'::text[]`),
  departmentDuty: boolean('department_duty').notNull().default(false),
  note: text('note').notNull().default(''),
  active: boolean('active').notNull().default(true),
  /** Appeals dispatched as this version proposed. */
  dispatches: integer('dispatches').notNull().default(0),
  /** Returns (退单) approved for appeals this version routed. */
  returnsApproved: integer('returns_approved').notNull().default(0),
  /** Dispatch objections (派单异议) raised by handling units against this version. */
  objections: integer('objections').notNull().default(0),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  retiredBy: text('retired_by'),
  retiredAt: ts('retired_at'),
  replacedBy: text('replaced_by'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  // One active rule per cell of the catalogue; a second one is a duplicate, an edit replaces.
  uniqueIndex('routing_rules_cell_idx').on(t.jurisdictionId, sql`coalesce(${t.categoryId}, '')`, sql`coalesce(${t.areaCode}, '')`).where(sql`active`),
  index('routing_rules_lineage_idx').on(t.jurisdictionId, t.lineageId, t.version),
  check('routing_rules_retired_check', sql`${t.active} = (${t.retiredAt} IS NULL)`),
  check('routing_rules_lead_check', sql`NOT (${t.leadUnitId} = ANY(${t.coUnitIds}))`),
  check('routing_rules_counts_check', sql`${t.version} >= 1 AND ${t.dispatches} >= 0 AND ${t.returnsApproved} >= 0 AND ${t.objections} >= 0`),
]);
