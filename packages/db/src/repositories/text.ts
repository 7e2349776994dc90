import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { newId } from '../ids';
import { queryRows } from '../raw';
import { jobs, jurisdictions, textModels, textWarnings } from '../schema';
import { appealScopeCondition } from './appeal-reads';
import type { AppealScope } from './appeal-reads';

export type TextModelRow = typeof textModels.$inferSelect;
/** A model row without its serialized classifier (lists never read the megabytes). */
export type TextModelSummary = Omit<TextModelRow, 'model'>;
export type TextWarningRow = typeof textWarnings.$inferSelect;

const textArray = (ids: readonly string[]) => (ids.length ? sql`ARRAY[${sql.join(ids.map((i) => sql`${i}`), sql`, `)}]::text[]` : sql`'{}'::text[]`);


// ── models ──────────────────────────────────────────────────────────────────────────────────────────────────────

const { model: _model, ...summaryColumns } = getTableColumns(textModels);

/**
 * Stores a model as the jurisdiction's next version; with `activate` it replaces the active one. Run it in a
 * transaction: two concurrent inserts collide on the version index and the caller retries.
 */
export async function insertTextModel(db: Executor, row: Omit<typeof textModels.$inferInsert, 'id' | 'version' | 'active'>, activate: boolean): Promise<TextModelSummary> {
  if (activate) await db.update(textModels).set({ active: false }).where(and(eq(textModels.jurisdictionId, row.jurisdictionId), eq(textModels.active, true)));
  const [inserted] = await db.insert(textModels).values({
    ...row, id: newId(), active: activate,
    version: sql`(SELECT coalesce(max(version), 0) + 1 FROM text_models WHERE jurisdiction_id = ${row.jurisdictionId})`,
  }).returning(summaryColumns);
  return inserted!;
}

/** The newest models first, without the serialized classifier. */
export async function listTextModels(db: Executor, jurisdictionId: string, limit = 20): Promise<TextModelSummary[]> {
  return db.select(summaryColumns).from(textModels).where(eq(textModels.jurisdictionId, jurisdictionId)).orderBy(desc(textModels.version)).limit(limit);
}

/** Id and version of the active model; what a process compares against its cached copy. */
export async function activeTextModelHead(db: Executor, jurisdictionId: string): Promise<{ id: string; version: number } | null> {
  const [row] = await db.select({ id: textModels.id, version: textModels.version }).from(textModels)
    .where(and(eq(textModels.jurisdictionId, jurisdictionId), eq(textModels.active, true))).limit(1);
  return row ?? null;
}

export async function findTextModelSummary(db: Executor, jurisdictionId: string, id: string): Promise<TextModelSummary | null> {
  const [row] = await db.select(summaryColumns).from(textModels).where(and(eq(textModels.jurisdictionId, jurisdictionId), eq(textModels.id, id))).limit(1);
  return row ?? null;
}

/** A whole model row, serialized classifier included. */
export async function findTextModel(db: Executor, jurisdictionId: string, id: string): Promise<TextModelRow | null> {
  const [row] = await db.select().from(textModels).where(and(eq(textModels.jurisdictionId, jurisdictionId), eq(textModels.id, id))).limit(1);
  return row ?? null;
}

/** Makes one stored model the active one (roll back or forward); false for an unknown id. Run it in a transaction. */
export async function activateTextModel(db: Executor, jurisdictionId: string, id: string): Promise<boolean> {
  const [exists] = await db.select({ id: textModels.id }).from(textModels).where(and(eq(textModels.jurisdictionId, jurisdictionId), eq(textModels.id, id))).limit(1);
  if (!exists) return false;
  await db.update(textModels).set({ active: false }).where(and(eq(textModels.jurisdictionId, jurisdictionId), eq(textModels.active, true)));
  await db.update(textModels).set({ active: true }).where(and(eq(textModels.jurisdictionId, jurisdictionId), eq(textModels.id, id)));
  return true;
}

/** Deletes inactive models beyond the newest `keep` versions (each one is megabytes). */
export async function pruneTextModels(db: Executor, jurisdictionId: string, keep: number): Promise<number> {
  const rows = await queryRows<{ id: string }>(db, sql`
    DELETE FROM text_models WHERE jurisdiction_id = ${jurisdictionId} AND NOT active AND version <= (
      SELECT coalesce(max(version), 0) - ${keep} FROM text_models WHERE jurisdiction_id = ${jurisdictionId})
    RETURNING id`);
  return rows.length;
}

/** Categorised appeals to learn from, newest first; merged appeals repeat their master and are left out. */
export async function trainingAppeals(db: Executor, jurisdictionId: string, limit: number) {
  return queryRows<{ title: string; content: string; category_id: string }>(db, sql`
    SELECT title, content, category_id FROM appeals
    WHERE jurisdiction_id = ${jurisdictionId} AND category_id IS NOT NULL AND status <> 'merged'
    ORDER BY created_at DESC, id DESC LIMIT ${limit}`);
}

// ── jobs (the shared jobs table; text jobs carry their outcome in the payload) ───────────────────────────────────

/** Queues a job and returns its id; with a dedupe key already used, the existing job's id (created false). */
export async function enqueueTextJob(db: Executor, job: { jurisdictionId: string; kind: string; payload?: unknown; runAt: Date; dedupeKey?: string; maxAttempts?: number }) {
  const rows = await db.insert(jobs).values({
    jurisdictionId: job.jurisdictionId, id: newId(), kind: job.kind, payload: job.payload ?? {}, runAt: job.runAt,
    dedupeKey: job.dedupeKey ?? null, maxAttempts: job.maxAttempts ?? 1,
  }).onConflictDoNothing().returning({ id: jobs.id });
  if (rows[0]) return { id: rows[0].id, created: true };
  const [existing] = await db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.jurisdictionId, job.jurisdictionId), eq(jobs.dedupeKey, job.dedupeKey ?? ''))).limit(1);
  return { id: existing?.id ?? null, created: false };
}

export async function findJobOfKind(db: Executor, jurisdictionId: string, id: string, kinds: readonly string[]) {
  const [row] = await db.select().from(jobs)
    .where(and(eq(jobs.jurisdictionId, jurisdictionId), eq(jobs.id, id), sql`${jobs.kind} = ANY(${textArray(kinds)})`)).limit(1);
  return row ?? null;
}

/** A queued or running job of the kind, if any (an on-demand request joins it instead of queueing another). */
export async function pendingJobOfKind(db: Executor, jurisdictionId: string, kind: string) {
  const [row] = await db.select({ id: jobs.id, status: jobs.status }).from(jobs)
    .where(and(eq(jobs.jurisdictionId, jurisdictionId), eq(jobs.kind, kind), sql`${jobs.status} IN ('queued', 'running')`)).limit(1);
  return row ?? null;
}

export async function recentJobsOfKind(db: Executor, jurisdictionId: string, kind: string, limit: number) {
  return db.select().from(jobs).where(and(eq(jobs.jurisdictionId, jurisdictionId), eq(jobs.kind, kind))).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(limit);
}

/** Records what a job did (trained or why not) in its payload, for whoever asks about the job later. */
export async function setJobOutcome(db: Executor, jurisdictionId: string, id: string, outcome: unknown): Promise<void> {
  await db.update(jobs).set({ payload: sql`${jobs.payload} || jsonb_build_object('outcome', ${JSON.stringify(outcome)}::jsonb)` })
    .where(and(eq(jobs.jurisdictionId, jurisdictionId), eq(jobs.id, id)));
}

// ── appeals as text (scoped like the appeal list) ───────────────────────────────────────────────────────────────

export interface AppealTextRow {
  id: string; number: string; title: string; content: string; status: string;
  category_id: string | null; area_code: string | null; lead_unit_id: string | null; owner_unit_id: string; created_at: Date;
}

const appealTextColumns = sql`a.id, a.number, a.title, a.content, a.status, a.category_id, a.area_code, a.lead_unit_id, a.owner_unit_id, a.created_at`;
const asDate = (rows: AppealTextRow[]) => rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));

export interface DuplicateCandidateQuery {
  areaPrefix: string | null;
  categoryId: string | null;
  /** Open appeals registered since; closed ones only since `recentSince`. */
  openSince: Date;
  recentSince: Date;
  until: Date;
  excludeIds: readonly string[];
}

/** An appeal of the duplicate pool without its text: the text's features are cached by the application. */
export interface DuplicatePoolRow {
  id: string; number: string; status: string; category_id: string | null; area_code: string | null; created_at: Date;
  /** Bytes of title and body: a cached copy of the text's features with another size is stale. */
  text_size: number;
}

/** Rows per part of the duplicate pool (newest overall, of the same street, of the same category): bounds the scoring work. */
const POOL_PART = 1000;
/**
 * Marks a text's version for the application's feature cache. Cheap: the sizes sit in the value headers, nothing is
 * decompressed. Texts are not edited today; a future correction that keeps the exact byte size would go unnoticed.
 */
const textSize = sql`octet_length(a.title) + octet_length(a.content)`;

/**
 * Appeals that might be the same matter, for exact scoring in the application: recent (or still open), readable in
 * the scope, not merged into another. The pool is bounded — the newest POOL_PART overall, of the same street and of
 * the same category — and read without the texts: scoring a few thousand cached feature sets in memory is faster
 * than ranking them by pg_trgm similarity in SQL (which also left the exact scoring only the top few).
 */
export async function duplicateCandidates(db: Executor, jurisdictionId: string, scope: AppealScope, q: DuplicateCandidateQuery): Promise<DuplicatePoolRow[]> {
  const base = sql`a.jurisdiction_id = ${jurisdictionId} AND a.created_at >= ${q.openSince} AND a.created_at <= ${q.until} AND a.status <> 'merged'
      AND (a.created_at >= ${q.recentSince} OR a.status NOT IN ('closed', 'referred', 'rejected'))
      AND NOT (a.id = ANY(${textArray(q.excludeIds)})) AND ${appealScopeCondition(scope)}`;
  const part = (extra: SQL) => sql`(SELECT a.id, a.number, a.status, a.category_id, a.area_code, a.created_at, ${textSize} AS text_size
    FROM appeals a WHERE ${base} AND ${extra} ORDER BY a.created_at DESC LIMIT ${POOL_PART})`;
  const parts = [part(sql`TRUE`)];
  if (q.areaPrefix) parts.push(part(sql`a.area_code LIKE ${`${q.areaPrefix}%`}`));
  if (q.categoryId) parts.push(part(sql`a.category_id = ${q.categoryId}`));
  const rows = await queryRows<DuplicatePoolRow>(db, sql.join(parts, sql` UNION `));
  return rows.map((r) => ({ ...r, created_at: new Date(r.created_at), text_size: Number(r.text_size) }));
}

/** One parameter holding a text[] literal: thousands of ids would otherwise be thousands of bind parameters. */
const textArrayLiteral = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * Titles and bodies of appeals by id, with the size duplicateCandidates reports, to prepare their duplicate
 * features and show matches. No scope check: callers pass ids of a scoped read and show no more than a redacted title.
 */
export async function appealTextsByIds(db: Executor, jurisdictionId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await queryRows<{ id: string; title: string; content: string; text_size: number }>(db, sql`
    SELECT a.id, a.title, a.content, ${textSize} AS text_size FROM appeals a
    WHERE a.jurisdiction_id = ${jurisdictionId} AND a.id = ANY(${textArrayLiteral(ids)}::text[])`);
  return rows.map((r) => ({ ...r, text_size: Number(r.text_size) }));
}

/** Ids of the merge group an appeal belongs to: its master, the master's merged appeals, its own merged appeals. */
export async function mergeGroupIds(db: Executor, jurisdictionId: string, appealId: string, masterId: string | null): Promise<string[]> {
  const roots = masterId ? [appealId, masterId] : [appealId];
  const rows = await queryRows<{ id: string }>(db, sql`
    SELECT id FROM appeals WHERE jurisdiction_id = ${jurisdictionId} AND master_id = ANY(${textArray(roots)})`);
  return [...new Set([...roots, ...rows.map((r) => r.id)])];
}

/** A period's appeals in scope for topic detection, newest first, at most `limit`. */
export async function periodAppeals(db: Executor, jurisdictionId: string, scope: AppealScope, q: { from: Date; to: Date; unitIds?: readonly string[] | undefined; areaCode?: string | undefined; limit: number }) {
  const where: SQL[] = [sql`a.jurisdiction_id = ${jurisdictionId}`, sql`a.created_at >= ${q.from}`, sql`a.created_at < ${q.to}`, sql`a.status <> 'merged'`, appealScopeCondition(scope)];
  if (q.unitIds) {
    where.push(sql`(a.owner_unit_id = ANY(${textArray(q.unitIds)}) OR EXISTS (SELECT 1 FROM appeal_assignments y
      WHERE y.jurisdiction_id = a.jurisdiction_id AND y.appeal_id = a.id AND y.unit_id = ANY(${textArray(q.unitIds)})))`);
  }
  if (q.areaCode) where.push(sql`a.area_code LIKE ${`${q.areaCode}%`}`);
  return asDate(await queryRows<AppealTextRow>(db, sql`
    SELECT ${appealTextColumns} FROM appeals a WHERE ${sql.join(where, sql` AND `)} ORDER BY a.created_at DESC, a.id DESC LIMIT ${q.limit}`));
}

/** The given appeals that the scope may read (number, title, status; no body, no citizen). */
export async function readableAppealHeads(db: Executor, jurisdictionId: string, scope: AppealScope, ids: readonly string[]) {
  if (!ids.length) return [];
  return (await queryRows<{ id: string; number: string; title: string; status: string; category_id: string | null; area_code: string | null; created_at: Date }>(db, sql`
    SELECT a.id, a.number, a.title, a.status, a.category_id, a.area_code, a.created_at FROM appeals a
    WHERE a.jurisdiction_id = ${jurisdictionId} AND a.id = ANY(${textArray(ids)}) AND ${appealScopeCondition(scope)}`))
    .map((r) => ({ ...r, created_at: new Date(r.created_at) }));
}

/** Names of areas by code. */
export async function areaNamesOf(db: Executor, jurisdictionId: string, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await queryRows<{ code: string; name: string }>(db, sql`
    SELECT code, name FROM areas WHERE jurisdiction_id = ${jurisdictionId} AND code = ANY(${textArray([...new Set(codes)])})`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

// ── early warning ───────────────────────────────────────────────────────────────────────────────────────────────

/** Local day of created_at in a fixed UTC offset, as YYYY-MM-DD (both engines). */
const localDay = (offsetMinutes: number) => sql`to_char((a.created_at AT TIME ZONE 'UTC') + make_interval(mins => ${offsetMinutes}::int), 'YYYY-MM-DD')`;
/** Appeals are counted per street (9-digit code): a community's few appeals a day are too sparse to judge. */
const streetOf = sql`CASE WHEN length(a.area_code) > 9 THEN left(a.area_code, 9) ELSE a.area_code END`;

/** Appeals per local day × category × street since `from` (merged ones are the same matter: not counted again). */
export async function dailyCategoryStreetCounts(db: Executor, jurisdictionId: string, from: Date, to: Date, offsetMinutes: number) {
  const rows = await queryRows<{ date: string; category_id: string; area_code: string; count: number }>(db, sql`
    SELECT ${localDay(offsetMinutes)} AS date, a.category_id, ${streetOf} AS area_code, count(*)::int AS count FROM appeals a
    WHERE a.jurisdiction_id = ${jurisdictionId} AND a.created_at >= ${from} AND a.created_at < ${to}
      AND a.category_id IS NOT NULL AND a.area_code IS NOT NULL AND a.status <> 'merged'
    GROUP BY 1, 2, 3`);
  return rows.map((r) => ({ date: r.date, categoryId: r.category_id, areaCode: r.area_code, count: Number(r.count) }));
}

/** Appeals of one local day in one category and street (the members of a spike). */
export async function spikeAppealIds(db: Executor, jurisdictionId: string, q: { from: Date; to: Date; categoryId: string; street: string; limit: number }) {
  const rows = await queryRows<{ id: string }>(db, sql`
    SELECT a.id FROM appeals a WHERE a.jurisdiction_id = ${jurisdictionId} AND a.created_at >= ${q.from} AND a.created_at < ${q.to}
      AND a.category_id = ${q.categoryId} AND ${streetOf} = ${q.street} AND a.status <> 'merged'
    ORDER BY a.created_at, a.id LIMIT ${q.limit}`);
  return rows.map((r) => r.id);
}

/** Appeals registered in [from, to): what the risk-keyword scan reads. */
export async function appealsRegisteredBetween(db: Executor, jurisdictionId: string, from: Date, to: Date, limit: number) {
  return asDate(await queryRows<AppealTextRow>(db, sql`
    SELECT ${appealTextColumns} FROM appeals a WHERE a.jurisdiction_id = ${jurisdictionId} AND a.created_at >= ${from} AND a.created_at < ${to}
      AND a.status <> 'merged' ORDER BY a.created_at, a.id LIMIT ${limit}`));
}

/** Writes a warning once per dedupe key; a re-run refreshes its figures and members but never its status. */
export async function upsertTextWarning(db: Executor, row: Omit<typeof textWarnings.$inferInsert, 'id' | 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'note'>): Promise<{ id: string; created: boolean }> {
  const [saved] = await db.insert(textWarnings).values({ ...row, id: newId() }).onConflictDoUpdate({
    target: [textWarnings.jurisdictionId, textWarnings.dedupeKey],
    set: { score: row.score, pValue: row.pValue ?? null, count: row.count, expected: row.expected ?? null, appealIds: row.appealIds, detail: row.detail ?? {}, level: row.level, updatedAt: row.updatedAt ?? new Date() },
  }).returning({ id: textWarnings.id, created: sql<boolean>`(xmax = 0)` });
  return { id: saved!.id, created: Boolean(saved!.created) };
}

export async function listTextWarnings(db: Executor, jurisdictionId: string, q: { status?: string | undefined; kind?: string | undefined; limit: number }) {
  const where = [eq(textWarnings.jurisdictionId, jurisdictionId)];
  if (q.status) where.push(eq(textWarnings.status, q.status));
  if (q.kind) where.push(eq(textWarnings.kind, q.kind));
  return db.select().from(textWarnings).where(and(...where)).orderBy(desc(textWarnings.day), desc(textWarnings.score), desc(textWarnings.id)).limit(q.limit);
}

export async function findTextWarning(db: Executor, jurisdictionId: string, id: string): Promise<TextWarningRow | null> {
  const [row] = await db.select().from(textWarnings).where(and(eq(textWarnings.jurisdictionId, jurisdictionId), eq(textWarnings.id, id))).limit(1);
  return row ?? null;
}

/** Marks an open warning acknowledged; false when it was acknowledged already (by someone else, too). */
export async function acknowledgeTextWarning(db: Executor, jurisdictionId: string, id: string, by: { userId: string; at: Date; note: string | null }): Promise<boolean> {
  const rows = await db.update(textWarnings).set({ status: 'acknowledged', acknowledgedBy: by.userId, acknowledgedAt: by.at, note: by.note, updatedAt: by.at })
    .where(and(eq(textWarnings.jurisdictionId, jurisdictionId), eq(textWarnings.id, id), eq(textWarnings.status, 'open'))).returning({ id: textWarnings.id });
  return rows.length === 1;
}

// ── settings (jurisdictions.settings.text; the rule settings ignore keys they do not know) ───────────────────────

export async function storedTextSettings(db: Executor, jurisdictionId: string): Promise<unknown> {
  const [row] = await db.select({ text: sql<unknown>`${jurisdictions.settings} -> 'text'` }).from(jurisdictions).where(eq(jurisdictions.id, jurisdictionId)).limit(1);
  return row?.text ?? null;
}

/** Replaces the `text` key of the jurisdiction's settings in one statement (other keys are untouched). */
export async function saveTextSettings(db: Executor, jurisdictionId: string, value: Record<string, unknown>): Promise<void> {
  await db.update(jurisdictions).set({ settings: sql`jsonb_set(${jurisdictions.settings}, '{text}', ${JSON.stringify(value)}::jsonb, true)` })
    .where(eq(jurisdictions.id, jurisdictionId));
}
