import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  CHANNEL_LABELS, KIND_LABELS, RESULT_LABELS, STATUS_LABELS, TRACK_LABELS, URGENCY_LABELS,
} from '@minsheng/contracts';
import type { AppealKind, AppealStatus, Channel, ReplyResult, Track, Urgency } from '@minsheng/contracts';
import { maskName, maskPhone } from '@minsheng/domain';
import { clocksForAppeals, listAppeals, listCategories, listUnits, queryRows, toClockState, writeAudit } from '@minsheng/db';
import type { AppealRow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { presentClock } from '../../appeals/presenter';
import { appealScopeOf } from '../../appeals/appeal-scope';
import { listFilter } from '../../appeals/list-filter';
import { categoryPaths } from '../../../runtime/category-paths';
import type { ExportAppealsFilter } from '../schemas';

/** At most this many rows per export; a larger result is cut and says so on its 说明 sheet. */
export const EXPORT_MAX_ROWS = 50_000;
const BATCH = 1000;

const SATISFACTION_LABELS: Record<string, string> = {
  very_satisfied: '非常满意', satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意', very_dissatisfied: '非常不满意',
};
const LIGHT_LABELS: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };

const COLUMNS: { header: string; width: number }[] = [
  { header: '工单编号', width: 18 }, { header: '标题', width: 40 }, { header: '业务类型', width: 10 }, { header: '渠道', width: 14 },
  { header: '诉求类型', width: 9 }, { header: '紧急程度', width: 9 }, { header: '状态', width: 12 }, { header: '诉求分类', width: 30 },
  { header: '区域', width: 16 }, { header: '受理单位', width: 22 }, { header: '主办单位', width: 22 }, { header: '协办单位', width: 30 },
  { header: '诉求人(脱敏)', width: 12 }, { header: '联系电话(脱敏)', width: 15 }, { header: '保密', width: 6 },
  { header: '登记时间', width: 17 }, { header: '办结时间', width: 17 }, { header: '最近截止时间', width: 17 }, { header: '亮灯', width: 7 },
  { header: '超期', width: 6 }, { header: '重办次数', width: 9 }, { header: '退单次数', width: 9 }, { header: '催办次数', width: 9 },
  { header: '答复结果', width: 16 }, { header: '满意度', width: 10 },
];

export interface ExportResult { stream: Readable; fileName: string }

/**
 * 导出: the filtered appeal list as an XLSX workbook, streamed row by row (exceljs' streaming writer) in keyset pages
 * over the same scope and filters as the list. Personal data only masked (confidential appeals: not even that); the
 * free-text content is left out. The first page is read before anything is sent, so a bad filter is a JSON error.
 * Every export is written to the audit log (who, which filter) before the first byte is sent.
 */
export async function exportAppeals(deps: Deps, user: SessionUser, query: ExportAppealsFilter): Promise<ExportResult> {
  const filter = listFilter(query);
  const db = deps.database.db;
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const now = deps.now();
  const scope = await appealScopeOf(deps, user);
  const offset = runtime.settings.utcOffsetMinutes;
  const fmt = (d: Date | null | undefined) => (d ? new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 16).replace('T', ' ') : '');
  const [units, categories, areas] = await Promise.all([
    listUnits(db, user.jurisdictionId), listCategories(db, user.jurisdictionId),
    queryRows<{ code: string; name: string }>(db, sql`SELECT code, name FROM areas WHERE jurisdiction_id = ${user.jurisdictionId}`),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const paths = categoryPaths(categories);
  const areaName = new Map(areas.map((a) => [a.code, a.name]));
  const categoryPath = (id: string | null) => (id ? paths.get(id)?.path.join(' / ') ?? '' : '');
  const describe = describeFilter(query, { unit: (id) => unitName.get(id) ?? id, category: categoryPath, area: (code) => areaName.get(code) ?? code, fmt });

  const page = (cursor: { createdAt: Date; id: string } | undefined, limit: number) =>
    listAppeals(db, user.jurisdictionId, scope, { ...filter, cursor, limit, now, problem: filter.problem ? runtime.settings.problem : undefined });
  let rows = await page(undefined, Math.min(BATCH, EXPORT_MAX_ROWS));

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'minsheng 民声';
  workbook.created = now;
  const sheet = workbook.addWorksheet('诉求', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };

  const writeRows = async (batch: AppealRow[]) => {
    const ids = batch.map((a) => a.id);
    const citizenIds = batch.map((a) => a.citizenId).filter((c): c is string => c !== null);
    const [clockRows, citizens] = await Promise.all([
      clocksForAppeals(db, user.jurisdictionId, ids),
      citizenIds.length
        ? queryRows<{ id: string; name_enc: string | null; phone_enc: string | null }>(db, sql`SELECT id, name_enc, phone_enc FROM citizens
            WHERE jurisdiction_id = ${user.jurisdictionId} AND id = ANY(ARRAY[${sql.join(citizenIds.map((c) => sql`${c}`), sql`, `)}]::text[])`)
        : Promise.resolve([]),
    ]);
    const citizenById = new Map(citizens.map((c) => [c.id, c]));
    const clocksOf = new Map<string, ReturnType<typeof presentClock>[]>();
    for (const c of clockRows) {
      const state = toClockState(c);
      if (state.stoppedAt !== null) continue;
      clocksOf.set(c.appealId, [...(clocksOf.get(c.appealId) ?? []), presentClock(state, runtime, now)]);
    }
    for (const a of batch) {
      const clocks = (clocksOf.get(a.id) ?? []).sort((x, y) => x.dueAt.localeCompare(y.dueAt));
      const light = clocks.some((c) => c.light === 'red') ? 'red' : clocks.some((c) => c.light === 'yellow') ? 'yellow' : clocks.length ? 'green' : '';
      const citizen = a.citizenId ? citizenById.get(a.citizenId) : undefined;
      const open = (v: string | null | undefined) => (v ? deps.cipher.decrypt(v) : null);
      const name = a.confidential ? '保密' : (() => { const n = open(citizen?.name_enc); return n ? maskName(n) : ''; })();
      const phone = a.confidential ? '保密' : (() => { const p = open(citizen?.phone_enc); return p ? maskPhone(p) : ''; })();
      const reply = a.reply as { result?: ReplyResult } | null;
      const callback = a.callback as { satisfaction?: string } | null;
      sheet.addRow([
        a.number, a.title, TRACK_LABELS[a.track as Track] ?? a.track, CHANNEL_LABELS[a.channel as Channel] ?? a.channel,
        KIND_LABELS[a.kind as AppealKind] ?? a.kind, URGENCY_LABELS[a.urgency as Urgency] ?? a.urgency, STATUS_LABELS[a.status as AppealStatus] ?? a.status,
        categoryPath(a.categoryId), a.areaCode ? areaName.get(a.areaCode) ?? a.areaCode : '', unitName.get(a.ownerUnitId) ?? '',
        a.leadUnitId ? unitName.get(a.leadUnitId) ?? '' : '', a.coUnitIds.map((u) => unitName.get(u) ?? u).join('、'),
        name, phone, a.confidential ? '是' : '否', fmt(a.createdAt), fmt(a.closedAt), clocks[0] ? fmt(new Date(clocks[0].dueAt)) : '',
        LIGHT_LABELS[light] ?? '', clocks.some((c) => c.overdue) ? '是' : '否', a.redoCount, a.returnCount, a.urgeCount,
        reply?.result ? RESULT_LABELS[reply.result] ?? reply.result : '', callback?.satisfaction ? SATISFACTION_LABELS[callback.satisfaction] ?? '' : '',
      ]).commit();
    }
  };

  const produce = async () => {
    let written = 0;
    let truncated = false;
    for (;;) {
      await writeRows(rows);
      written += rows.length;
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) break;
      if (written >= EXPORT_MAX_ROWS) {
        truncated = (await page({ createdAt: last.createdAt, id: last.id }, 1)).length > 0;
        break;
      }
      rows = await page({ createdAt: last.createdAt, id: last.id }, Math.min(BATCH, EXPORT_MAX_ROWS - written));
    }
    sheet.commit();
    const about = workbook.addWorksheet('说明');
    about.columns = [{ width: 14 }, { width: 80 }];
    for (const [k, v] of [
      ['导出时间', fmt(now)], ['导出人', `${user.displayName}（${user.username}）`], ['辖区', runtime.name], ['筛选条件', describe || '无'],
      ['行数', String(written)], ['说明', truncated ? `结果超过 ${EXPORT_MAX_ROWS} 条，仅导出最新的 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围。` : '已导出全部结果。'],
      ['个人信息', '诉求人姓名与电话已脱敏，保密工单不导出任何个人信息；诉求内容不导出。'],
    ]) about.addRow([k, v]).commit();
    about.commit();
    await workbook.commit();
  };
  await writeAudit(db, {
    jurisdictionId: user.jurisdictionId, actorUserId: user.userId, action: 'export_appeals', targetType: 'appeal_list', targetId: user.jurisdictionId,
    detail: { filter: describe },
  });
  produce().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  const stamp = fmt(now).replace(/[-: ]/g, '').slice(0, 12);
  return { stream: out, fileName: `诉求导出-${stamp}.xlsx` };
}

/** The filter in words, for the workbook's 说明 sheet and the audit log. */
function describeFilter(q: ExportAppealsFilter, names: { unit: (id: string) => string; category: (id: string) => string; area: (code: string) => string; fmt: (d: Date) => string }): string {
  const parts: string[] = [];
  if (q.status) parts.push(`状态：${q.status.split(',').map((s) => STATUS_LABELS[s as AppealStatus] ?? s).join('、')}`);
  if (q.track) parts.push(`业务类型：${TRACK_LABELS[q.track]}`);
  if (q.kind) parts.push(`诉求类型：${KIND_LABELS[q.kind]}`);
  if (q.channel) parts.push(`渠道：${CHANNEL_LABELS[q.channel]}`);
  if (q.unitId) parts.push(`承办单位：${names.unit(q.unitId)}`);
  if (q.categoryId) parts.push(`分类：${names.category(q.categoryId)}`);
  if (q.areaCode) parts.push(`区域：${names.area(q.areaCode)}`);
  if (q.createdFrom) parts.push(`登记时间自：${names.fmt(new Date(q.createdFrom))}`);
  if (q.createdTo) parts.push(`登记时间至：${names.fmt(new Date(q.createdTo))}（不含）`);
  if (q.overdue) parts.push(q.overdue === 'true' ? '仅超期' : '未超期');
  if (q.dueSoon) parts.push('黄灯预警');
  if (q.pending) parts.push('待审批延期申请');
  if (q.problem) parts.push('疑难工单（含提级）');
  if (q.text) parts.push(`关键词：${q.text}`);
  return parts.join('；');
}
