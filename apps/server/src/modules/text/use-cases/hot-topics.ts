import { AppError } from '@minsheng/contracts';
import { activeUnitFacts, areaNamesOf, findUnit, periodAppeals, subtreeUnitIds } from '@minsheng/db';
import { redactText } from '@minsheng/text';
import { appealScopeOf } from '../../appeals/appeal-scope';
import type { Deps } from '../../../deps';
import type { SessionUser } from '../../auth/session-cache';
import { requireRuntime } from '../../../runtime/require-runtime';
import { TextThread } from '../thread/run-in-thread';

/** Most appeals read per period (current and previous alike): bounds the work of one call to about a second of CPU. */
export const HOT_TOPIC_APPEAL_LIMIT = 5000;
const DEFAULT_DAYS = 7;
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;
const MEMBERS_SHOWN = 100;

export interface HotTopicsQuery { from?: string | undefined; to?: string | undefined; unitId?: string | undefined; areaCode?: string | undefined }

// Topic clustering segments every text: seconds of CPU for thousands of appeals, so it runs in a warm side thread.
const thread = new TextThread();

/** An instant, or a local date: `from` 2026-11-01 is that day's start, `to` 2026-11-07 the end of that day. */
function instant(value: string, field: 'from' | 'to', offsetMinutes: number): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(Date.parse(`${value}T00:00:00Z`) - offsetMinutes * 60_000 + (field === 'to' ? DAY_MS : 0))
    : new Date(value);
  if (!Number.isFinite(date.getTime())) throw new AppError('VALIDATION_FAILED', `${field} is not a date`, { field });
  return date;
}

/**
 * 热点: what the period's appeals are about, grouped into topics, each with its size against the previous period of
 * the same length (growth), its areas and units. Leaders and centre staff see the whole jurisdiction, units their own
 * subtree; `unitId` and `areaCode` narrow further. At most HOT_TOPIC_APPEAL_LIMIT appeals per period are read (the
 * newest); `truncated` says when there were more.
 */
export async function hotTopics(deps: Deps, user: SessionUser, q: HotTopicsQuery) {
  const runtime = await requireRuntime(deps, user.jurisdictionId);
  const offset = runtime.settings.utcOffsetMinutes;
  const to = q.to ? instant(q.to, 'to', offset) : deps.now();
  const from = q.from ? instant(q.from, 'from', offset) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) throw new AppError('VALIDATION_FAILED', 'from must be before to', { field: 'from' });
  if (to.getTime() - from.getTime() > MAX_DAYS * DAY_MS) throw new AppError('VALIDATION_FAILED', `the period may span at most ${MAX_DAYS} days`, { field: 'from' });
  if (q.areaCode && !runtime.areaCodes.has(q.areaCode)) throw new AppError('UNKNOWN_AREA', undefined, { field: 'areaCode' });
  const db = deps.database.db;
  if (q.unitId && !(await findUnit(db, user.jurisdictionId, q.unitId))) throw new AppError('UNKNOWN_UNIT', undefined, { field: 'unitId' });
  const [scope, unitIds] = await Promise.all([appealScopeOf(deps, user), q.unitId ? subtreeUnitIds(db, user.jurisdictionId, [q.unitId]) : Promise.resolve(undefined)]);
  const previousFrom = new Date(from.getTime() - (to.getTime() - from.getTime()));
  const [current, previous] = await Promise.all([
    periodAppeals(db, user.jurisdictionId, scope, { from, to, unitIds, areaCode: q.areaCode, limit: HOT_TOPIC_APPEAL_LIMIT + 1 }),
    periodAppeals(db, user.jurisdictionId, scope, { from: previousFrom, to: from, unitIds, areaCode: q.areaCode, limit: HOT_TOPIC_APPEAL_LIMIT + 1 }),
  ]);
  const truncated = current.length > HOT_TOPIC_APPEAL_LIMIT || previous.length > HOT_TOPIC_APPEAL_LIMIT;
  const asTopic = (a: (typeof current)[number]) => ({ id: a.id, title: a.title, content: a.content, areaCode: a.area_code, unitId: a.lead_unit_id, createdAt: a.created_at });
  const topics = current.length
    ? await thread.run('hotTopics', { appeals: current.slice(0, HOT_TOPIC_APPEAL_LIMIT).map(asTopic), options: { previous: previous.slice(0, HOT_TOPIC_APPEAL_LIMIT).map(asTopic), limit: 20 } }, 60_000)
    : [];
  const numbers = new Map(current.map((a) => [a.id, a.number]));
  const [areaNames, units] = await Promise.all([
    areaNamesOf(db, user.jurisdictionId, topics.flatMap((t) => t.areas.map((s) => s.key))),
    activeUnitFacts(db, user.jurisdictionId, topics.flatMap((t) => t.units.map((s) => s.key))),
  ]);
  return {
    from: from.toISOString(), to: to.toISOString(), previousFrom: previousFrom.toISOString(),
    appeals: Math.min(current.length, HOT_TOPIC_APPEAL_LIMIT), previousAppeals: Math.min(previous.length, HOT_TOPIC_APPEAL_LIMIT), truncated, limit: HOT_TOPIC_APPEAL_LIMIT,
    topics: topics.map((t) => ({
      label: t.label, terms: t.terms, size: t.size, previousSize: t.previousSize, growth: t.growth,
      representative: { id: t.representativeId, number: numbers.get(t.representativeId) ?? null, title: redactText(t.representativeTitle).text },
      areas: t.areas.map((s) => ({ areaCode: s.key, name: areaNames.get(s.key) ?? null, count: s.count })),
      units: t.units.map((s) => ({ unitId: s.key, name: units.get(s.key)?.name ?? null, count: s.count })),
      appealIds: t.appealIds.slice(0, MEMBERS_SHOWN), firstAt: t.firstAt, lastAt: t.lastAt,
    })),
  };
}
