import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Query } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../components/time';
import { defineMessages, useMessages } from '../../i18n';
import { useAdminError } from './admin-rows';

const M = defineMessages({
  zh: {
    intro: '每一次查看脱敏个人信息（诉求人姓名、电话、身份证号、地址）和打开附件都会记入审计。此处只显示查看了哪些项目，不显示内容。',
    period: '时间范围', user: '工作人员', anyUser: '全部人员', number: '诉求编号', kind: '查看内容', anyKind: '全部内容',
    search: '查询', exportCsv: '导出 CSV', at: '查看时间', appeal: '诉求', fields: '查看内容', reason: '事由', empty: '没有符合条件的查看记录',
    name: '姓名', phone: '电话', id_number: '身份证号', address: '地址', attachment: '附件', total: '共 {n} 条',
  },
  en: {
    intro: 'Every view of masked personal data (the citizen\'s name, phone, ID number, address) and every opened attachment is audited. Shown here is what was viewed, never the values.',
    period: 'Period', user: 'Staff member', anyUser: 'Anyone', number: 'Appeal number', kind: 'Viewed', anyKind: 'Anything',
    search: 'Search', exportCsv: 'Export CSV', at: 'Viewed at', appeal: 'Appeal', fields: 'Viewed', reason: 'Reason', empty: 'No views match',
    name: 'Name', phone: 'Phone', id_number: 'ID number', address: 'Address', attachment: 'Attachment', total: '{n} in all',
  },
});

const KINDS = ['name', 'phone', 'id_number', 'address', 'attachment'] as const;
type Kind = (typeof KINDS)[number];

interface Reveal {
  id: string; at: string; user: { id: string; username: string | null; displayName: string | null } | null;
  appeal: { id: string; number: string | null }; kind: 'citizen' | 'attachment'; fields: Kind[]; reason: string | null;
}
interface Filters { period?: [Dayjs, Dayjs] | null; userId?: string; appealNumber?: string; kind?: Kind }

/** 查看记录审计 (GET /api/admin/audit/reveals): who viewed which appeal's personal data, when and why. */
export default function RevealAuditAdmin() {
  const m = useMessages(M);
  const showError = useAdminError();
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const users = useApi((signal) => api.get<{ items: { id: string; username: string; displayName: string }[] }>('/api/admin/users', undefined, signal), []);
  const reveals = useApi((signal) => api.get<{ items: Reveal[]; total: number }>('/api/admin/audit/reveals', { ...query, page: page.page, pageSize: page.pageSize }, signal), [query, page]);

  function search(v: Filters) {
    // Whole local days: from the first day's start to the end of the last.
    setQuery({
      from: v.period?.[0]?.startOf('day').toISOString(), to: v.period?.[1]?.add(1, 'day').startOf('day').toISOString(),
      userId: v.userId, appealNumber: v.appealNumber?.trim() || undefined, kind: v.kind,
    });
    setPage((p) => ({ ...p, page: 1 }));
  }

  async function exportCsv() {
    try { await api.download('/api/admin/audit/reveals.csv', query, 'reveal-audit.csv'); } catch (err) { showError(err); }
  }

  const columns: TableColumnsType<Reveal> = [
    { title: m('at'), dataIndex: 'at', width: 150, render: formatTime },
    { title: m('user'), key: 'user', width: 160, render: (_: unknown, r: Reveal) => (r.user ? `${r.user.displayName ?? ''}（${r.user.username ?? ''}）` : '—') },
    { title: m('appeal'), key: 'appeal', width: 190, render: (_: unknown, r: Reveal) => <Link to={`/appeals/${r.appeal.id}`}>{r.appeal.number ?? r.appeal.id}</Link> },
    { title: m('fields'), dataIndex: 'fields', render: (f: Kind[]) => f.map((k) => <Tag key={k} color={k === 'attachment' ? 'blue' : 'orange'}>{m(k)}</Tag>) },
    { title: m('reason'), dataIndex: 'reason', render: (x: string | null) => x ?? '—' },
  ];

  return (
    <Card>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{m('intro')}</Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={search} data-testid="reveal-audit-filters" style={{ rowGap: 8 }}>
          <Form.Item name="period" label={m('period')}><DatePicker.RangePicker allowEmpty={[true, true]} /></Form.Item>
          <Form.Item name="userId" label={m('user')}>
            <Select allowClear showSearch optionFilterProp="label" placeholder={m('anyUser')} style={{ width: 180 }} loading={users.loading}
              options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))} />
          </Form.Item>
          <Form.Item name="appealNumber" label={m('number')}><Input allowClear maxLength={40} style={{ width: 190 }} /></Form.Item>
          <Form.Item name="kind" label={m('kind')}>
            <Select allowClear placeholder={m('anyKind')} style={{ width: 130 }} options={KINDS.map((k) => ({ value: k, label: m(k) }))} />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{m('search')}</Button></Form.Item>
          <Form.Item><Button icon={<DownloadOutlined />} onClick={exportCsv}>{m('exportCsv')}</Button></Form.Item>
        </Form>
        {reveals.error ? <ErrorAlert error={reveals.error} onRetry={reveals.reload} /> : (
          <Table rowKey="id" size="small" loading={reveals.loading} columns={columns} dataSource={reveals.data?.items ?? []} locale={{ emptyText: m('empty') }}
            data-testid="reveal-audit-table"
            pagination={{ current: page.page, pageSize: page.pageSize, total: reveals.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100],
              showTotal: (n) => m('total', { n }), onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }) }} />
        )}
      </Flex>
    </Card>
  );
}
