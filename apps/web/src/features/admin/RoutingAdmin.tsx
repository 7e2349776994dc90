import { useState } from 'react';
import { Button, Card, Checkbox, Flex, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { AreaName } from '../../components/AreaName';
import { AreaSelect } from '../../components/AreaSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { CategorySelect } from '../search/CategorySelect';

export interface RoutingRule {
  id: string; lineageId: string; version: number; categoryId: string | null; areaCode: string | null; leadUnitId: string; coUnitIds: string[];
  departmentDuty: boolean; note: string | null; active: boolean; counters: { dispatches: number; returnsApproved: number; objections: number };
  createdBy: string; createdAt: string; retiredAt: string | null;
}

const M = defineMessages({
  zh: {
    category: '分类', area: '区划', lead: '主办单位', co: '协办单位', duty: '部门职责', version: '版本', counters: '派单/退单/异议', note: '备注', any: '任意',
    create: '新增规则', edit: '修改规则', retire: '停用', retireConfirm: '停用此规则？历史版本会保留。', showRetired: '显示停用的历史版本', createdAt: '生效时间',
    required: '请选择{field}', dutyHint: '部门职责事项：永不交由社区主办', countersHint: '按此规则派单次数 / 同意退单次数 / 派单异议次数',
  },
  en: {
    category: 'Category', area: 'Area', lead: 'Lead unit', co: 'Co-units', duty: 'Department duty', version: 'Version', counters: 'Dispatch / return / objection', note: 'Note', any: 'any',
    create: 'New rule', edit: 'Edit rule', retire: 'Retire', retireConfirm: 'Retire this rule? Its history is kept.', showRetired: 'Show retired versions', createdAt: 'In force since',
    required: 'Please choose {field}', dutyHint: 'Department duty: never led by a community station', countersHint: 'Dispatches by this rule / approved returns / objections',
  },
});

/** 派单目录: versioned routing rules with their counters (GET/POST/PUT/DELETE /api/admin/routing-rules). */
export default function RoutingAdmin() {
  const { t } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const [retired, setRetired] = useState(false);
  const rules = useApi((signal) => api.get<{ items: RoutingRule[] }>('/api/admin/routing-rules', { includeRetired: retired ? 'true' : undefined }, signal), [retired]);
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  function open(rule: RoutingRule | 'new') {
    form.resetFields();
    if (rule !== 'new') form.setFieldsValue({ categoryId: rule.categoryId ?? undefined, areaCode: rule.areaCode ?? undefined, leadUnitId: rule.leadUnitId, coUnitIds: rule.coUnitIds, departmentDuty: rule.departmentDuty, note: rule.note ?? undefined });
    setEditing(rule);
  }

  async function save() {
    let v: { categoryId?: string; areaCode?: string; leadUnitId: string; coUnitIds?: string[]; departmentDuty?: boolean; note?: string };
    try { v = await form.validateFields(); } catch { return; }
    const body = { categoryId: v.categoryId ?? null, areaCode: v.areaCode ?? null, leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [], departmentDuty: !!v.departmentDuty, ...(v.note?.trim() ? { note: v.note.trim() } : {}) };
    setBusy(true);
    try {
      if (editing === 'new') await api.post('/api/admin/routing-rules', body);
      else if (editing) await api.put(`/api/admin/routing-rules/${editing.id}`, body);
      notify.success(t('common.saved'));
      setEditing(null);
      rules.reload();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }

  async function retire(rule: RoutingRule) {
    try { await api.del(`/api/admin/routing-rules/${rule.id}`); notify.success(t('common.done')); rules.reload(); } catch (e) { notify.error(e); }
  }

  const columns: TableColumnsType<RoutingRule> = [
    { title: m('category'), dataIndex: 'categoryId', ellipsis: true, render: (c: string | null) => (c ? ref.categoryPath(c) : <Tag>{m('any')}</Tag>) },
    { title: m('area'), dataIndex: 'areaCode', width: 130, ellipsis: true, render: (a: string | null) => (a ? <AreaName code={a} /> : <Tag>{m('any')}</Tag>) },
    { title: m('lead'), dataIndex: 'leadUnitId', width: 180, ellipsis: true, render: ref.unitName },
    { title: m('co'), dataIndex: 'coUnitIds', width: 150, ellipsis: true, render: (c: string[]) => c.map(ref.unitName).join('、') || '—' },
    { title: m('duty'), dataIndex: 'departmentDuty', width: 80, render: (d: boolean) => (d ? t('common.yes') : t('common.no')) },
    { title: <Tooltip title={m('countersHint')}>{m('counters')}</Tooltip>, dataIndex: 'counters', width: 120, render: (c: RoutingRule['counters']) => `${c.dispatches} / ${c.returnsApproved} / ${c.objections}` },
    { title: m('version'), dataIndex: 'version', width: 60, render: (v: number, r) => <>{`v${v}`}{r.active ? null : <Tag style={{ marginLeft: 4 }}>{t('common.inactive')}</Tag>}</> },
    { title: m('createdAt'), dataIndex: 'createdAt', width: 136, render: formatTime },
    {
      title: t('common.actions'), key: 'ops', width: 110, fixed: 'right', render: (_: unknown, r) => (r.active ? (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => open(r)}>{t('common.edit')}</Button>
          <Popconfirm title={m('retireConfirm')} onConfirm={() => void retire(r)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
            <Button size="small" type="link" danger>{m('retire')}</Button>
          </Popconfirm>
        </Space>) : null),
    },
  ];
  return (
    <Card size="small">
      {rules.error ? <ErrorAlert error={rules.error} onRetry={rules.reload} /> : null}
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Space><Switch size="small" checked={retired} onChange={setRetired} />{m('showRetired')}</Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{m('create')}</Button>
      </Flex>
      <Table<RoutingRule> rowKey="id" size="small" columns={columns} dataSource={rules.data?.items ?? []} loading={rules.loading} pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: 1100 }} />
      <Modal open={editing !== null} title={editing === 'new' ? m('create') : m('edit')} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={busy} width={620} destroyOnHidden
        okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="categoryId" label={`${m('category')}（${m('any')}）`}><CategorySelect /></Form.Item>
          <Form.Item name="areaCode" label={`${m('area')}（${m('any')}）`}><AreaSelect /></Form.Item>
          <Form.Item name="leadUnitId" label={m('lead')} rules={[{ required: true, message: m('required', { field: m('lead') }) }]}><UnitSelect /></Form.Item>
          <Form.Item name="coUnitIds" label={m('co')}><UnitSelect multiple /></Form.Item>
          <Form.Item name="departmentDuty" valuePropName="checked"><Checkbox>{m('dutyHint')}</Checkbox></Form.Item>
          <Form.Item name="note" label={m('note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
