import { AppError } from '@minsheng/contracts';
import { areaNames, listPublicBoard, publicNames } from '@minsheng/db';
import type { PublicBoardRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import { requireRuntime } from '../../../runtime/require-runtime';
import { decodeBoardCursor, encodeBoardCursor } from '../board-cursor';
import { monthBounds } from '../month';

export interface BoardQuery {
  q?: string | undefined; categoryId?: string | undefined; areaCode?: string | undefined; unitId?: string | undefined; month?: string | undefined;
  cursor?: string | undefined; limit: number;
}

const iso = (v: string | Date) => new Date(v).toISOString();

/** Board items as the public reads them: the approved (redacted, reviewed) texts and names of places and units. */
async function present(deps: Deps, jurisdictionId: string, rows: PublicBoardRow[]) {
  const db = deps.database.db;
  const [names, areas] = await Promise.all([publicNames(db, jurisdictionId), areaNames(db, jurisdictionId, [...new Set(rows.flatMap((r) => (r.area_code ? [r.area_code] : [])))])]);
  return rows.map((r) => ({
    number: r.number, title: r.title, content: r.content, reply: r.reply,
    categoryName: r.category_id ? names.categoryNames.get(r.category_id) ?? null : null,
    areaName: r.area_code ? areas.get(r.area_code) ?? null : null,
    unitName: r.unit_id ? names.unitNames.get(r.unit_id) ?? null : null,
    askedAt: iso(r.asked_at), repliedAt: iso(r.replied_at),
  }));
}

/** 留言板: approved posts only, newest first, filtered by words, category subtree, area subtree, unit and month. */
export async function listBoard(deps: Deps, jurisdictionId: string, query: BoardQuery) {
  const runtime = await requireRuntime(deps, jurisdictionId);
  const bounds = query.month ? monthBounds(query.month, runtime.settings.utcOffsetMinutes) : undefined;
  const rows = await listPublicBoard(deps.database.db, jurisdictionId, {
    q: query.q?.trim() || undefined, categoryId: query.categoryId, areaCode: query.areaCode, unitId: query.unitId,
    askedFrom: bounds?.from, askedTo: bounds?.to, after: query.cursor ? decodeBoardCursor(query.cursor) : undefined, limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await present(deps, jurisdictionId, page),
    nextCursor: rows.length > query.limit && last ? encodeBoardCursor({ publishedKey: last.published_key, appealId: last.appeal_id }) : null,
  };
}

/** One approved post by its appeal number; anything else (pending, rejected, unknown) is NOT_FOUND. */
export async function getBoardItem(deps: Deps, jurisdictionId: string, number: string) {
  await requireRuntime(deps, jurisdictionId);
  const rows = await listPublicBoard(deps.database.db, jurisdictionId, { number: number.trim().toUpperCase(), limit: 1 });
  if (!rows.length) throw new AppError('NOT_FOUND');
  return (await present(deps, jurisdictionId, rows))[0]!;
}
