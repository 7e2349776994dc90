import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { ComplianceRow, Diary } from './registry-api';

interface DiaryForm { visitDate: Dayjs; place: string; peopleMet?: string; needsHeard: string; plan?: string }

/** 民情日记: the month's entries (a leader writes and turns a need into an appeal) and the monthly compliance report. */
export function DiariesTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const { user, hasRole } = useAuth();
  const writer = hasRole('leader', 'unit_leader');
  // The compliance report is for the centre's overseers and unit leaders (their subtree); others would get 403.
  const overseer = hasRole('admin', 'supervisor', 'leader', 'unit_leader');
  const [month, setMonth] = useState(dayjs());
  const key = month.format('YYYY-MM');
  const entries = useApi((s) => registryApi.diaries(key, s), [key]);
  const compliance = useApi((s) => (overseer ? registryApi.compliance(key, s) : Promise.resolve(null)), [key, overseer]);
  const [writing, setWriting] = useState(false);
  const [converting, setConverting] = useState<string | null>(null);
  const [form] = Form.useForm<DiaryForm>();
  const reload = () => { entries.reload(); compliance.reload(); };

  async function save(v: DiaryForm) {
    await registryApi.writeDiary({ visitDate: v.visitDate.format('YYYY-MM-DD'), place: v.place.trim(), peopleMet: v.peopleMet?.trim() ?? '', needsHeard: v.needsHeard.trim(), plan: v.plan?.trim() ?? '' });
    return m('diarySaved');
  }
  async function toAppeal(d: Diary) {
    setConverting(d.id);
    try { const r = await registryApi.toAppeal(d.id); notify.success(`${m('converted')} ${r.number}`); entries.reload(); } catch (e) { notify.error(e); } finally { setConverting(null); }
  }
  const c = compliance.data;
  const error = entries.error ?? compliance.error;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} aria-label={m('month')} />
        {writer ? <Button type="primary" onClick={() => setWriting(true)}>{m('write')}</Button> : null}
      </Space>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {c && (
        <Card size="small" title={`${m('compliance')} · ${m('visitDay', { d: c.visitDate })} · ${m('rate', { r: c.rate === null ? '—' : `${Math.round(c.rate * 100)}%` })}`} data-testid="registry-compliance">
          <Table<ComplianceRow> size="small" rowKey="userId" pagination={false} dataSource={c.rows} scroll={{ x: 600 }} columns={[
            { title: m('author'), dataIndex: 'name', width: 120 }, { title: m('hostUnit'), dataIndex: 'unitName', ellipsis: true }, { title: m('entries'), dataIndex: 'entries', width: 80 },
            { title: m('onVisitDay'), dataIndex: 'visitedOnVisitDay', width: 130, render: (v: boolean) => (v ? '✓' : '—') },
            { title: '', render: (_, r) => <Tag color={r.compliant ? 'green' : 'red'}>{r.compliant ? m('compliant') : m('notCompliant')}</Tag>, width: 90 },
          ]} />
        </Card>
      )}
      <Table<Diary> size="small" rowKey="id" loading={entries.loading} dataSource={entries.data?.items ?? []} pagination={{ pageSize: 10 }} scroll={{ x: 1000 }} data-testid="registry-diaries" columns={[
        { title: m('visitDate'), dataIndex: 'visitDate', width: 110 },
        { title: m('author'), render: (_, d) => <span className="ms-wrap">{d.authorName ?? ''}{d.unitName ? `（${d.unitName}）` : ''}</span>, width: 170 },
        { title: m('place'), dataIndex: 'place', width: 160, render: (p: string) => <span className="ms-wrap">{p}</span> },
        { title: m('needsHeard'), dataIndex: 'needsHeard', render: (x: string) => <span className="ms-wrap">{x}</span> },
        { title: m('plan'), dataIndex: 'plan', render: (x: string) => <span className="ms-wrap">{x}</span> },
        { title: '', width: 110, fixed: 'right', render: (_, d) => (d.appealId
          ? <Link to={`/appeals/${d.appealId}`}>{m('converted')}</Link>
          // Only the author turns their entry into an appeal (the server says FORBIDDEN to anyone else).
          : d.authorUserId === user?.id ? <Button size="small" loading={converting === d.id} onClick={() => void toAppeal(d)}>{m('toAppeal')}</Button> : null) },
      ]} />
      <FormModal<DiaryForm> open={writing} title={m('write')} form={form} initialValues={{ visitDate: dayjs() }} submit={save} done={reload} onClose={() => setWriting(false)} width={620}>
        <Form.Item name="visitDate" label={m('visitDate')} rules={[{ required: true, message: m('required', { field: m('visitDate') }) }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
        <Form.Item name="place" label={m('place')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('place') }) }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="peopleMet" label={m('peopleMet')}><Input maxLength={500} /></Form.Item>
        <Form.Item name="needsHeard" label={m('needsHeard')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('needsHeard') }) }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="plan" label={m('plan')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </FormModal>
    </Space>
  );
}
