import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';

/** A 领导接访 or 领导热线 session as /api/admin/reception-schedules returns it. */
interface Schedule {
  id: string; kind: 'leader_reception' | 'hotline'; unitId: string | null; leaderName: string; leaderTitle: string;
  startsAt: string; endsAt: string; place: string; topic: string; active: boolean;
}

const M = defineMessages({
  zh: {
    kind: '类型', leader_reception: '领导接访', hotline: '领导热线', leader: '领导', leaderName: '姓名', leaderTitle: '职务', unit: '单位', time: '时间',
    place: '地点', topic: '主题', active: '启用', inactive: '已停用', create: '新增安排', edit: '修改安排', deactivate: '停用', reactivate: '启用',
    deactivateConfirm: '停用后门户网站不再显示该安排。', required: '请填写{field}', hint: '门户网站“单位名录”按时间先后显示尚未结束的安排。',
  },
  en: {
    kind: 'Kind', leader_reception: 'Leader reception', hotline: 'Leader hotline', leader: 'Leader', leaderName: 'Name', leaderTitle: 'Title', unit: 'Unit', time: 'Time',
    place: 'Place', topic: 'Topic', active: 'Active', inactive: 'Inactive', create: 'New session', edit: 'Edit session', deactivate: 'Deactivate', reactivate: 'Reactivate',
    deactivateConfirm: 'The portal will no longer show this session.', required: 'Please fill in {field}', hint: 'The portal directory lists sessions that have not ended, soonest first.',
  },
});

interface FormValues { kind: Schedule['kind']; unitId?: string; leaderName: string; leaderTitle?: string; time: [Dayjs, Dayjs]; place?: string; topic?: string }

/** 领导接访与热线安排: the sessions the portal's directory shows (/api/admin/reception-schedules). */
export default function SchedulesAdmin() {
  const { t } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const notify = useNotify();
  const list = useApi((signal) => api.get<{ items: Schedule[] }>('/api/admin/reception-schedules', undefined, signal), []);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<FormValues>();

  function open(s: Schedule | 'new') {
    form.resetFields();
    if (s === 'new') form.setFieldsValue({ kind: 'leader_reception' });
    else form.setFieldsValue({ kind: s.kind, unitId: s.unitId ?? undefined, leaderName: s.leaderName, leaderTitle: s.leaderTitle, time: [dayjs(s.startsAt), dayjs(s.endsAt)], place: s.place, topic: s.topic });
    setEditing(s);
  }
  async function save() {
    let v: FormValues;
    try { v = await form.validateFields(); } catch { return; }
    const body = {
      kind: v.kind, unitId: v.unitId ?? null, leaderName: v.leaderName.trim(), leaderTitle: v.leaderTitle?.trim() ?? '',
      startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString(), place: v.place?.trim() ?? '', topic: v.topic?.trim() ?? '',
    };
    setBusy(true);
    try {
      if (editing === 'new') await api.post('/api/admin/reception-schedules', body);
      else if (editing) await api.patch(`/api/admin/reception-schedules/${editing.id}`, body);
      notify.success(t('common.saved'));
      setEditing(null);
      list.reload();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  async function setActive(s: Schedule, active: boolean) {
    try {
      await api.patch(`/api/admin/reception-schedules/${s.id}`, { active });
      notify.success(t('common.done'));
      list.reload();
    } catch (e) { notify.error(e); }
  }

  const columns: TableColumnsType<Schedule> = [
    { title: m('kind'), dataIndex: 'kind', width: 110, render: (k: Schedule['kind'], s) => <Space size={4}><Tag color={k === 'hotline' ? 'purple' : 'blue'}>{m(k)}</Tag>{s.active ? null : <Tag color="red">{m('inactive')}</Tag>}</Space> },
    { title: m('leader'), dataIndex: 'leaderName', width: 200, render: (n: string, s) => <span className="ms-wrap">{n}{s.leaderTitle ? `（${s.leaderTitle}）` : ''}</span> },
    { title: m('time'), dataIndex: 'startsAt', width: 230, render: (a: string, s) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(a)} – {dayjs(s.endsAt).format('HH:mm')}</span> },
    { title: m('unit'), dataIndex: 'unitId', width: 160, render: (u: string | null) => (u ? ref.unitName(u) : '—') },
    { title: `${m('place')} / ${m('topic')}`, dataIndex: 'place', render: (p: string, s) => <span className="ms-wrap">{p}{s.topic ? ` · ${s.topic}` : ''}</span> },
    {
      title: t('common.actions'), key: 'ops', width: 140, fixed: 'right', render: (_: unknown, s) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => open(s)}>{t('common.edit')}</Button>
          {s.active ? (
            <Popconfirm title={m('deactivateConfirm')} onConfirm={() => void setActive(s, false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button size="small" type="link" danger>{m('deactivate')}</Button>
            </Popconfirm>
          ) : <Button size="small" type="link" onClick={() => void setActive(s, true)}>{m('reactivate')}</Button>}
        </Space>
      ),
    },
  ];
  const required = (field: Parameters<typeof m>[0]) => [{ required: true, message: m('required', { field: m(field) }) }];
  return (
    <Card size="small">
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <span style={{ opacity: 0.75 }}>{m('hint')}</span>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>{m('create')}</Button>
      </Flex>
      <Table<Schedule> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={{ pageSize: 20 }} scroll={{ x: 1000 }} />
      <Modal open={editing !== null} title={editing === 'new' ? m('create') : m('edit')} onCancel={() => setEditing(null)} onOk={() => void save()} confirmLoading={busy}
        width={640} destroyOnHidden okText={t('common.save')} cancelText={t('common.cancel')}>
        <Form form={form} layout="vertical" preserve={false}>
          <Flex gap={12}>
            <Form.Item name="kind" label={m('kind')} rules={required('kind')} style={{ width: 160 }}>
              <Select options={(['leader_reception', 'hotline'] as const).map((k) => ({ value: k, label: m(k) }))} />
            </Form.Item>
            <Form.Item name="unitId" label={m('unit')} style={{ flex: 1 }}><UnitSelect /></Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item name="leaderName" label={m('leaderName')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('leaderName') }) }]} style={{ flex: 1 }}><Input maxLength={50} /></Form.Item>
            <Form.Item name="leaderTitle" label={m('leaderTitle')} style={{ flex: 1 }}><Input maxLength={100} /></Form.Item>
          </Flex>
          <Form.Item name="time" label={m('time')} rules={required('time')}><DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
          <Form.Item name="place" label={m('place')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="topic" label={m('topic')}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
