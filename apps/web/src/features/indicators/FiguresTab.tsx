import { useMemo, useState } from 'react';
import { Checkbox, DatePicker, Flex, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, useMessages } from '../../i18n';
import { FigureDrawer } from './FigureDrawer';
import type { DrawerTarget } from './FigureDrawer';
import { M } from './messages';
import { percent } from './types';
import type { FigureQuery, Figures, Grouping, PeriodKind } from './types';

const PERIODS: PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year', 'custom'];
const GROUPINGS: Grouping[] = ['unit', 'area', 'category', 'channel', 'kind'];
type Row = Figures['groups'][number];

/** The indicators of DOMAIN.md §7 per group for one period; each rate opens the appeals behind it. */
export function FiguresTab() {
  const m = useMessages(M);
  const { lang, label } = useI18n();
  const ref = useReference();
  const [query, setQuery] = useState<FigureQuery>({ period: 'month', from: dayjs().format('YYYY-MM-DD'), groupBy: 'unit', includeSubunits: false });
  const [target, setTarget] = useState<DrawerTarget | null>(null);
  const data = useApi((signal) => api.get<Figures>('/api/indicators', {
    period: query.period, from: query.from, to: query.period === 'custom' ? query.to : undefined, groupBy: query.groupBy, includeSubunits: String(query.includeSubunits),
  }, signal), [query]);

  const groupLabel = useMemo(() => (key: string) => {
    if (!key) return m('none');
    switch (query.groupBy) {
      case 'unit': return ref.unitName(key);
      case 'category': return ref.categoryName(key);
      case 'channel': return label('channel', key);
      case 'kind': return label('kind', key);
      default: return key;
    }
  }, [query.groupBy, ref, label, m]);

  const columns: TableColumnsType<Row> = [
    { title: m(query.groupBy), dataIndex: 'key', fixed: 'left', width: 180, ellipsis: true, render: (k: string) => groupLabel(k) },
    ...(data.data?.indicators ?? []).map((d, i) => ({
      key: d.code, width: 110, align: 'right' as const,
      title: <Tooltip title={`${d.numerator} ÷ ${d.denominator}`}>{lang === 'zh' ? d.zh : d.en}</Tooltip>,
      render: (_: unknown, r: Row) => {
        const f = r.figures[i]!;
        if (!f.denominator) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Tooltip title={`${f.numerator} / ${f.denominator}`}>
            <Typography.Link onClick={() => setTarget({ indicator: d.code, label: lang === 'zh' ? d.zh : d.en, group: r.key, groupLabel: groupLabel(r.key) })}>{percent(f.rate)}</Typography.Link>
          </Tooltip>
        );
      },
    })),
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select value={query.period} style={{ width: 110 }} aria-label={m('period')} onChange={(period) => setQuery({ ...query, period, to: period === 'custom' ? query.to ?? query.from : undefined })}
          options={PERIODS.map((p) => ({ value: p, label: m(p) }))} />
        {query.period === 'custom'
          ? <DatePicker.RangePicker allowClear={false} value={[dayjs(query.from), dayjs(query.to ?? query.from)]}
            onChange={(v) => { if (v?.[0] && v[1]) setQuery({ ...query, from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') }); }} />
          : <DatePicker allowClear={false} value={dayjs(query.from)} picker={query.period === 'day' ? 'date' : query.period === 'week' ? 'week' : query.period === 'month' ? 'month' : query.period === 'quarter' ? 'quarter' : 'year'}
            onChange={(v) => { if (v) setQuery({ ...query, from: v.format('YYYY-MM-DD') }); }} />}
        <Select value={query.groupBy} style={{ width: 110 }} aria-label={m('groupBy')} onChange={(groupBy) => setQuery({ ...query, groupBy })}
          options={GROUPINGS.map((g) => ({ value: g, label: m(g) }))} />
        {query.groupBy === 'unit' ? <Checkbox checked={query.includeSubunits} onChange={(e) => setQuery({ ...query, includeSubunits: e.target.checked })}>{m('includeSubunits')}</Checkbox> : null}
        {data.data ? <Typography.Text type="secondary">{m('rangeOf', { from: data.data.period.firstDay, to: data.data.period.lastDay })}</Typography.Text> : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{m('clickHint')}</Typography.Paragraph>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      <Table rowKey="key" size="small" loading={data.loading} dataSource={data.data?.groups ?? []} columns={columns} scroll={{ x: 180 + 110 * 11 }}
        pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }} />
      <FigureDrawer target={target} query={query} onClose={() => setTarget(null)} />
    </>
  );
}
