import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Flex, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { TERMINAL_STATUSES, APPEAL_STATUSES } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EChart } from '../../components/EChart';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';

interface Counts { todayIntake: number; open: number; overdue: number; dueSoon: number; closedToday: number }
export interface Dashboard {
  generatedAt: string; today: string; days: number; soonHours: number; totals: Counts;
  byUnit: (Counts & { unitId: string })[]; trend: { date: string; intake: number; closed: number }[];
  byStatus: { status: string; count: number }[]; byChannel: { channel: string; count: number }[];
}

const M = defineMessages({
  zh: {
    title: '数据看板', todayIntake: '今日受理', open: '在办', overdue: '超期', dueSoon: '{h}小时内到期', closedToday: '今日办结', trend: '近{n}日受理与办结',
    intake: '受理', closed: '办结', byUnit: '各单位在办情况', unit: '单位', byStatus: '在办诉求状态', byChannel: '近{n}日受理渠道', updated: '数据时间 {at}',
    days: '{n}天', unitHint: '按当前主办单位统计（未派单的按受理单位）；点击单位查看其在办诉求',
  },
  en: {
    title: 'Dashboard', todayIntake: 'Registered today', open: 'Open', overdue: 'Overdue', dueSoon: 'Due within {h} h', closedToday: 'Closed today', trend: 'Intake and closures, last {n} days',
    intake: 'Registered', closed: 'Closed', byUnit: 'Open appeals by unit', unit: 'Unit', byStatus: 'Open appeals by status', byChannel: 'Intake by channel, last {n} days', updated: 'As of {at}',
    days: '{n} days', unitHint: 'By current lead unit (receiving unit before dispatch); click a unit to list its open appeals',
  },
});

const OPEN_STATUSES = APPEAL_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s)).join(',');

/** 今日概况: figures from GET /api/reports/dashboard (computed in SQL over the user's units), drawn with echarts; the overdue lights by unit. */
export function OverviewTab() {
  const { label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const navigate = useNavigate();
  const [days, setDays] = useState(30);
  const data = useApi((signal) => api.get<Dashboard>('/api/reports/dashboard', { days }, signal), [days]);
  const d = data.data;

  const trend = useMemo(() => d && {
    tooltip: { trigger: 'axis' }, legend: { data: [m('intake'), m('closed')] }, grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: d.trend.map((p) => p.date.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: m('intake'), type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: d.trend.map((p) => p.intake), color: '#b91c1c' },
      { name: m('closed'), type: 'line', smooth: true, data: d.trend.map((p) => p.closed), color: '#16a34a' },
    ],
  }, [d, m]);
  const topUnits = useMemo(() => (d ? d.byUnit.filter((u) => u.open > 0).slice(0, 12).reverse() : []), [d]);
  const units = useMemo(() => topUnits.length ? {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { data: [m('open'), m('overdue')] }, grid: { left: 150, right: 24, top: 32, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: topUnits.map((u) => ref.unitName(u.unitId)), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      { name: m('open'), type: 'bar', data: topUnits.map((u) => u.open), color: '#60a5fa' },
      { name: m('overdue'), type: 'bar', data: topUnits.map((u) => u.overdue), color: '#dc2626' },
    ],
  } : null, [topUnits, ref, m]);
  const pie = (rows: { name: string; value: number }[]) => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' }, legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
    series: [{ type: 'pie', radius: ['40%', '70%'], center: ['35%', '50%'], label: { show: false }, data: rows }],
  });
  const status = useMemo(() => d && pie(d.byStatus.map((s) => ({ name: label('status', s.status), value: s.count }))), [d, label]);
  const channel = useMemo(() => d && pie(d.byChannel.map((s) => ({ name: label('channel', s.channel), value: s.count }))), [d, label]);

  const columns: TableColumnsType<Dashboard['byUnit'][number]> = [
    { title: m('unit'), dataIndex: 'unitId', ellipsis: true, render: (id: string) => <Link to={`/appeals?unitId=${id}&status=${OPEN_STATUSES}`}>{ref.unitName(id)}</Link> },
    { title: m('open'), dataIndex: 'open', width: 80, sorter: (a, b) => a.open - b.open, defaultSortOrder: 'descend' },
    { title: m('overdue'), dataIndex: 'overdue', width: 80, sorter: (a, b) => a.overdue - b.overdue, render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text> },
    { title: m('dueSoon', { h: d?.soonHours ?? 24 }), dataIndex: 'dueSoon', width: 110, sorter: (a, b) => a.dueSoon - b.dueSoon },
    { title: m('todayIntake'), dataIndex: 'todayIntake', width: 90, sorter: (a, b) => a.todayIntake - b.todayIntake },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{d ? m('updated', { at: formatTime(d.generatedAt) }) : null}</Typography.Text>
        <Segmented value={days} onChange={(v) => setDays(Number(v))} options={[7, 30, 90].map((n) => ({ value: n, label: m('days', { n }) }))} />
      </Flex>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {!d ? (data.error ? null : <Skeleton active />) : (
        <>
        <Row gutter={[16, 16]} wrap={false} style={{ marginBottom: 16 }}>
          {([
            ['todayIntake', d.totals.todayIntake, undefined, ''],
            ['open', d.totals.open, undefined, `status=${OPEN_STATUSES}`],
            ['overdue', d.totals.overdue, '#dc2626', `status=${OPEN_STATUSES}&overdue=true`],
            ['dueSoon', d.totals.dueSoon, '#d97706', ''],
            ['closedToday', d.totals.closedToday, '#16a34a', ''],
          ] as const).map(([k, v, color, link]) => (
            <Col key={k} flex="1 1 0" style={{ minWidth: 0 }}>
              <Card size="small" hoverable={!!link} onClick={link ? () => navigate(`/appeals?${link}`) : undefined}>
                <Statistic title={m(k, { h: d.soonHours })} value={v} valueStyle={color ? { color } : undefined} />
              </Card>
            </Col>
          ))}
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}><Card size="small" title={m('trend', { n: d.days })}>{trend ? <EChart option={trend} height={280} /> : null}</Card></Col>
          <Col xs={24} xl={10}><Card size="small" title={m('byStatus')}>{status ? <EChart option={status} height={280} /> : null}</Card></Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={m('byUnit')}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('unitHint')}</Typography.Text>
              {units ? <EChart option={units} height={340} /> : null}
              <Table rowKey="unitId" size="small" columns={columns} dataSource={d.byUnit} pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }} />
            </Card>
          </Col>
          <Col xs={24} xl={10}><Card size="small" title={m('byChannel', { n: d.days })}>{channel ? <EChart option={channel} height={300} /> : null}</Card></Col>
        </Row>
        </>
      )}
    </>
  );
}
