import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Modal, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useMessages } from '../../i18n';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { ComplianceRow, Diary } from './registry-api';

interface DiaryForm { visitDate: Dayjs; place: string; peopleMet?: string; needsHeard: string; plan?: string }

/** 民情日记: the month's entries (a leader writes and turns a need into an appeal) and the monthly compliance report. */
export function DiariesTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const { roles } = useAuth();
  const writer = roles.includes('leader') || roles.includes('unit_leader');
  const [month, setMonth] = useState(dayjs());
  const key = month.format('YYYY-MM');
  const entries = useApi((s) => registryApi.diaries(key, s), [key]);
  const compliance = useApi((s) => registryApi.compliance(key, s).catch(() => null), [key]);
  const [writing, setWriting] = useState(false);
  const [form] = Form.useForm<DiaryForm>();

  async function save() {
    let v: DiaryForm;
    try { v = await form.validateFields(); } catch { return; }
    try {
      await registryApi.writeDiary({ visitDate: v.visitDate.format('YYYY-MM-DD'), place: v.place.trim(), peopleMet: v.peopleMet?.trim() ?? '', needsHeard: v.needsHeard.trim(), plan: v.plan?.trim() ?? '' });
      setWriting(false); entries.reload(); compliance.reload();
    } catch (e) { notify.error(e); }
  }
  async function toAppeal(d: Diary) {
    try { const r = await registryApi.toAppeal(d.id); notify.success(`${m('converted')} ${r.number}`); entries.reload(); } catch (e) { notify.error(e); }
  }
  const c = compliance.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} aria-label={m('month')} />
        {writer ? <Button type="primary" onClick={() => { form.resetFields(); form.setFieldsValue({ visitDate: dayjs() }); setWriting(true); }}>{m('write')}</Button> : null}
      </Space>
      <ErrorAlert error={entries.error} />
      {c && (
        <Card size="small" title={`${m('compliance')} · ${m('visitDay', { d: c.visitDate })} · ${m('rate', { r: c.rate === null ? '—' : `${Math.round(c.rate * 100)}%` })}`} data-testid="registry-compliance">
          <Table<ComplianceRow> size="small" rowKey="userId" pagination={false} dataSource={c.rows} columns={[
            { title: m('author'), dataIndex: 'name' }, { title: m('unit'), dataIndex: 'unitName' }, { title: m('entries'), dataIndex: 'entries', width: 80 },
            { title: '', render: (_, r) => <Tag color={r.compliant ? 'green' : 'red'}>{r.compliant ? m('compliant') : m('notCompliant')}</Tag>, width: 90 },
          ]} />
        </Card>
      )}
      <Table<Diary> size="small" rowKey="id" loading={entries.loading} dataSource={entries.data?.items ?? []} pagination={{ pageSize: 10 }} columns={[
        { title: m('visitDate'), dataIndex: 'visitDate', width: 110 },
        { title: m('author'), render: (_, d) => `${d.authorName ?? ''}${d.unitName ? `（${d.unitName}）` : ''}`, width: 170 },
        { title: m('place'), dataIndex: 'place', width: 150 },
        { title: m('needsHeard'), dataIndex: 'needsHeard' },
        { title: m('plan'), dataIndex: 'plan' },
        { title: '', width: 110, render: (_, d) => (d.appealId ? <Link to={`/appeals/${d.appealId}`}>{m('converted')}</Link> : writer ? <Button size="small" onClick={() => void toAppeal(d)}>{m('toAppeal')}</Button> : null) },
      ]} />
      <Modal open={writing} title={m('write')} onOk={() => void save()} onCancel={() => setWriting(false)} okText={m('save')}>
        <Form form={form} layout="vertical">
          <Form.Item name="visitDate" label={m('visitDate')} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="place" label={m('place')} rules={[{ required: true, whitespace: true }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="peopleMet" label={m('peopleMet')}><Input maxLength={500} /></Form.Item>
          <Form.Item name="needsHeard" label={m('needsHeard')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Form.Item name="plan" label={m('plan')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
