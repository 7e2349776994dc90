import { useEffect, useState } from 'react';
import { Card, Empty, Flex, Select, Table, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatTime } from '../components/time';
import { defineMessages, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { Stats, UnitFigures } from './portal-api';

const M = defineMessages({
  zh: {
    title: '每月通报', month: '月份', unit: '单位', received: '受理', replied: '答复', onTime: '按时办结率', satisfaction: '满意率', none: '尚未发布通报',
    published: '发布于 {at}；数据与工作平台统计口径一致。按时办结率 = 按时办结件数 ÷ 答复件数；满意率 = 满意（含非常满意、基本满意）件数 ÷ 回访评价件数。',
  },
  en: {
    title: 'Monthly figures', month: 'Month', unit: 'Unit', received: 'Received', replied: 'Answered', onTime: 'On time', satisfaction: 'Satisfaction', none: 'Nothing published yet',
    published: 'Published {at}; the same figures the staff console computes. On time = answered on time ÷ answered; satisfaction = satisfied (incl. very and basically) ÷ rated.',
  },
});

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 每月通报: each unit's received, answered, on-time and satisfaction figures for a published month. */
export default function StatsPage() {
  const m = useMessages(M);
  const [month, setMonth] = useState<string | undefined>();
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { setError(null); portalApi.stats(month).then(setStats, setError); }, [month]);

  return (
    <Card title={m('title')} extra={stats?.months.length ? (
      <Select aria-label={m('month')} style={{ width: 120 }} value={stats.month ?? undefined} onChange={setMonth} options={stats.months.map((x) => ({ value: x, label: x }))} />
    ) : null}>
      {error ? <ErrorAlert error={error} /> : !stats ? null : !stats.month ? <Empty description={m('none')} /> : (
        <Flex vertical gap={8}>
          <Table<UnitFigures> size="small" rowKey="unitId" pagination={false} dataSource={stats.units} scroll={{ x: 520 }} data-testid="portal-stats"
            columns={[
              { title: m('unit'), dataIndex: 'unitName', fixed: 'left', width: 150, render: (v: string) => <span className="portal-text">{v}</span> },
              { title: m('received'), dataIndex: 'received', align: 'right', sorter: (a, b) => a.received - b.received },
              { title: m('replied'), dataIndex: 'replied', align: 'right' },
              { title: m('onTime'), dataIndex: 'onTimeRate', align: 'right', render: pct, sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1) },
              { title: m('satisfaction'), dataIndex: 'satisfactionRate', align: 'right', render: pct, sorter: (a, b) => (a.satisfactionRate ?? -1) - (b.satisfactionRate ?? -1) },
            ]} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('published', { at: stats.publishedAt ? formatTime(stats.publishedAt) : '—' })}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
