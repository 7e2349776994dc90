import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { Msg } from './messages';
import { registryApi } from './registry-api';
import type { Matter, Rule, Session } from './registry-api';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function repeats(r: Rule, m: Msg): string {
  const w = `周${WEEKDAYS[r.recurrence.weekday ?? 0]}`;
  if (r.recurrence.freq === 'weekly') return m('weekly', { w });
  if (r.recurrence.freq === 'monthly') return r.recurrence.nth === -1 ? m('lastMonthly', { w }) : m('monthly', { n: r.recurrence.nth ?? 1, w });
  return m('workingDays');
}

/** 领导接访: recurring schedules and this month's coverage, sessions with matters and results, minutes, 包案. */
export function ReceptionsTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const rules = useApi((s) => registryApi.rules(s).catch(() => ({ items: [] as Rule[] })), []);
  const coverage = useApi((s) => registryApi.coverage(s).catch(() => null), []);
  const sessions = useApi((s) => registryApi.sessions(s), []);
  const cases = useApi((s) => registryApi.cases(s), []);
  const [matterFor, setMatterFor] = useState<Session | null>(null);
  const [minutes, setMinutes] = useState<string | null>(null);
  const [form] = Form.useForm<{ content: string; visitorName?: string; visitorCount?: number; assignedUnitId?: string }>();

  async function saveMatter() {
    if (!matterFor) return;
    let v;
    try { v = await form.validateFields(); } catch { return; }
    try { await registryApi.addMatter(matterFor.id, { ...v, content: v.content.trim() }); setMatterFor(null); sessions.reload(); } catch (e) { notify.error(e); }
  }
  async function showMinutes(id: string) {
    try { setMinutes((await registryApi.minutes(id)).text); } catch (e) { notify.error(e); }
  }
  const matterColumns = [
    { title: m('visitor'), render: (_: unknown, x: Matter) => `${x.visitorName ?? '—'}${x.visitorCount > 1 ? ` ×${x.visitorCount}` : ''}`, width: 90 },
    { title: m('content'), dataIndex: 'content' },
    { title: m('unit'), render: (_: unknown, x: Matter) => <><Link to={`/appeals/${x.appealId}`}>{x.number}</Link><br />{x.assignedUnitName ?? '—'}</>, width: 190 },
    { title: m('due'), render: (_: unknown, x: Matter) => <>{formatTime(x.dueAt).slice(0, 10)}{x.overdue ? <Tag color="red">{m('overdue')}</Tag> : null}</>, width: 110 },
    { title: m('result'), render: (_: unknown, x: Matter) => (x.closedAt ? <Tag color="green">{m('closed')}</Tag> : null) ?? null, width: 80 },
    { title: '', render: (_: unknown, x: Matter) => <Typography.Text type="secondary">{x.result?.text ?? m('inProgress')}</Typography.Text> },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={sessions.error ?? cases.error} />
      {coverage.data && <Card size="small" title={m('coverage')}>{m('coverageText', { w: coverage.data.workingDays, c: coverage.data.coveredDays })}</Card>}
      <Card size="small" title={m('rules')}>
        <Table<Rule> size="small" rowKey="id" pagination={false} dataSource={rules.data?.items ?? []} columns={[
          { title: m('kind'), render: (_, r) => <Tag color={r.kind === 'hotline' ? 'purple' : 'blue'}>{m(r.kind as 'hotline')}</Tag>, width: 100 },
          { title: m('leader'), render: (_, r) => `${r.leaderName}${r.leaderTitle ? `（${r.leaderTitle}）` : ''}` },
          { title: m('recurrence'), render: (_, r) => `${repeats(r, m)} ${r.startTime}–${r.endTime}` },
          { title: m('place'), dataIndex: 'place' },
        ]} />
      </Card>
      <Card size="small" title={m('sessions')}>
        <List dataSource={sessions.data?.items ?? []} renderItem={(s) => (
          <List.Item key={s.id} style={{ display: 'block' }} data-testid="registry-session">
            <Space wrap style={{ marginBottom: 8 }}>
              <Tag color="blue">{m(s.kind as 'hotline')}</Tag><strong>{s.leaderName}</strong><span>{formatTime(s.heldAt)}</span><span>{s.place}</span>
              <span>{m('matters')} {s.matters.length} · {m('closed')} {s.closedMatters}</span>
              <Button size="small" onClick={() => { form.resetFields(); setMatterFor(s); }}>{m('addMatter')}</Button>
              <Button size="small" onClick={() => void showMinutes(s.id)}>{m('minutes')}</Button>
            </Space>
            {s.matters.length ? <Table<Matter> size="small" rowKey="id" pagination={false} dataSource={s.matters} columns={matterColumns} /> : null}
          </List.Item>
        )} />
      </Card>
      <Card size="small" title={m('cases')}>
        <List dataSource={cases.data?.items ?? []} renderItem={(c) => (
          <List.Item key={c.id}><Space direction="vertical" size={0}>
            <Space><Tag color={c.status === 'open' ? 'orange' : 'green'}>{c.status === 'open' ? m('inProgress') : m('closed')}</Tag><strong>{c.title}</strong><span>{c.leaderName}</span></Space>
            {c.progress.map((p, i) => <Typography.Text key={i} type="secondary">{formatTime(p.at)} {p.by}：{p.note}</Typography.Text>)}
          </Space></List.Item>
        )} />
      </Card>
      <Modal open={matterFor !== null} title={m('addMatter')} onOk={() => void saveMatter()} onCancel={() => setMatterFor(null)} okText={m('save')}>
        <Form form={form} layout="vertical">
          <Form.Item name="content" label={m('content')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
          <Space><Form.Item name="visitorName" label={m('visitor')}><Input maxLength={40} /></Form.Item>
            <Form.Item name="visitorCount" label={m('count')}><InputNumber min={1} max={500} /></Form.Item></Space>
          <Form.Item name="assignedUnitId" label={m('unit')}><UnitSelect /></Form.Item>
        </Form>
      </Modal>
      <Modal open={minutes !== null} title={m('minutes')} footer={null} onCancel={() => setMinutes(null)} width={640}>
        <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} data-testid="registry-minutes">{minutes}</pre>
      </Modal>
    </Space>
  );
}
