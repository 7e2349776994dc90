import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { proxyApi } from './proxy-api';
import type { ProxyItem, ProxyLevel } from './proxy-api';

interface ItemForm { code: string; name: string; level: ProxyLevel; promisedDays: number; procedure: string; materials?: string; fee?: string }
const lines = (s: string | undefined) => (s ?? '').split('\n').map((x) => x.trim()).filter(Boolean);

/** 事项目录: items with procedure, materials and promised working days, by level; the admin adds and retires them. */
export function CatalogueTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const { hasRole } = useAuth();
  const admin = hasRole('admin');
  const items = useApi((s) => proxyApi.items(s), []);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ItemForm>();
  async function save(v: ItemForm) {
    await proxyApi.createItem({ code: v.code.trim(), name: v.name.trim(), level: v.level, promisedDays: v.promisedDays, procedure: lines(v.procedure), materials: lines(v.materials), fee: v.fee?.trim() ?? '' });
    return m('saved');
  }
  async function toggle(i: ProxyItem, active: boolean) {
    try { await proxyApi.setItemActive(i.id, active); items.reload(); } catch (e) { notify.error(e); }
  }
  const required = (field: string) => [{ required: true, whitespace: true, message: m('required', { field }) }];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {admin ? <Button type="primary" onClick={() => setAdding(true)}>{m('addItem')}</Button> : null}
      {items.error ? <ErrorAlert error={items.error} onRetry={items.reload} /> : null}
      <Table<ProxyItem> size="small" rowKey="id" loading={items.loading} dataSource={items.data?.items ?? []} pagination={{ pageSize: 20 }} scroll={{ x: 900 }} data-testid="proxy-catalogue" columns={[
        { title: m('code'), dataIndex: 'code', width: 80 },
        { title: m('name'), dataIndex: 'name', render: (n: string) => <span className="ms-wrap">{n}</span> },
        { title: m('level'), dataIndex: 'level', width: 90, render: (l: ProxyLevel) => <Tag>{m(l)}</Tag> },
        { title: m('unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
        { title: m('promised'), dataIndex: 'promisedDays', width: 120, render: (n: number) => m('days', { n }) },
        { title: m('materials'), dataIndex: 'materials', render: (xs: string[]) => <span className="ms-wrap">{xs.join('、')}</span> },
        { title: m('active'), dataIndex: 'active', width: 80, render: (a: boolean, i) => (admin ? <Switch size="small" checked={a} onChange={(v) => void toggle(i, v)} /> : a ? '✓' : '—') },
      ]} />
      <FormModal<ItemForm> open={adding} title={m('addItem')} form={form} initialValues={{ level: 'community', promisedDays: 5 }} submit={save} done={items.reload} onClose={() => setAdding(false)} width={620}>
        <Space>
          <Form.Item name="code" label={m('code')} rules={required(m('code'))}><Input maxLength={20} style={{ width: 120 }} /></Form.Item>
          <Form.Item name="level" label={m('level')}><Select style={{ width: 140 }} options={(['district', 'street', 'community'] as const).map((l) => ({ value: l, label: m(l) }))} /></Form.Item>
          <Form.Item name="promisedDays" label={m('promised')}><InputNumber min={1} max={90} addonAfter={m('days', { n: '' }).trim()} /></Form.Item>
        </Space>
        <Form.Item name="name" label={m('name')} rules={required(m('name'))}><Input maxLength={100} /></Form.Item>
        <Form.Item name="procedure" label={m('procedure')} rules={required(m('procedure'))}><Input.TextArea rows={4} /></Form.Item>
        <Form.Item name="materials" label={m('materials')}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="fee" label={m('fee')}><Input maxLength={100} /></Form.Item>
      </FormModal>
    </Space>
  );
}
