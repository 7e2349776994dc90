import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The tenant. Its id is the GB/T 2260 code of the government that runs the instance (e.g. '370812'),
 * short enough to prefix session tokens and readable in every row that carries it.
 */
export const jurisdictions = pgTable('jurisdictions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  numberPrefix: text('number_prefix').notNull(),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 行政区划: the jurisdiction's own copy of its area subtree (and ancestors), keyed by GB/T 2260 / statistical code. */
export const areas = pgTable('areas', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code'),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.code] }),
  index('areas_parent_idx').on(t.jurisdictionId, t.parentCode),
]);

/** Working-day calendar overrides an admin adds on top of the official holiday calendar. */
export const calendarOverrides = pgTable('calendar_overrides', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  date: date('date', { mode: 'string' }).notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull().default(''),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.date] })]);

/** Deadline policy rows: (track, kind, urgency, category) → clocks. The most specific matching row wins. */
export const deadlinePolicies = pgTable('deadline_policies', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  name: text('name').notNull(),
  track: text('track').notNull(),
  kind: text('kind'),
  urgency: text('urgency'),
  categoryId: text('category_id'),
  clocks: jsonb('clocks').notNull(),
  active: boolean('active').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.id] })]);

/** Per-day counter behind human-readable appeal numbers (YZ20261121000123). */
export const appealCounters = pgTable('appeal_counters', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  day: text('day').notNull(),
  value: integer('value').notNull(),
}, (t) => [primaryKey({ columns: [t.jurisdictionId, t.day] })]);

export { ts };
