import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Popconfirm, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { defineMessages, useMessages } from '../../i18n';
import { publishMonthlyBulletin } from './board-api';

interface UnitFigures {
  unitId: string; unitName: string; received: number; replied: number; onTime: number; overdueOpen: number; onTimeRate: number | null;
  rated: number; satisfied: number; satisfactionRate: number | null;
}

const M = defineMessages({
  zh: {
    title: '每月通报', month: '月份', unit: '单位', received: '受理量', replied: '答复量', onTime: '按时答复', overdueOpen: '超期未答复', onTimeRate: '按时率', rated: '评价数',
    satisfied: '满意数', satisfactionRate: '满意率', publish: '发布到门户', publishConfirm: '发布后该月数字在门户网站公开，且不再改变。',
    published: '已发布 {n} 个单位的数字', already: '该月已发布过，数字保持不变',
  },
  en: {
    title: 'Monthly bulletin', month: 'Month', unit: 'Unit', received: 'Received', replied: 'Replied', onTime: 'On time', overdueOpen: 'Overdue, open', onTimeRate: 'On-time rate', rated: 'Rated',
    satisfied: 'Satisfied', satisfactionRate: 'Satisfaction', publish: 'Publish on the portal', publishConfirm: 'Once published the month\'s figures are public and never change.',
    published: 'Published figures of {n} units', already: 'This month was published already; its figures stay as they were',
  },
});

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** 每月通报: the live figures per unit for a finished month (the same the portal will show) and the publish button. */
export function MonthlyBulletinPanel() {
  const m = useMessages(M);
  const notify = useNotify();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const key = month.format('YYYY-MM');
  const figures = useApi((signal) => api.get<{ units: UnitFigures[] }>('/api/monthly-figures', { month: key }, signal), [key]);
  const [busy, setBusy] = useState(false);
  async function publish() {
    setBusy(true);
    try {
      const r = await publishMonthlyBulletin(key);
      if (r.published) notify.success(m('published', { n: r.published })); else notify.warning(m('already'));
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  const columns: TableColumnsType<UnitFigures> = [
    { title: m('unit'), dataIndex: 'unitName' },
    ...(['received', 'replied', 'onTime', 'overdueOpen', 'rated', 'satisfied'] as const).map((k) => ({ title: m(k), dataIndex: k, width: 90, align: 'right' as const })),
    { title: m('onTimeRate'), dataIndex: 'onTimeRate', width: 100, align: 'right', render: percent },
    { title: m('satisfactionRate'), dataIndex: 'satisfactionRate', width: 100, align: 'right', render: percent },
  ];
  return (
    <Card size="small" title={m('title')} style={{ marginTop: 16 }}
      extra={<Flex gap={8}>
        <DatePicker picker="month" allowClear={false} value={month} onChange={(v) => { if (v) setMonth(v); }} disabledDate={(d) => !d.isBefore(dayjs().startOf('month'))} />
        <Popconfirm title={m('publishConfirm')} onConfirm={() => void publish()}><Button type="primary" loading={busy}>{m('publish')}</Button></Popconfirm>
      </Flex>}>
      {figures.error ? <ErrorAlert error={figures.error} onRetry={figures.reload} /> : null}
      <Table<UnitFigures> rowKey="unitId" size="small" columns={columns} dataSource={figures.data?.units ?? []} loading={figures.loading} pagination={false} scroll={{ x: 800 }} />
    </Card>
  );
}
