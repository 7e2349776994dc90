import { useMemo, useState } from 'react';
import { Card, Segmented, Skeleton, Typography } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EChart } from '../../components/EChart';
import { useI18n, useMessages } from '../../i18n';
import { M } from './messages';
import type { TrendBucket, VolumeTrend } from './types';

/** 分渠道受理量趋势: appeals registered per day, week or month, stacked by channel (GET /api/reports/volume-trend). */
export function ChannelTrendChart() {
  const m = useMessages(M);
  const { label } = useI18n();
  const [bucket, setBucket] = useState<TrendBucket>('day');
  const data = useApi((signal) => api.get<VolumeTrend>('/api/reports/volume-trend', { bucket }, signal), [bucket]);
  const d = data.data;

  const option = useMemo(() => d && {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', top: 0, data: d.channels.map((c) => label('channel', c.channel)) },
    grid: { left: 44, right: 16, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      data: d.buckets.map((b) => (d.bucket === 'day' ? b.key.slice(5) : d.bucket === 'week' ? b.firstDay.slice(5) : b.key)),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: d.channels.map((c) => ({ name: label('channel', c.channel), type: 'bar', stack: 'total', barMaxWidth: 28, emphasis: { focus: 'series' }, data: c.counts })),
  }, [d, label]);

  return (
    <Card size="small" title={m('trendTitle')} extra={(
      <Segmented size="small" value={bucket} onChange={(v) => setBucket(v as TrendBucket)}
        options={[{ value: 'day', label: m('byDay') }, { value: 'week', label: m('byWeek') }, { value: 'month', label: m('byMonth') }]} />
    )}>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {!d ? (data.error ? null : <Skeleton active />) : (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m('periodOf', { from: d.period.firstDay, to: d.period.lastDay })} · {m('total', { n: d.total })}
          </Typography.Text>
          {option ? <EChart option={option} height={300} /> : null}
        </>
      )}
    </Card>
  );
}
