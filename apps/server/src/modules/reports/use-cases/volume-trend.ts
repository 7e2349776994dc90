import { sql } from 'drizzle-orm';
import { AppError } from '@minsheng/contracts';
import { queryRows } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { localTime, presentWindow, reportWindow } from './report-window';
import type { DefaultSpan, ReportWindow } from './report-window';
import { windowCounts } from './rollup-counts';

export const TREND_BUCKETS = ['day', 'week', 'month'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

export interface VolumeTrendInput { bucket: TrendBucket; from?: string | undefined; to?: string | undefined }

const DAY_MS = 86_400_000;
/** A daily chart past a year is unreadable and its query needlessly wide; weeks and months may span the full custom period. */
const MAX_DAY_BUCKETS = 366;
const DEFAULT_SPAN: Record<TrendBucket, DefaultSpan> = { day: { days: 30 }, week: { weeks: 12 }, month: { months: 12 } };

/** The bucket's key for a local day: the day itself, the Monday of its ISO week, or its month. */
function bucketKey(day: string, bucket: TrendBucket): string {
  if (bucket === 'day') return day;
  if (bucket === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** Every bucket touching [firstDay, lastDay], each clipped to the period so a partial first or last week says so. */
function bucketsOf(firstDay: string, lastDay: string, bucket: TrendBucket) {
  const out: { key: string; firstDay: string; lastDay: string }[] = [];
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  for (let t = Date.parse(`${firstDay}T00:00:00Z`); t <= end; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const key = bucketKey(day, bucket);
    const last = out[out.length - 1];
    if (last && last.key === key) last.lastDay = day;
    else out.push({ key, firstDay: day, lastDay: day });
  }
  return out;
}

/** Registered appeals per bucket and channel straight from the appeals (readers the rollup does not key by). */
async function countFromAppeals(deps: Deps, w: ReportWindow, bucket: TrendBucket) {
  const local = localTime('a.created_at', w.offset);
  const key = bucket === 'day' ? sql`to_char(${local}, 'YYYY-MM-DD')`
    : bucket === 'week' ? sql`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`
      : sql`to_char(${local}, 'YYYY-MM')`;
  return queryRows<{ bucket: string; channel: string; n: number }>(deps.database.reader, sql`
    SELECT ${key} AS bucket, a.channel, count(*)::int AS n FROM appeals a WHERE ${w.where} GROUP BY 1, 2`);
}

/**
 * 分渠道受理量趋势: appeals registered per day, ISO week (Monday first) or month of the jurisdiction's calendar, one
 * series per channel (busiest first), over the user's scope. Every bucket of the period is present, zeros included.
 */
export async function volumeTrend(deps: Deps, user: SessionUser, input: VolumeTrendInput) {
  if (!(TREND_BUCKETS as readonly string[]).includes(input.bucket)) throw new AppError('VALIDATION_FAILED', `bucket must be one of ${TREND_BUCKETS.join(', ')}`, { field: 'bucket' });
  const w = await reportWindow(deps, user, input, DEFAULT_SPAN[input.bucket]);
  const days = Math.round((w.period.to.getTime() - w.period.from.getTime()) / DAY_MS);
  if (input.bucket === 'day' && days > MAX_DAY_BUCKETS) throw new AppError('VALIDATION_FAILED', `a daily trend spans at most ${MAX_DAY_BUCKETS} days; use week or month`, { field: 'bucket' });

  const rolled = await windowCounts(deps.database.reader, user.jurisdictionId, w, 'registered', 'channel', ['day', 'value']);
  const rows = rolled ? rolled.map((r) => ({ bucket: bucketKey(r.day, input.bucket), channel: r.value, n: r.n })) : await countFromAppeals(deps, w, input.bucket);

  const buckets = bucketsOf(w.period.firstDay, w.period.lastDay, input.bucket);
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  const byChannel = new Map<string, number[]>();
  for (const r of rows) {
    const i = index.get(r.bucket);
    if (i === undefined) continue; // cannot happen: the period's WHERE and the buckets cover the same days
    const counts = byChannel.get(r.channel) ?? buckets.map(() => 0);
    counts[i] = (counts[i] ?? 0) + r.n;
    byChannel.set(r.channel, counts);
  }
  const channels = [...byChannel].map(([channel, counts]) => ({ channel, total: counts.reduce((s, n) => s + n, 0), counts }))
    .sort((a, b) => b.total - a.total || a.channel.localeCompare(b.channel));
  const totals = buckets.map((_, i) => channels.reduce((s, c) => s + (c.counts[i] ?? 0), 0));
  return {
    period: presentWindow(w), bucket: input.bucket, buckets, channels, totals,
    total: totals.reduce((s, n) => s + n, 0), generatedAt: w.now.toISOString(),
  };
}
