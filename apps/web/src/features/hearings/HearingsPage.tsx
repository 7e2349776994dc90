import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { HearingDrawer } from './HearingDrawer';
import { hearingsApi } from './hearings-api';
import type { Hearing } from './hearings-api';
import { M } from './messages';

interface CreateForm { title: string; topic: string; place: string; scheduledAt: Dayjs; minNoticeDays: number; notice?: string }
export const STATUS_COLOR: Record<string, string> = { draft: 'default', announced: 'blue', held: 'gold', concluded: 'green', cancelled: 'red' };

/** 听证会: the hearings of the user's units; organisers draft, announce, record, conclude and publish them. */
export default function HearingsPage() {
  const m = useMessages(M);
  const { hasRole } = useAuth();
  const list = useApi((s) => hearingsApi.list(s), []);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [form] = Form.useForm<CreateForm>();
  const open = list.data?.items.find((h) => h.id === openId) ?? null;

  async function create(v: CreateForm) {
    const h = await hearingsApi.create({ title: v.title.trim(), topic: v.topic.trim(), place: v.place.trim(), scheduledAt: v.scheduledAt.toISOString(), minNoticeDays: v.minNoticeDays, notice: v.notice?.trim() ?? '' });
    setOpenId(h.id);
    return m('saved');
  }
  return (
    <>
      <PageTitle title={m('title')} extra={hasRole('admin', 'supervisor', 'leader', 'unit_leader') ? <Button type="primary" onClick={() => setCreating(true)}>{m('create')}</Button> : null} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<Hearing> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 10 }} scroll={{ x: 900 }} data-testid="hearings-table"
        onRow={(h) => ({ onClick: () => setOpenId(h.id), style: { cursor: 'pointer' } })} columns={[
          { title: m('hearingTitle'), dataIndex: 'title', render: (t: string) => <span className="ms-wrap">{t}</span> },
          { title: m('organiser'), dataIndex: 'organiserName', width: 170, ellipsis: true },
          { title: m('scheduledAt'), dataIndex: 'scheduledAt', width: 150, render: (t: string) => formatTime(t) },
          { title: m('status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{m(s as 'draft')}</Tag> },
          { title: m('published'), dataIndex: 'published', width: 100, render: (p: boolean) => (p ? <Tag color="green">{m('onPortal')}</Tag> : <Tag>{m('offPortal')}</Tag>) },
          { title: '', width: 80, render: (_, h) => <Button size="small" onClick={(e) => { e.stopPropagation(); setOpenId(h.id); }}>{m('details')}</Button> },
        ]} />
      {open ? <HearingDrawer hearing={open} onClose={() => setOpenId(null)} onChanged={list.reload} /> : null}
      <FormModal<CreateForm> open={creating} title={m('create')} form={form} initialValues={{ minNoticeDays: 10, scheduledAt: dayjs().add(15, 'day').hour(9).minute(0).second(0) }} submit={create} done={list.reload} onClose={() => setCreating(false)} width={640}>
        <Form.Item name="title" label={m('hearingTitle')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('hearingTitle') }) }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="topic" label={m('topic')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('topic') }) }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="place" label={m('place')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('place') }) }]}><Input maxLength={100} /></Form.Item>
        <Space size="large">
          <Form.Item name="scheduledAt" label={m('scheduledAt')} rules={[{ required: true, message: m('required', { field: m('scheduledAt') }) }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
          <Form.Item name="minNoticeDays" label={m('minNoticeDays')}><InputNumber min={0} max={90} /></Form.Item>
        </Space>
        <Form.Item name="notice" label={m('notice')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      </FormModal>
    </>
  );
}
