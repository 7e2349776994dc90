import { STATUS_LABELS } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import { areaNamesOf, duplicateCandidates } from '@minsheng/db';
import type { AppealScope, DuplicatePoolRow, Executor } from '@minsheng/db';
import { createSegmenter, prepareDuplicateText, scorePrepared } from '@minsheng/text';
import type { DuplicateMatch, PreparedAppeal, Segmenter } from '@minsheng/text';
import type { CategoryInfo } from './classifier-cache';
import { duplicateFeaturesCache, personalStrings } from './duplicate-features-cache';
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

const RESULTS = 10;
const HOUR_MS = 3_600_000;

let shared: Segmenter | null = null;
/** One segmenter for all queries: it remembers each segment's fate, which makes repeated tokenising cheaper. */
const segmenter = (): Segmenter => (shared ??= createSegmenter());

function timeApart(hours: number): string {
  if (hours < 1) return '相隔不到 1 小时';
  return hours < 48 ? `相隔 ${Math.round(hours)} 小时` : `相隔 ${Math.round(hours / 24)} 天`;
}

/**
 * 重复诉求: appeals the reader may see that look like the same matter, best first, each with its score and why —
 * shared words, time apart, same street or category. Only numbers, redacted titles and status are shown: never the
 * citizen, never the body, never a report accusing the reader's unit (the scope excludes those in SQL).
 * The whole bounded pool is scored exactly, in memory, from features cached per appeal (duplicate-features-cache).
 */
export async function findLikelyDuplicates(db: Executor, jurisdictionId: string, scope: AppealScope, probe: DuplicateProbe, settings: TextSettings, categories: Map<string, CategoryInfo>) {
  const windowMs = settings.duplicateWindowDays * 24 * HOUR_MS;
  const openMs = Math.max(settings.duplicateOpenDays, settings.duplicateWindowDays) * 24 * HOUR_MS;
  const rows = await duplicateCandidates(db, jurisdictionId, scope, {
    areaPrefix: probe.areaCode ? probe.areaCode.slice(0, 9) : null, categoryId: probe.categoryId,
    openSince: new Date(probe.createdAt.getTime() - openMs), recentSince: new Date(probe.createdAt.getTime() - windowMs),
    until: new Date(probe.createdAt.getTime() + windowMs), excludeIds: probe.excludeIds,
  });
  if (!rows.length) return [];
  const features = await duplicateFeaturesCache(db).load(db, jurisdictionId, rows, segmenter());
  const pool: PreparedAppeal[] = [];
  for (const r of rows) {
    const f = features.get(r.id);
    if (f) pool.push({ id: r.id, areaCode: r.area_code, categoryId: r.category_id, time: r.created_at.getTime(), shingles: f.shingles, sketch: f.sketch, termKeys: f.termKeys });
  }
  const query = prepareDuplicateText({ id: probe.id ?? '', title: probe.title, content: probe.content, areaCode: probe.areaCode, categoryId: probe.categoryId, createdAt: probe.createdAt }, segmenter());
  const matches = scorePrepared(query, pool, { threshold: settings.duplicateThreshold, maxHoursApart: openMs / HOUR_MS, limit: RESULTS });
  if (!matches.length) return [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [shown, areaNames] = await Promise.all([
    duplicateFeaturesCache(db).shown(db, jurisdictionId, matches.map((m) => m.id)),
    areaNamesOf(db, jurisdictionId, matches.map((m) => byId.get(m.id)!.area_code).filter((c): c is string => c !== null)),
  ]);
  const hidden = [...personalStrings(`${probe.title}\n${probe.content}`), ...matches.flatMap((m) => shown.get(m.id)?.personalData ?? [])];
  return matches.filter((m) => shown.has(m.id)).map((m) => present(m, byId.get(m.id)!, shown.get(m.id)!.title, hidden, areaNames, categories));
}

function present(m: DuplicateMatch, row: DuplicatePoolRow, shownTitle: string, hidden: readonly string[], areaNames: Map<string, string>, categories: Map<string, CategoryInfo>) {
  const sharedTerms = m.sharedTerms.filter((t) => !hidden.some((h) => h.includes(t) || t.includes(h))).slice(0, 12);
  const reasons = [`文本相似度 ${Math.round(m.textSimilarity * 100)}%`];
  if (sharedTerms.length) reasons.push(`共同词语：${sharedTerms.slice(0, 8).join('、')}`);
  if (m.sameArea) reasons.push(`同一区域：${(row.area_code && areaNames.get(row.area_code)) ?? row.area_code}`);
  else if (m.sameArea === false) reasons.push('不同区域');
  if (m.sameCategory) reasons.push(`同一分类：${(row.category_id && categories.get(row.category_id)?.path.join(' / ')) ?? row.category_id}`);
  if (Number.isFinite(m.hoursApart)) reasons.push(timeApart(m.hoursApart));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    id: row.id, number: row.number, title: shownTitle, status: row.status, statusLabel: STATUS_LABELS[row.status as AppealStatus] ?? row.status,
    createdAt: row.created_at.toISOString(), areaCode: row.area_code, categoryId: row.category_id,
    score: round(m.score), textSimilarity: round(m.textSimilarity), hoursApart: Math.round(m.hoursApart * 10) / 10,
    sameArea: m.sameArea, sameCategory: m.sameCategory, sharedTerms, reasons,
  };
}
