import { CHANNEL_LABELS, KIND_LABELS, RESULT_LABELS } from '@minsheng/contracts';
import type { AppealKind, Channel, ReplyResult } from '@minsheng/contracts';
import { countApprovedReplyResults, countClosed, countEvents, countEventsByUnit, countRegisteredBy, rankAppealsByEvents } from '@minsheng/db';
import type { AppealDimension, ReportWindow } from '@minsheng/db';
import type { Deps } from '../../../deps';
import type { JurisdictionRuntime } from '../../../runtime/jurisdiction-runtime';
import { col } from '../report-body';
import type { ReportSection } from '../report-body';
import type { ReportNames } from '../report-names';
import type { ReportPeriod } from '../report-period';
import { byStreet, countRow, distributionSection, summarySection } from '../sections/figures';
import { suggestionSection } from '../sections/suggestions';

const SUMMARY_EVENTS: [string, string][] = [
  ['dispatch', '转送、交办'], ['refer_legal', '告知法定途径'], ['reject', '不予受理'], ['accept', '受理'], ['approve_reply', '书面答复'],
  ['request_review', '申请复查'], ['request_rereview', '申请复核'], ['supervise', '督办'], ['answer_supervision', '督办书面回复'], ['urge', '催办'],
];
const UNIT_EVENTS: [string, string][] = [
  ['dispatch', '转送、交办'], ['accept', '受理'], ['approve_reply', '书面答复'], ['supervise', '督办'], ['answer_supervision', '督办回复'], ['urge', '催办'],
];

/**
 * 信访情况分析报告 (信访条例 art. 39; 信访工作条例): the petitions of the period — figures with changes, channels, kinds,
 * areas and fields, the bodies complained about most, transfers and supervision per unit, written results, the
 * supervised items, and suggestions (staff text, or generated placeholders marked as such).
 */
export async function buildPetitionReport(deps: Deps, runtime: JurisdictionRuntime, rp: ReportPeriod, names: ReportNames, staffSuggestions: readonly string[]): Promise<ReportSection[]> {
  const db = deps.database.reader;
  const cur: ReportWindow = { jurisdictionId: runtime.id, from: rp.period.from, to: rp.period.to, track: 'petition', offsetMinutes: runtime.settings.utcOffsetMinutes };
  const prev: ReportWindow = { jurisdictionId: runtime.id, from: rp.previous.from, to: rp.previous.to, track: 'petition', offsetMinutes: runtime.settings.utcOffsetMinutes };
  const actions = SUMMARY_EVENTS.map(([a]) => a);
  const [reg, prevReg, closed, prevClosed, events, prevEvents] = await Promise.all([
    countRegisteredBy(db, cur, 'track'), countRegisteredBy(db, prev, 'track'), countClosed(db, cur), countClosed(db, prev), countEvents(db, cur, actions), countEvents(db, prev, actions),
  ]);
  const both = (d: AppealDimension) => Promise.all([countRegisteredBy(db, cur, d), countRegisteredBy(db, prev, d)]);
  const [[channels, prevChannels], [kinds, prevKinds], [areas, prevAreas], [categories, prevCategories], [accused, prevAccused]] = await Promise.all(
    [both('channel'), both('kind'), both('area'), both('category'), both('accused_unit')],
  );
  const [byUnit, results, supervised] = await Promise.all([
    countEventsByUnit(db, cur, UNIT_EVENTS.map(([a]) => a)), countApprovedReplyResults(db, cur), rankAppealsByEvents(db, cur, { supervise: 2, urge: 1 }, 20),
  ]);

  const summary = summarySection('summary', '信访事项总体情况', [
    countRow('登记信访事项', reg.get('petition') ?? 0, prevReg.get('petition') ?? 0),
    ...SUMMARY_EVENTS.map(([a, label]) => countRow(label, events.get(a) ?? 0, prevEvents.get(a) ?? 0)),
    countRow('办结', closed, prevClosed),
  ], `${rp.label}，与上期（${rp.previous.firstDay} 至 ${rp.previous.lastDay}）比较；转送、交办等为本期发生的办理环节次数。`);

  const unitIds = [...new Set(byUnit.map((r) => r.unitId))];
  const count = (unitId: string, action: string) => byUnit.find((r) => r.unitId === unitId && r.action === action)?.n ?? 0;
  const transfers: ReportSection = {
    key: 'transfers', title: '转送、交办与督办情况（按单位）',
    note: '转送、交办计入被转送的单位；受理、答复、督办、催办计入生成报告时的承办单位。',
    columns: [col('unit', '单位'), ...UNIT_EVENTS.map(([a, label]) => col(a, label, 'count'))],
    rows: unitIds.sort((a, b) => count(b, 'dispatch') - count(a, 'dispatch') || names.unit(a).localeCompare(names.unit(b)))
      .map((u) => ({ unit: names.unit(u), ...Object.fromEntries(UNIT_EVENTS.map(([a]) => [a, count(u, a)])) })),
  };
  const resultTotal = [...results.values()].reduce((s, n) => s + n, 0);
  const resultSection: ReportSection = {
    key: 'results', title: '办理结果（书面答复、复查、复核意见）',
    columns: [col('result', '结果'), col('count', '件数', 'count'), col('share', '占比', 'rate')],
    rows: [...results].sort((a, b) => b[1] - a[1]).map(([r, n]) => ({ result: r ? RESULT_LABELS[r as ReplyResult] ?? r : '（未填）', count: n, share: resultTotal ? Math.round((n / resultTotal) * 10_000) / 10_000 : null })),
  };
  const supervision: ReportSection = {
    key: 'supervision', title: '督办、催办的信访事项',
    note: `本期被督办或催办的信访事项（督办 2 分、催办 1 分排序），共 ${supervised.total} 件${supervised.total > supervised.items.length ? `，列出前 ${supervised.items.length} 件` : ''}。`,
    columns: [col('number', '编号'), col('title', '标题'), col('unit', '承办单位'), col('supervise', '督办', 'count'), col('urge', '催办', 'count'), col('status', '当前状态')],
    rows: supervised.items.map((r) => ({ number: r.number, title: names.title(r), unit: names.unit(r.leadUnitId), supervise: r.counts.supervise ?? 0, urge: r.counts.urge ?? 0, status: names.status(r.status) })),
  };
  const complained = distributionSection({
    key: 'complainedUnits', title: '被投诉较多的机关', label: '被投诉单位', current: accused, previous: prevAccused, name: names.unit, limit: 10,
    note: '按信访事项所指向（被投诉、举报）的单位汇总，只列数字：举报材料不得转交被举报单位（信访工作条例第三十条）。',
  });
  const topAccused = complained.rows[0];
  const topCategory = [...categories].sort((a, b) => b[1] - a[1])[0];
  return [
    summary,
    distributionSection({ key: 'channels', title: '信访形式（渠道）', label: '渠道', current: channels, previous: prevChannels, name: (k) => CHANNEL_LABELS[k as Channel] ?? k }),
    distributionSection({ key: 'kinds', title: '信访事项类型', label: '类型', current: kinds, previous: prevKinds, name: (k) => KIND_LABELS[k as AppealKind] ?? k }),
    distributionSection({ key: 'areas', title: '信访事项涉及区域', label: '区域', current: byStreet(areas), previous: byStreet(prevAreas), name: names.area, limit: 10 }),
    distributionSection({ key: 'categories', title: '信访事项涉及领域', label: '领域', current: categories, previous: prevCategories, name: names.category, limit: 10 }),
    complained,
    transfers,
    resultSection,
    supervision,
    suggestionSection(staffSuggestions, {
      topAccused: topAccused ? { name: String(topAccused.name), count: Number(topAccused.count) } : null,
      topCategory: topCategory ? { name: names.category(topCategory[0]), count: topCategory[1] } : null,
      supervised: events.get('supervise') ?? 0,
      reviews: (events.get('request_review') ?? 0) + (events.get('request_rereview') ?? 0),
    }),
  ];
}
