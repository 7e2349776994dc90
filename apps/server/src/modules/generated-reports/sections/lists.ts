import type { listOverdueClocks, rankAppealsByEvents } from '@minsheng/db';
import type { computeAssessment } from '../../indicators/use-cases/assess-month';
import type { hotTopics } from '../../text/use-cases/hot-topics';
import { col } from '../report-body';
import type { ReportSection } from '../report-body';
import type { ReportNames } from '../report-names';

const CLOCK_LABELS: Record<string, string> = { sign_for: '签收时限', handling: '办理时限' };
const HOURS = 3_600_000;
const listNote = (total: number, shown: number, what: string) => (total > shown ? `共 ${total} ${what}，列出前 ${shown} 条。` : `共 ${total} ${what}。`);

/** 超期工单: clocks that ran past due in the period, most overdue first. */
export function overdueSection(page: Awaited<ReturnType<typeof listOverdueClocks>>, names: ReportNames, asOf: Date): ReportSection {
  return {
    key: 'overdue', title: '超期工单', note: `本期到期而未按时签收或办结的时限（含仍在办理的诉求）。${listNote(page.total, page.items.length, '个时限')}`,
    columns: [col('number', '工单编号'), col('title', '标题'), col('unit', '承办单位'), col('clock', '时限'), col('dueAt', '截止时间'),
      col('state', '情况'), col('overdueHours', '超时（小时）', 'count')],
    rows: page.items.map((r) => ({
      number: r.number, title: names.title(r), unit: names.unit(r.leadUnitId), clock: CLOCK_LABELS[r.clock] ?? r.clock, dueAt: names.time(r.dueAt),
      state: r.stoppedAt ? '逾期完成' : `未完成（${names.status(r.status)}）`,
      overdueHours: Math.floor(((r.stoppedAt ?? asOf).getTime() - r.dueAt.getTime()) / HOURS),
    })),
  };
}

/** 重办工单: appeals sent back for redo in the period. */
export function redoSection(page: Awaited<ReturnType<typeof rankAppealsByEvents>>, names: ReportNames): ReportSection {
  return {
    key: 'redo', title: '重办工单', note: `本期被退回重办的诉求。${listNote(page.total, page.items.length, '件')}`,
    columns: [col('number', '工单编号'), col('title', '标题'), col('category', '诉求分类'), col('unit', '承办单位'), col('redo', '本期重办次数', 'count'), col('status', '当前状态')],
    rows: page.items.map((r) => ({ number: r.number, title: names.title(r), category: names.category(r.categoryId), unit: names.unit(r.leadUnitId), redo: r.counts.redo ?? 0, status: names.status(r.status) })),
  };
}

/** How a typical case is picked: events in the period weighted (重办 3, 督办 2, 提级 2, 催办 1). */
export const TYPICAL_CASE_WEIGHTS = { redo: 3, supervise: 2, escalate: 2, urge: 1 } as const;
const REASON_WORDS: Record<string, string> = { redo: '重办', supervise: '督办', escalate: '提级', urge: '催办' };

/** 典型案例: the appeals that needed most follow-up in the period (see TYPICAL_CASE_WEIGHTS), with why each was picked. */
export function typicalCasesSection(page: Awaited<ReturnType<typeof rankAppealsByEvents>>, names: ReportNames): ReportSection {
  return {
    key: 'typicalCases', title: '典型案例',
    note: '按本期重办（3 分）、督办（2 分）、提级（2 分）、催办（1 分）加权选出跟进最多的诉求，供会商分析；不含诉求人信息。',
    columns: [col('rank', '序号', 'count'), col('number', '工单编号'), col('title', '标题'), col('category', '诉求分类'), col('unit', '承办单位'),
      col('reason', '入选理由'), col('score', '分值', 'count'), col('status', '当前状态')],
    rows: page.items.map((r, i) => ({
      rank: i + 1, number: r.number, title: names.title(r), category: names.category(r.categoryId), unit: names.unit(r.leadUnitId),
      reason: Object.entries(r.counts).filter(([, n]) => n > 0).map(([a, n]) => `${REASON_WORDS[a] ?? a}${n}次`).join('、'), score: r.score, status: names.status(r.status),
    })),
  };
}

/** 单位排名: the assessment of the period by tier (units without any figure are left out). */
export function rankingSection(result: Awaited<ReturnType<typeof computeAssessment>>): ReportSection {
  const rows = result.tiers.flatMap((t) => t.units.filter((u) => u.score !== null).map((u) => ({
    tier: t.zh, rank: u.rank, unit: u.unitName, response: u.rates.response, resolution: u.rates.resolution, satisfaction: u.rates.satisfaction,
    composite: u.composite, deduction: u.deductions.total, score: u.score, list: t.red.includes(u.unitId) ? '红榜' : t.black.includes(u.unitId) ? '黑榜' : '',
  })));
  const w = result.assessment.compositeWeights;
  return {
    key: 'ranking', title: '单位排名', rows,
    note: `分档分类排名；综合分 = 响应率×${w.response} + 解决率×${w.resolution} + 满意率×${w.satisfaction}（按有数据的指标归一），减去超期与重办扣分。本期无数据的单位不列出。`,
    columns: [col('tier', '档次'), col('rank', '名次', 'count'), col('unit', '单位'), col('response', '响应率', 'rate'), col('resolution', '解决率', 'rate'),
      col('satisfaction', '满意率', 'rate'), col('composite', '综合分', 'count'), col('deduction', '扣分', 'count'), col('score', '得分', 'count'), col('list', '红黑榜')],
  };
}

/** 热点话题: topics of the period's appeals (text module), with their growth against the previous period. */
export function hotTopicSection(result: Awaited<ReturnType<typeof hotTopics>>, limit = 10): ReportSection {
  return {
    key: 'hotTopics', title: '热点话题',
    note: `由本期 ${result.appeals} 件诉求的文本聚类得出${result.truncated ? `（仅取最新 ${result.limit} 件）` : ''}；代表诉求标题已脱敏。`,
    columns: [col('rank', '序号', 'count'), col('label', '话题'), col('terms', '关键词'), col('size', '本期件数', 'count'), col('previousSize', '上期件数', 'count'),
      col('growth', '增幅', 'rate'), col('representative', '代表诉求'), col('areas', '主要区域'), col('units', '主要单位')],
    rows: result.topics.slice(0, limit).map((t, i) => ({
      rank: i + 1, label: t.label, terms: t.terms.slice(0, 5).join('、'), size: t.size, previousSize: t.previousSize, growth: t.growth === null ? null : Math.round(t.growth * 10_000) / 10_000,
      representative: `${t.representative.number ?? ''} ${t.representative.title}`.trim(),
      areas: t.areas.slice(0, 3).map((a) => `${a.name ?? a.areaCode}（${a.count}）`).join('、'),
      units: t.units.slice(0, 3).map((u) => `${u.name ?? u.unitId}（${u.count}）`).join('、'),
    })),
  };
}
