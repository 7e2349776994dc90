import { STATUS_LABELS } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import { areaNamesOf, duplicateCandidates } from '@minsheng/db';
import type { AppealScope, Executor } from '@minsheng/db';
import { DuplicateIndex, createSegmenter, findPersonalData, redactText } from '@minsheng/text';
import type { DuplicateMatch, Segmenter } from '@minsheng/text';
import type { CategoryInfo } from './classifier-cache';
import type { TextSettings } from './settings';

/** The matter being checked: a draft at intake (no id yet) or a registered appeal. */
export interface DuplicateProbe {
  id: string | null;
  title: string;
  content: string;
  areaCode: string | null;
  categoryId: string | null;
  createdAt: Date;
  /** Appeals never reported: the probe itself and its merge group. */
  excludeIds: readonly string[];
}

/** Candidates read per query: pg_trgm ranks the window, DuplicateIndex scores these exactly. */
const CANDIDATES = 60;
const RESULTS = 10;
const HOUR_MS = 3_600_000;

let shared: Segmenter | null = null;
/** One segmenter for all queries: it remembers each segment's fate, which makes repeated tokenising cheaper. */
const segmenter = (): Segmenter => (shared ??= createSegmenter());

/** Personal data found in either text (names, phones, addresses…): shared words inside it are never shown. */
function personalStrings(texts: readonly string[]): string[] {
  return texts.flatMap((t) => findPersonalData(t).map((s) => s.text)).filter((s) => s.length > 0);
}

function timeApart(hours: number): string {
  if (hours < 1) return '相隔不到 1 小时';
  return hours < 48 ? `相隔 ${Math.round(hours)} 小时` : `相隔 ${Math.round(hours / 24)} 天`;
}

/**
 * 重复诉求: appeals the reader may see that look like the same matter, best first, each with its score and why —
 * shared words, time apart, same street or category. Only numbers, redacted titles and status are shown: never the
 * citizen, never the body, never a report accusing the reader's unit (the scope excludes those in SQL).
 */
export async function findLikelyDuplicates(db: Executor, jurisdictionId: string, scope: AppealScope, probe: DuplicateProbe, settings: TextSettings, categories: Map<string, CategoryInfo>) {
  const windowMs = settings.duplicateWindowDays * 24 * HOUR_MS;
  const openMs = Math.max(settings.duplicateOpenDays, settings.duplicateWindowDays) * 24 * HOUR_MS;
  const rows = await duplicateCandidates(db, jurisdictionId, scope, {
    title: probe.title, content: probe.content, areaPrefix: probe.areaCode ? probe.areaCode.slice(0, 9) : null, categoryId: probe.categoryId,
    openSince: new Date(probe.createdAt.getTime() - openMs), recentSince: new Date(probe.createdAt.getTime() - windowMs),
    until: new Date(probe.createdAt.getTime() + windowMs), excludeIds: probe.excludeIds, limit: CANDIDATES,
  });
  if (!rows.length) return [];
  const index = new DuplicateIndex({ threshold: settings.duplicateThreshold, maxHoursApart: openMs / HOUR_MS, limit: RESULTS }, segmenter());
  index.add(...rows.map((r) => ({ id: r.id, title: r.title, content: r.content, areaCode: r.area_code, categoryId: r.category_id, createdAt: r.created_at })));
  const matches = index.find({ id: probe.id ?? '', title: probe.title, content: probe.content, areaCode: probe.areaCode, categoryId: probe.categoryId, createdAt: probe.createdAt });
  if (!matches.length) return [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hidden = personalStrings([`${probe.title}\n${probe.content}`, ...matches.map((m) => `${byId.get(m.id)!.title}\n${byId.get(m.id)!.content}`)]);
  const areaNames = await areaNamesOf(db, jurisdictionId, matches.map((m) => byId.get(m.id)!.area_code).filter((c): c is string => c !== null));
  return matches.map((m) => present(m, byId.get(m.id)!, hidden, areaNames, categories));
}

function present(m: DuplicateMatch, row: Awaited<ReturnType<typeof duplicateCandidates>>[number], hidden: string[], areaNames: Map<string, string>, categories: Map<string, CategoryInfo>) {
  const sharedTerms = m.sharedTerms.filter((t) => !hidden.some((h) => h.includes(t) || t.includes(h))).slice(0, 12);
  const reasons = [`文本相似度 ${Math.round(m.textSimilarity * 100)}%`];
  if (sharedTerms.length) reasons.push(`共同词语：${sharedTerms.slice(0, 8).join('、')}`);
  if (m.sameArea) reasons.push(`同一区域：${(row.area_code && areaNames.get(row.area_code)) ?? row.area_code}`);
  else if (m.sameArea === false) reasons.push('不同区域');
  if (m.sameCategory) reasons.push(`同一分类：${(row.category_id && categories.get(row.category_id)?.path.join(' / ')) ?? row.category_id}`);
  if (Number.isFinite(m.hoursApart)) reasons.push(timeApart(m.hoursApart));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    id: row.id, number: row.number, title: redactText(row.title).text, status: row.status, statusLabel: STATUS_LABELS[row.status as AppealStatus] ?? row.status,
    createdAt: row.created_at.toISOString(), areaCode: row.area_code, categoryId: row.category_id,
    score: round(m.score), textSimilarity: round(m.textSimilarity), hoursApart: Math.round(m.hoursApart * 10) / 10,
    sameArea: m.sameArea, sameCategory: m.sameCategory, sharedTerms, reasons,
  };
}
