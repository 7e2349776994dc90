import { INDICATORS, rateOf } from '@minsheng/domain';
import type { Period } from '@minsheng/domain';
import type { FigureRow, MemberRow } from '@minsheng/db';

export function presentPeriod(p: Period) {
  return { kind: p.kind, from: p.from.toISOString(), to: p.to.toISOString(), firstDay: p.firstDay, lastDay: p.lastDay };
}

/** Figures per group, every indicator in dictionary order (a figure with nothing counted has rate null). */
export function presentFigures(period: Period, groupBy: string, rows: readonly FigureRow[]) {
  const groups = [...new Set(rows.map((r) => r.groupKey))].sort();
  const figure = (group: string | null, code: string) => {
    const hits = rows.filter((r) => r.indicator === code && (group === null || r.groupKey === group));
    const numerator = Math.round(hits.reduce((s, r) => s + r.numerator, 0) * 10_000) / 10_000;
    const denominator = hits.reduce((s, r) => s + r.denominator, 0);
    return { indicator: code, numerator, denominator, rate: rateOf({ numerator, denominator }) };
  };
  return {
    period: presentPeriod(period),
    groupBy,
    indicators: INDICATORS.map((d) => ({ code: d.code, zh: d.zh, en: d.en, better: d.better, numerator: d.numerator, denominator: d.denominator })),
    groups: groups.map((key) => ({ key, figures: INDICATORS.map((d) => figure(key, d.code)) })),
  };
}

/** The appeals behind a figure: ids, numbers and titles only (no personal data). */
export function presentMembers(period: Period, page: { total: number; items: readonly MemberRow[] }, limit: number, offset: number, next: string | null) {
  return {
    period: presentPeriod(period), total: page.total, limit, offset, next,
    items: page.items.map((m) => ({ appealId: m.appealId, number: m.number, title: m.title, unitId: m.unitId, at: m.at.toISOString(), numerator: m.numerator })),
  };
}
