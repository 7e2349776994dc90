import { useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PageTitle } from '../../components/PageTitle';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { GenerateForm } from './GenerateForm';
import { M } from './messages';
import { ReportView } from './ReportView';
import type { ReportHead } from './types';

const KIND_COLORS = { weekly: 'blue', monthly: 'purple', petition: 'orange' } as const;

/** 分析报告: the generated weekly, monthly and petition reports; generate one, open it, download it, print it. */
export default function ReportsPage() {
  const m = useMessages(M);
  const notify = useNotify();
  const list = useApi((signal) => api.get<{ items: ReportHead[] }>('/api/reports', undefined, signal), []);
  const [open, setOpen] = useState<string | null>(null);

  const columns: TableColumnsType<ReportHead> = [
    { title: m('reportTitle'), dataIndex: 'title', ellipsis: true, render: (t: string, r) => <Typography.Link onClick={() => setOpen(r.id)}>{t}</Typography.Link> },
    { title: m('kind'), dataIndex: 'kind', width: 130, render: (k: ReportHead['kind']) => <Tag color={KIND_COLORS[k]}>{m(k)}</Tag> },
    { title: m('periodCol'), dataIndex: 'period', width: 110 },
    { title: m('generatedAt'), dataIndex: 'generatedAt', width: 150, render: formatTime },
    { title: m('how'), dataIndex: 'scheduled', width: 100, render: (s: boolean) => (s ? m('scheduled') : m('manual')) },
    {
      key: 'actions', width: 250, render: (_: unknown, r) => (
        <Flex gap={4}>
          <Button size="small" onClick={() => setOpen(r.id)}>{m('open')}</Button>
          <Button size="small" onClick={() => { api.download(`/api/reports/${r.id}.xlsx`, undefined, 'report.xlsx').catch(notify.error); }}>{m('xlsx')}</Button>
          <Button size="small" onClick={() => { api.openInTab(`/api/reports/${r.id}/print`).catch(notify.error); }}>{m('print')}</Button>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={m('title')} sub={m('frozen')} />
      <Card size="small" title={m('generate')} style={{ marginBottom: 16 }}>
        <GenerateForm onGenerated={(r) => { list.reload(); setOpen(r.id); }} />
      </Card>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Card size="small" title={m('list')}>
        <Table<ReportHead> rowKey="id" size="small" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []}
          locale={{ emptyText: m('empty') }} pagination={{ pageSize: 20, size: 'small', showSizeChanger: false }} data-testid="reports-list" />
      </Card>
      {open ? <ReportView id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
