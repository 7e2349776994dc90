import { useState } from 'react';
import { Button, Card, Flex, Form, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DURATION_UNITS } from '@minsheng/contracts';
import type { DurationUnit } from '@minsheng/contracts';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

interface Duration { amount: number; unit: DurationUnit }
interface Policy { id: string; name: string; track: string; kind: string | null; urgency: string | null; categoryId: string | null; clocks: Record<string, Duration | undefined> }

/** Clock keys of a policy (packages/domain POLICY_CLOCK_KEYS); handling, redo and extensionMax are required. */
const CLOCK_KEYS = ['sign_for', 'first_contact', 'handling', 'redo', 'extensionMax', 'callback', 'triage', 'acceptance', 'review_window', 'review', 'co_opinion', 'feedback', 'handling_complex', 'supervision_reply'] as const;
const REQUIRED = new Set(['handling', 'redo', 'extensionMax']);

const M = defineMessages({
  zh: {
    name: '策略', applies: '适用', any: '全部', clocks: '时限', edit: '修改时限', hint: '已在计时的诉求保持原截止时间，新开始的计时使用新时限。留空表示该策略不设此计时。',
    redo: '重办', extensionMax: '最长延期', handling_complex: '办理（复杂建议）', supervision_reply: '督办回复', required: '必填',
  },
  en: {
    name: 'Policy', applies: 'Applies to', any: 'all', clocks: 'Clocks', edit: 'Edit clocks', hint: 'Running clocks keep their due times; new clocks use these. Leave empty: this policy sets no such clock.',
    redo: 'Redo', extensionMax: 'Max extension', handling_complex: 'Handling (hard proposal)', supervision_reply: 'Supervision answer', required: 'required',
  },
});

/** 办理时限: deadline policies and their clocks (GET /api/admin/deadline-policies, PUT …/:id). */
export default function DeadlinesAdmin() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const policies = useApi((signal) => api.get<{ items: Policy[] }>('/api/admin/deadline-policies', undefined, signal), []);
  const [editing, setEditing] = useState<Policy | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const clockName = (k: string) => (k in M.zh ? m(k as keyof typeof M.zh) : label('clock', k));
  const dur = (d: Duration | undefined) => (d ? `${d.amount} ${label('durationUnit', d.unit)}` : null);

  function open(p: Policy) {
    form.resetFields();
    form.setFieldsValue(Object.fromEntries(CLOCK_KEYS.map((k) => [k, p.clocks[k] ?? {}])));
    setEditing(p);
  }

  async function save() {
    if (!editing) return;
    let v: Record<string, Partial<Duration>>;
    try { v = await form.validateFields(); } catch { return; }
    const clocks = Object.fromEntries(Object.entries(v).filter(([, d]) => d && d.amount !== undefined && d.amount !== null && d.unit));
    setBusy(true);
    try {
      await api.put(`/api/admin/deadline-policies/${editing.id}`, { clocks });
      notify.success(t('common.saved'));
      setEditing(null);
      policies.reload();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }

  const columns: TableColumnsType<Policy> = [
    { title: m('name'), dataIndex: 'name', width: 200, ellipsis: true },
    { title: m('applies'), key: 'applies', width: 200, render: (_: unknown, p) => (
      <Flex gap={4} wrap><Tag>{label('track', p.track)}</Tag>{p.kind ? <Tag>{label('kind', p.kind)}</Tag> : null}{p.urgency ? <Tag color="red">{label('urgency', p.urgency)}</Tag> : null}{p.categoryId ? <Tag>{ref.categoryName(p.categoryId)}</Tag> : null}</Flex>) },
    { title: m('clocks'), dataIndex: 'clocks', render: (c: Policy['clocks']) => (
      <Flex gap={4} wrap>{CLOCK_KEYS.filter((k) => c[k]).map((k) => <Tag key={k} style={{ marginInlineEnd: 0 }}>{clockName(k)} {dur(c[k])}</Tag>)}</Flex>) },
    { title: t('common.actions'), key: 'ops', width: 90, render: (_: unknown, p) => <Button size="small" type="link" onClick={() => open(p)}>{t('common.edit')}</Button> },
  ];
  return (
    <Card size="small">
      {policies.error ? <ErrorAlert error={policies.error} onRetry={policies.reload} /> : null}
      <Table<Policy> rowKey="id" size="small" columns={columns} dataSource={policies.data?.items ?? []} loading={policies.loading} pagination={false} scroll={{ x: 900 }} />
      <Modal open={editing !== null} title={`${m('edit')} · ${editing?.name ?? ''}`} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={busy} width={620} destroyOnHidden
        okText={t('common.save')} cancelText={t('common.cancel')}>
        <Typography.Paragraph type="secondary">{m('hint')}</Typography.Paragraph>
        <Form form={form} layout="horizontal" labelCol={{ span: 8 }} preserve={false}>
          {CLOCK_KEYS.map((k) => (
            <Form.Item key={k} label={clockName(k)} required={REQUIRED.has(k)} style={{ marginBottom: 8 }}>
              <Flex gap={8}>
                <Form.Item name={[k, 'amount']} noStyle rules={REQUIRED.has(k) ? [{ required: true, message: m('required') }] : []}><InputNumber min={0} max={10000} style={{ width: 120 }} /></Form.Item>
                <Form.Item name={[k, 'unit']} noStyle rules={REQUIRED.has(k) ? [{ required: true, message: m('required') }] : []}>
                  <Select allowClear style={{ width: 140 }} options={DURATION_UNITS.map((u) => ({ value: u, label: label('durationUnit', u) }))} />
                </Form.Item>
              </Flex>
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}
