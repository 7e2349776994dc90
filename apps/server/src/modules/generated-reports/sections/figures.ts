import { INDICATORS, rateOf } from '@minsheng/domain';
import type { FigureRow } from '@minsheng/db';
import { col } from '../report-body';
import type { Cell, ReportSection } from '../report-body';

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** A count against the previous period: the difference and the relative change (null when there was nothing before). */
export function countRow(metric: string, current: number, previous: number): Record<string, Cell> {
  return { metric, current, previous, change: current - previous, changeRate: previous > 0 ? round4((current - previous) / previous) : null };
}

/** 总体情况: counts of the period against the previous one. */
export function summarySection(key: string, title: string, rows: Record<string, Cell>[], note?: string): ReportSection {
  return {
    key, title, ...(note ? { note } : {}), rows,
    columns: [col('metric', '指标'), col('current', '本期', 'count'), col('previous', '上期', 'count'), col('change', '增减', 'delta'), col('changeRate', '增减幅度', 'rate')],
  };
}

/** The jurisdiction's total of every indicator (rows of any grouping that counts each member once). */
function totals(rows: readonly FigureRow[]) {
  const out = new Map<string, { numerator: number; denominator: number }>();
  for (const r of rows) {
    const t = out.get(r.indicator) ?? { numerator: 0, denominator: 0 };
    out.set(r.indicator, { numerator: round4(t.numerator + r.numerator), denominator: t.denominator + r.denominator });
  }
  return out;
}

/** 考核指标: every indicator of DOMAIN.md §7 (三率 first in dictionary order) for the period and the previous one. */
export function indicatorSection(current: readonly FigureRow[], previous: readonly FigureRow[]): ReportSection {
  const cur = totals(current);
  const prev = totals(previous);
  const rows = INDICATORS.map((d) => {
    const c = cur.get(d.code) ?? { numerator: 0, denominator: 0 };
    const p = prev.get(d.code) ?? { numerator: 0, denominator: 0 };
    const rc = rateOf(c);
    const rp = rateOf(p);
    return {
      indicator: d.zh, better: d.better === 'higher' ? '越高越好' : '越低越好', numerator: c.numerator, denominator: c.denominator,
      rate: rc === null ? null : round4(rc), previousRate: rp === null ? null : round4(rp), change: rc === null || rp === null ? null : round4(rc - rp),
    };
  });
  return {
    key: 'indicators', title: '考核指标', rows,
    note: '热线工单；各指标的分子、分母定义见“考核指标”页；分母含本期时限届满仍未办结的诉求；满意率分子为满意度加权和。',
    columns: [col('indicator', '指标'), col('better', '方向'), col('numerator', '分子', 'count'), col('denominator', '分母', 'count'),
      col('rate', '本期', 'rate'), col('previousRate', '上期', 'rate'), col('change', '变化', 'points')],
  };
}

/** A distribution (渠道, 分类, 区域 …): the top `limit` values by count, with their share and the previous count. */
export function distributionSection(o: {
  key: string; title: string; label: string; current: Map<string, number>; previous: Map<string, number>; name: (key: string) => string; limit?: number; note?: string;
}): ReportSection {
  const total = [...o.current.values()].reduce((s, n) => s + n, 0);
  const ranked = [...o.current].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = o.limit ? ranked.slice(0, o.limit) : ranked;
  return {
    key: o.key, title: o.title, ...(o.note ? { note: o.note } : {}),
    columns: [col('rank', '序号', 'count'), col('name', o.label), col('count', '本期', 'count'), col('share', '占比', 'rate'), col('previous', '上期', 'count'), col('change', '增减', 'delta')],
    rows: shown.map(([k, n], i) => {
      const p = o.previous.get(k) ?? 0;
      return { rank: i + 1, name: o.name(k), count: n, share: total > 0 ? round4(n / total) : null, previous: p, change: n - p };
    }),
  };
}

/** Area codes counted per street (9 digits): a community's few appeals are too sparse to rank. */
export function byStreet(counts: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, n] of counts) {
    const street = code.length > 9 ? code.slice(0, 9) : code;
    out.set(street, (out.get(street) ?? 0) + n);
  }
  return out;
}
