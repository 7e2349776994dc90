import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { REPLY_RESULTS } from '@minsheng/contracts';
import { categories } from './organisation';
import { jurisdictions, ts } from './tenancy';

const replyResultList = sql.raw(REPLY_RESULTS.map((r) => `'${r}'`).join(', '));

/**
 * 知识库: answers staff give on the spot (intake) and, when `public`, what the citizen portal may show. Rows are
 * never deleted: deactivation keeps them, and the audit log holds each change. `version` guards concurrent edits.
 */
export const knowledgeArticles = pgTable('knowledge_articles', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** null = not tied to a category. */
  categoryId: text('category_id'),
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  /** May the public portal show it (公开)? Staff see every active article either way. */
  public: boolean('public').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdBy: text('created_by'),
  updatedBy: text('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  foreignKey({ name: 'knowledge_articles_category_fk', columns: [t.jurisdictionId, t.categoryId], foreignColumns: [categories.jurisdictionId, categories.id] }),
  index('knowledge_articles_recent_idx').on(t.jurisdictionId, t.active, t.updatedAt),
  index('knowledge_articles_category_idx').on(t.jurisdictionId, t.categoryId),
  check('knowledge_articles_text_check', sql`length(btrim(${t.title})) > 0 AND length(${t.title}) <= 200 AND length(btrim(${t.body})) > 0 AND length(${t.body}) <= 20000`),
  check('knowledge_articles_version_check', sql`${t.version} >= 1 AND cardinality(${t.keywords}) <= 30`),
]);

/**
 * 答复模板: reply wording a handler starts from. `category_id` null fits every category, `result` null every reply
 * result; the reply form lists category-specific templates first, then the generic ones, by `sort_order`.
 */
export const replyTemplates = pgTable('reply_templates', {
  jurisdictionId: text('jurisdiction_id').notNull().references(() => jurisdictions.id),
  id: text('id').notNull(),
  name: text('name').notNull(),
  text: text('text').notNull(),
  categoryId: text('category_id'),
  /** One of REPLY_RESULTS (已解决, 已解释说明, 支持, A类…), or null for any result. */
  result: text('result'),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdBy: text('created_by'),
  updatedBy: text('updated_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [
  primaryKey({ columns: [t.jurisdictionId, t.id] }),
  foreignKey({ name: 'reply_templates_category_fk', columns: [t.jurisdictionId, t.categoryId], foreignColumns: [categories.jurisdictionId, categories.id] }),
  index('reply_templates_category_idx').on(t.jurisdictionId, t.categoryId, t.sortOrder),
  check('reply_templates_text_check', sql`length(btrim(${t.name})) > 0 AND length(${t.name}) <= 100 AND length(btrim(${t.text})) > 0 AND length(${t.text}) <= 10000`),
  check('reply_templates_result_check', sql`${t.result} IS NULL OR ${t.result} IN (${replyResultList})`),
  check('reply_templates_version_check', sql`${t.version} >= 1`),
]);
