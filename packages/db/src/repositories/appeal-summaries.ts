import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../connection';
import { queryRows } from '../raw';
import { rawColumns, rawRowReader } from '../raw-rows';
import { appealClocks, appeals } from '../schema';
import { appealListConditions, textMatch, toClockState } from './appeal-reads';
import type { AppealListFilter, AppealScope } from './appeal-reads';

/** What a list row shows of an appeal (no content, no citizen): the inbox and search pages. */
const SUMMARY_KEYS = ['id', 'number', 'track', 'channel', 'kind', 'urgency', 'status', 'title', 'categoryId', 'areaCode', 'ownerUnitId',
  'leadUnitId', 'confidential', 'redoCount', 'escalated', 'bulletinAt', 'pending', 'version', 'createdAt', 'updatedAt'] as const;
const readSummary = rawRowReader(appeals, SUMMARY_KEYS);
const SUMMARY_SELECT = sql.raw(rawColumns(appeals, SUMMARY_KEYS).map((c) => `appeals.${c.name}`).join(', '));
export type AppealSummaryRow = ReturnType<typeof readSummary>;

/** Only what a row's light needs of each running clock (a clock row has more timestamps, each parsed from JSON). */
const CLOCK_KEYS = ['clock', 'amount', 'unit', 'startedAt', 'dueAt', 'stoppedAt', 'pausedAt', 'pausedBudget'] as const;
const readClock = rawRowReader(appealClocks, CLOCK_KEYS);
const CLOCK_FIELDS = sql.raw(rawColumns(appealClocks, CLOCK_KEYS).map((c) => `'${c.name}', c.${c.name}`).join(', '));

/**
 * How many of the newest appeals (in scope, after the other filters) a text search reads first, and at most after
 * that. A frequent word fills a page from them: at a million appeals, 物业 (in 10 % of them) took 551 ms through the
 * pieces index, which returns every holder to be fetched and sorted, and 漏水 (3.5 %) about a second.
 */
const FIRST_TEXT_WINDOW = 500;
const MAX_TEXT_WINDOW = 50_000;
/**
 * Fewer holders of the text's pieces than this and the index answers at once: fetching them all is cheaper than
 * reading the newest appeals one by one (on 5,000 appeals, windows first cost 19–23 ms of PostgreSQL a search, the
 * index 1.5).
 */
const COMMON_TEXT_HOLDERS = 2_000;

/**
 * A page of the appeal list with each appeal's running clocks, in one statement: only the columns a list row shows
 * (the content is most of an appeal's bytes), the clocks as a JSON aggregate instead of a second round trip, and rows
 * read without drizzle's per-field mapping. Same WHERE as `listAppeals`, so pages, counts and exports agree.
 *
 * A rare text (commonText: its pieces held by fewer than COMMON_TEXT_HOLDERS appeals) is answered by the pieces
 * index, which fetches and sorts its holders. A common one first tests the newest appeals the other conditions leave,
 * row by row: when they fill the page, that page is the answer (every match outside them is older than all of them).
 * The first FIRST_TEXT_WINDOW rows also measure how common the text is among the newest: from k matches there, a
 * window about 1.5 × limit / k times as deep is read next (8 times after none: the newest appeals may speak of other
 * things than the older ones), while within MAX_TEXT_WINDOW; past that, the pieces index answers after all.
 */
export async function listAppealSummaries(db: Executor, jurisdictionId: string, scope: AppealScope, f: AppealListFilter) {
  if (f.text && await commonText(db, jurisdictionId, f.text)) {
    const match = [textMatch(f.text)];
    const newest = (rows: number) => sql`(SELECT * FROM appeals WHERE ${sql.join(appealListConditions(jurisdictionId, scope, { ...f, text: undefined }), sql` AND `)}
      ORDER BY appeals.created_at DESC, appeals.id DESC LIMIT ${rows}) appeals`;
    for (let rows = FIRST_TEXT_WINDOW; rows <= MAX_TEXT_WINDOW;) {
      const page = await summaryPage(db, newest(rows), match, f.limit);
      if (page.length >= f.limit) return page;
      rows = page.length ? Math.ceil((rows * f.limit * 1.5) / page.length) : rows * 8;
    }
  }
  return summaryPage(db, sql`appeals`, appealListConditions(jurisdictionId, scope, f), f.limit);
}

/**
 * A text of one character (no pieces), or one whose pieces at least COMMON_TEXT_HOLDERS appeals hold (counted no
 * further, though PostgreSQL still builds the bitmap of every holder: ~100 ms for a word in 100,000 appeals, under
 * 1 ms on a small jurisdiction, where every text is rare and the index answers as before).
 */
async function commonText(db: Executor, jurisdictionId: string, text: string): Promise<boolean> {
  if ([...text].length < 2) return true;
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM appeal_search_grams
    WHERE jurisdiction_id = ${jurisdictionId} AND grams @> minsheng_search_grams(${text}::text) LIMIT ${COMMON_TEXT_HOLDERS}) h`);
  return (row?.n ?? 0) >= COMMON_TEXT_HOLDERS;
}

/** Newest first from `source` (the appeals table, or a derived table named appeals), as list rows with their running clocks. */
async function summaryPage(db: Executor, source: SQL, where: SQL[], limit: number) {
  const rows = await queryRows(db, sql`SELECT ${SUMMARY_SELECT},
      (SELECT json_agg(json_build_object(${CLOCK_FIELDS}) ORDER BY c.started_at, c.clock) FROM appeal_clocks c
        WHERE c.jurisdiction_id = appeals.jurisdiction_id AND c.appeal_id = appeals.id AND c.stopped_at IS NULL) AS running_clocks
    FROM ${source} WHERE ${sql.join(where, sql` AND `)}
    ORDER BY appeals.created_at DESC, appeals.id DESC LIMIT ${limit}`);
  return rows.map((r) => ({
    appeal: readSummary(r),
    clocks: ((r.running_clocks as Record<string, unknown>[] | null) ?? []).map((c) => toClockState(readClock(c))),
  }));
}
