import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { TERMINAL_STATUSES } from '@minsheng/contracts';
import type { Executor } from '../connection';
import { appealClocks, appeals, categories, categoryAttributes, open311ApiKeys, open311Requests, units } from '../schema';

export type Open311KeyRow = typeof open311ApiKeys.$inferSelect;
export type CategoryAttributeRow = typeof categoryAttributes.$inferSelect;
export type Open311RequestRow = typeof open311Requests.$inferSelect;

// ── API keys ────────────────────────────────────────────────────────────────────────────────────────────────────

export async function insertOpen311Key(db: Executor, row: typeof open311ApiKeys.$inferInsert): Promise<Open311KeyRow> {
  const rows = await db.insert(open311ApiKeys).values(row).returning();
  return rows[0]!;
}

export async function listOpen311Keys(db: Executor, jurisdictionId: string): Promise<Open311KeyRow[]> {
  return db.select().from(open311ApiKeys).where(eq(open311ApiKeys.jurisdictionId, jurisdictionId)).orderBy(asc(open311ApiKeys.createdAt), asc(open311ApiKeys.id));
}

/** Deactivate a key: it is refused from now on. Null when there is no such key. */
export async function deactivateOpen311Key(db: Executor, jurisdictionId: string, id: string): Promise<Open311KeyRow | null> {
  const rows = await db.update(open311ApiKeys).set({ active: false })
    .where(and(eq(open311ApiKeys.jurisdictionId, jurisdictionId), eq(open311ApiKeys.id, id))).returning();
  return rows[0] ?? null;
}

/** The active key with this hash in the jurisdiction, or null. */
export async function findActiveOpen311Key(db: Executor, jurisdictionId: string, keyHash: string): Promise<Open311KeyRow | null> {
  const rows = await db.select().from(open311ApiKeys)
    .where(and(eq(open311ApiKeys.jurisdictionId, jurisdictionId), eq(open311ApiKeys.keyHash, keyHash), eq(open311ApiKeys.active, true))).limit(1);
  return rows[0] ?? null;
}

/** Remember when a key was last used, so administrators can tell dead keys from live ones. */
export async function touchOpen311Key(db: Executor, jurisdictionId: string, id: string, at: Date): Promise<void> {
  await db.update(open311ApiKeys).set({ lastUsedAt: at }).where(and(eq(open311ApiKeys.jurisdictionId, jurisdictionId), eq(open311ApiKeys.id, id)));
}

// ── services (categories with an Open311 code) and their attributes ──────────────────────────────────────────────

export interface Open311ServiceRow {
  categoryId: string; code: string; name: string; keywords: string[]; groupName: string | null; hasAttributes: boolean;
}

const parentCategory = sql`(SELECT p.name FROM categories p WHERE p.jurisdiction_id = ${categories.jurisdictionId} AND p.id = ${categories.parentId})`;
const hasActiveAttributes = sql<boolean>`EXISTS (SELECT 1 FROM category_attributes ca WHERE ca.jurisdiction_id = ${categories.jurisdictionId} AND ca.category_id = ${categories.id} AND ca.active)`;

function serviceSelect(db: Executor) {
  return db.select({
    categoryId: categories.id, code: sql<string>`${categories.open311Code}`, name: categories.name, keywords: categories.keywords,
    groupName: sql<string | null>`${parentCategory}`, hasAttributes: hasActiveAttributes,
  }).from(categories);
}

/** Active categories that carry an Open311 service code, in code order. */
export async function listOpen311Services(db: Executor, jurisdictionId: string): Promise<Open311ServiceRow[]> {
  return serviceSelect(db).where(and(eq(categories.jurisdictionId, jurisdictionId), eq(categories.active, true), isNotNull(categories.open311Code)))
    .orderBy(asc(categories.open311Code));
}

export async function findOpen311Service(db: Executor, jurisdictionId: string, code: string): Promise<Open311ServiceRow | null> {
  const rows = await serviceSelect(db).where(and(eq(categories.jurisdictionId, jurisdictionId), eq(categories.active, true), eq(categories.open311Code, code))).limit(1);
  return rows[0] ?? null;
}

/** A category's attributes in display order; inactive ones only when asked (the admin screen keeps them). */
export async function listCategoryAttributes(db: Executor, jurisdictionId: string, categoryId: string, includeInactive = false): Promise<CategoryAttributeRow[]> {
  return db.select().from(categoryAttributes)
    .where(and(eq(categoryAttributes.jurisdictionId, jurisdictionId), eq(categoryAttributes.categoryId, categoryId), includeInactive ? undefined : eq(categoryAttributes.active, true)))
    .orderBy(asc(categoryAttributes.sortOrder), asc(categoryAttributes.code));
}

/** Replace a category's whole attribute list (the admin edits it as one list). Run inside a transaction. */
export async function replaceCategoryAttributes(db: Executor, jurisdictionId: string, categoryId: string, rows: readonly Omit<typeof categoryAttributes.$inferInsert, 'jurisdictionId' | 'categoryId'>[]): Promise<void> {
  await db.delete(categoryAttributes).where(and(eq(categoryAttributes.jurisdictionId, jurisdictionId), eq(categoryAttributes.categoryId, categoryId)));
  if (rows.length) await db.insert(categoryAttributes).values(rows.map((r) => ({ ...r, jurisdictionId, categoryId })));
}

/** Demo attributes keyed by category key (packages/db/src/demo/open311.ts). */
export interface CategoryAttributeSeed {
  categoryKey: string; code: string; datatype: string; required: boolean; variable?: boolean; description: string;
  datatypeDescription?: string; values?: { key: string; name: string }[];
}

export async function seedCategoryAttributes(db: Executor, jurisdictionId: string, seed: readonly CategoryAttributeSeed[], categoryIdByKey: ReadonlyMap<string, string>): Promise<void> {
  const order = new Map<string, number>();
  const rows = seed.map((a) => {
    const categoryId = categoryIdByKey.get(a.categoryKey);
    if (!categoryId) throw new Error(`demo attribute ${a.code}: no category ${a.categoryKey}`);
    const sortOrder = (order.get(categoryId) ?? 0) + 1;
    order.set(categoryId, sortOrder);
    return {
      jurisdictionId, categoryId, code: a.code, sortOrder, datatype: a.datatype, required: a.required, variable: a.variable ?? true,
      description: a.description, datatypeDescription: a.datatypeDescription ?? '', values: a.values ?? [],
    };
  });
  if (rows.length) await db.insert(categoryAttributes).values(rows);
}

// ── service requests ────────────────────────────────────────────────────────────────────────────────────────────

export async function insertOpen311Request(db: Executor, row: typeof open311Requests.$inferInsert): Promise<Open311RequestRow> {
  const rows = await db.insert(open311Requests).values(row).returning();
  return rows[0]!;
}

/** The token's request with its appeal number (the service_request_id). */
export async function findOpen311Token(db: Executor, jurisdictionId: string, token: string): Promise<{ token: string; number: string } | null> {
  const rows = await db.select({ token: open311Requests.token, number: appeals.number }).from(open311Requests)
    .innerJoin(appeals, and(eq(appeals.jurisdictionId, open311Requests.jurisdictionId), eq(appeals.id, open311Requests.appealId)))
    .where(and(eq(open311Requests.jurisdictionId, jurisdictionId), eq(open311Requests.token, token))).limit(1);
  return rows[0] ?? null;
}

export interface Open311RequestFilter {
  /** Appeal numbers; when given, every other filter but visibility is ignored (GeoReport v2 §6). */
  numbers?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** 'open' and/or 'closed'. */
  statuses?: ('open' | 'closed')[] | undefined;
  /** The API key asking: it also sees the restricted requests it created itself. */
  viewerKeyId?: string | null | undefined;
  limit: number;
}

/** One service request as the presenter needs it; no identity field is selected at all. */
export interface Open311RequestView {
  number: string; status: string; title: string; content: string; confidential: boolean; consentPublish: boolean; accusedUnitId: string | null;
  reply: unknown; createdAt: Date; updatedAt: Date; closedAt: Date | null; location: string | null;
  serviceCode: string; categoryCode: string | null; serviceName: string | null; agency: string | null; expectedAt: Date | null;
  apiKeyId: string; lat: number | null; long: number | null; addressId: string | null; mediaUrl: string | null; requestedAt: Date;
}

const terminal = [...TERMINAL_STATUSES];

/**
 * Service requests that came in through Open311 (other channels are never published here), newest first. Restricted
 * ones — confidential, or a report accusing a unit (举报) — only for the key that created them.
 */
export async function listOpen311Requests(db: Executor, jurisdictionId: string, f: Open311RequestFilter): Promise<Open311RequestView[]> {
  const conditions: (SQL | undefined)[] = [eq(open311Requests.jurisdictionId, jurisdictionId)];
  const open = and(eq(appeals.confidential, false), isNull(appeals.accusedUnitId));
  conditions.push(f.viewerKeyId ? or(open, eq(open311Requests.apiKeyId, f.viewerKeyId)) : open);
  if (f.numbers) {
    conditions.push(inArray(appeals.number, f.numbers));
  } else {
    if (f.serviceCodes?.length) conditions.push(or(inArray(open311Requests.serviceCode, f.serviceCodes), inArray(categories.open311Code, f.serviceCodes)));
    if (f.from) conditions.push(gte(open311Requests.requestedAt, f.from));
    if (f.to) conditions.push(lte(open311Requests.requestedAt, f.to));
    const st = f.statuses ?? [];
    if (st.includes('open') && !st.includes('closed')) conditions.push(notInArray(appeals.status, terminal));
    if (st.includes('closed') && !st.includes('open')) conditions.push(inArray(appeals.status, terminal));
  }
  return db.select({
    number: appeals.number, status: appeals.status, title: appeals.title, content: appeals.content, confidential: appeals.confidential,
    consentPublish: appeals.consentPublish, accusedUnitId: appeals.accusedUnitId, reply: appeals.reply, createdAt: appeals.createdAt,
    updatedAt: appeals.updatedAt, closedAt: appeals.closedAt, location: appeals.location,
    serviceCode: open311Requests.serviceCode, categoryCode: categories.open311Code, serviceName: categories.name, agency: units.name,
    expectedAt: appealClocks.dueAt, apiKeyId: open311Requests.apiKeyId, lat: open311Requests.lat, long: open311Requests.long,
    addressId: open311Requests.addressId, mediaUrl: open311Requests.mediaUrl, requestedAt: open311Requests.requestedAt,
  }).from(open311Requests)
    .innerJoin(appeals, and(eq(appeals.jurisdictionId, open311Requests.jurisdictionId), eq(appeals.id, open311Requests.appealId)))
    .leftJoin(categories, and(eq(categories.jurisdictionId, appeals.jurisdictionId), eq(categories.id, appeals.categoryId)))
    .leftJoin(units, and(eq(units.jurisdictionId, appeals.jurisdictionId), eq(units.id, appeals.leadUnitId)))
    // The running handling clock (承办时限) is the expected fulfilment time; a paused or stopped clock promises nothing.
    .leftJoin(appealClocks, and(eq(appealClocks.jurisdictionId, appeals.jurisdictionId), eq(appealClocks.appealId, appeals.id),
      eq(appealClocks.clock, 'handling'), isNull(appealClocks.stoppedAt), isNull(appealClocks.pausedAt)))
    .where(and(...conditions))
    .orderBy(desc(open311Requests.requestedAt), desc(appeals.id))
    .limit(f.limit);
}
