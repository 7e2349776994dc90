import { CHANNEL_LABELS, TRACK_LABELS } from '@minsheng/contracts';
import type { Channel, Track } from '@minsheng/contracts';
import { computeIndicatorFigures, countClosed, countEvents, countRegisteredBy, listOverdueClocks, rankAppealsByEvents } from '@minsheng/db';
import type { ReportWindow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { JurisdictionRuntime } from '../../../runtime/jurisdiction-runtime';
import { computeAssessment } from '../../indicators/use-cases/assess-month';
import { hotTopics } from '../../text/use-cases/hot-topics';
import { jurisdictionReader } from '../policy';
import type { ReportSection } from '../report-body';
import type { ReportNames } from '../report-names';
import type { ReportPeriod } from '../report-period';
import { byStreet, countRow, distributionSection, indicatorSection, summarySection } from '../sections/figures';
import { hotTopicSection, overdueSection, rankingSection, redoSection, TYPICAL_CASE_WEIGHTS, typicalCasesSection } from '../sections/lists';

/** At most this many rows in a list section (overdue, redo); the note says how many there were. */
export const REPORT_LIST_LIMIT = 50;
const EVENT_ROWS: [string, string][] = [['dispatch', '派单'], ['approve_return', '退单'], ['urge', '催办'], ['supervise', '督办'], ['redo', '重办']];

/**
 * 周报 / 月报: one fixed structure for both — summary with changes, the indicators of DOMAIN.md §7, channels, top
 * categories and areas, hot topics, overdue and redo lists, the unit ranking and typical cases — all of the whole
 * jurisdiction, computed now from the events by the indicator engine and the SQL of the report repository.
 */
export async function buildPeriodicReport(deps: Deps, runtime: JurisdictionRuntime, rp: ReportPeriod, names: ReportNames): Promise<ReportSection[]> {
  const db = deps.database.reader;
  const j = runtime.id;
  const now = deps.now();
  const offsetMinutes = runtime.settings.utcOffsetMinutes;
  const cur: ReportWindow = { jurisdictionId: j, from: rp.period.from, to: rp.period.to, offsetMinutes };
  const prev: ReportWindow = { jurisdictionId: j, from: rp.previous.from, to: rp.previous.to, offsetMinutes };
  const figures = (w: ReportWindow) => computeIndicatorFigures(db, {
    jurisdictionId: j, from: w.from, to: w.to, asOf: now, weights: runtime.settings.satisfactionWeights,
    groupBy: 'kind', includeSubunits: false, visibleUnitIds: null, ancestorUnitIds: [],
  });
  const actions = EVENT_ROWS.map(([a]) => a);
  const [tracks, prevTracks, closed, prevClosed, events, prevEvents, figCur, figPrev] = await Promise.all([
    countRegisteredBy(db, cur, 'track'), countRegisteredBy(db, prev, 'track'), countClosed(db, cur), countClosed(db, prev),
    countEvents(db, cur, actions), countEvents(db, prev, actions), figures(cur), figures(prev),
  ]);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const summary = summarySection('summary', '总体情况', [
    countRow('登记总量', sum(tracks), sum(prevTracks)),
    ...(['hotline', 'petition', 'proposal'] as Track[]).map((t) => countRow(`其中：${TRACK_LABELS[t]}`, tracks.get(t) ?? 0, prevTracks.get(t) ?? 0)),
    countRow('办结量', closed, prevClosed),
    ...EVENT_ROWS.map(([a, label]) => countRow(`${label}（次）`, events.get(a) ?? 0, prevEvents.get(a) ?? 0)),
  ], `${rp.label}，与上期（${rp.previous.firstDay} 至 ${rp.previous.lastDay}）比较。`);

  const [channels, prevChannels, categories, prevCategories, areas, prevAreas] = await Promise.all([
    countRegisteredBy(db, cur, 'channel'), countRegisteredBy(db, prev, 'channel'), countRegisteredBy(db, cur, 'category'),
    countRegisteredBy(db, prev, 'category'), countRegisteredBy(db, cur, 'area'), countRegisteredBy(db, prev, 'area'),
  ]);
  const [overdue, redo, typical, ranking, topics] = await Promise.all([
    listOverdueClocks(db, cur, now, REPORT_LIST_LIMIT),
    rankAppealsByEvents(db, cur, { redo: 1 }, REPORT_LIST_LIMIT),
    rankAppealsByEvents(db, cur, TYPICAL_CASE_WEIGHTS, 5),
    computeAssessment(deps, j, rp.period, runtime.settings),
    hotTopics(deps, jurisdictionReader(j, runtime.rootUnitId, now), { from: rp.period.from.toISOString(), to: rp.period.to.toISOString() }),
  ]);
  return [
    summary,
    indicatorSection(figCur, figPrev),
    distributionSection({ key: 'channels', title: '渠道分布', label: '渠道', current: channels, previous: prevChannels, name: (k) => CHANNEL_LABELS[k as Channel] ?? k }),
    distributionSection({ key: 'categories', title: '诉求分类前十', label: '诉求分类', current: categories, previous: prevCategories, name: names.category, limit: 10 }),
    distributionSection({ key: 'areas', title: '区域分布前十（街道/乡镇）', label: '区域', current: byStreet(areas), previous: byStreet(prevAreas), name: names.area, limit: 10 }),
    hotTopicSection(topics),
    overdueSection(overdue, names, now),
    redoSection(redo, names),
    rankingSection(ranking),
    typicalCasesSection(typical, names),
  ];
}
