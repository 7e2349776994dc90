import { useState } from 'react';
import { App, Button, Descriptions, Dropdown, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import { proxyApi } from './proxy-api';
import type { ProxyAction, ProxyRequest, RequestsState } from './proxy-api';

interface RegisterForm { itemId: string; applicantName: string; applicantPhone?: string; matter?: string }
const NEXT: Record<string, ProxyAction[]> = {
  accepted: ['start', 'request_materials', 'return'], in_progress: ['complete', 'request_materials', 'return'], awaiting_materials: ['resume', 'return'],
};
const LIGHT_COLOR: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red', paused: 'default', closed: 'green', late: 'red' };
const NOTE_REQUIRED: ProxyAction[] = ['request_materials', 'complete', 'return'];

/** 代办件: accept a request (the applicant gets a number and query code), work it step by step, see its clock; filter the overdue. */
export function RequestsTab() {
  const m = useMessages(M);
  const { modal } = App.useApp();
  const [state, setState] = useState<RequestsState | undefined>(undefined);
  const list = useApi((s) => proxyApi.requests(state, s), [state]);
  const items = useApi((s) => proxyApi.items(s), []);
  const [registering, setRegistering] = useState(false);
  const [acting, setActing] = useState<{ r: ProxyRequest; action: ProxyAction } | null>(null);
  const [shown, setShown] = useState<ProxyRequest | null>(null);
  const [form] = Form.useForm<RegisterForm>();
  const [noteForm] = Form.useForm<{ note?: string }>();

  async function register(v: RegisterForm) {
    const r = await proxyApi.register({ itemId: v.itemId, applicantName: v.applicantName.trim(), ...(v.applicantPhone?.trim() ? { applicantPhone: v.applicantPhone.trim() } : {}), matter: v.matter?.trim() ?? '' });
    modal.success({ title: m('registered'), okText: m('ok'), content: (
      <Descriptions column={1} size="small" data-testid="proxy-registered">
        <Descriptions.Item label={m('number')}><Typography.Text copyable className="ms-mono">{r.number}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={m('queryCode')}><Typography.Text copyable className="ms-mono">{r.queryCode}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={m('dueAt')}>{formatTime(r.dueAt)}</Descriptions.Item>
      </Descriptions>
    ) });
    return m('saved');
  }
  async function act(v: { note?: string }) {
    if (!acting) return undefined;
    await proxyApi.act(acting.r.id, acting.action, v.note?.trim());
    return m('saved');
  }
  const required = (field: string) => [{ required: true, whitespace: true, message: m('required', { field }) }];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setRegistering(true)}>{m('register')}</Button>
        <Select<RequestsState | undefined> value={state} onChange={setState} allowClear placeholder={m('allRequests')} style={{ width: 180 }} data-testid="proxy-state-filter"
          options={(['open', 'overdue', 'due_soon', 'closed'] as const).map((k) => ({ value: k, label: m(`state_${k}`) }))} />
      </Space>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Table<ProxyRequest> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} pagination={{ pageSize: 10 }} scroll={{ x: 1100 }} data-testid="proxy-requests" columns={[
        { title: m('number'), dataIndex: 'number', width: 150, render: (n: string, r) => <Button type="link" size="small" className="ms-mono" onClick={() => setShown(r)}>{n}</Button> },
        { title: m('item'), render: (_, r) => <span className="ms-wrap">{r.item?.name}</span> },
        { title: m('applicant'), dataIndex: 'applicantName', width: 90 },
        { title: m('unit'), dataIndex: 'unitName', width: 130, ellipsis: true },
        { title: m('status'), dataIndex: 'status', width: 110, render: (s: string) => <Tag>{m(s as 'accepted')}</Tag> },
        { title: m('dueAt'), width: 220, render: (_, r) => (
          <Space size={4}>{r.dueAt ? formatTime(r.dueAt) : '—'}<Tag color={LIGHT_COLOR[r.light]}>{m(r.light as 'green')}</Tag>
            {r.overdueNotifiedAt && !r.closedAt ? <Tooltip title={m('unitTold', { t: formatTime(r.overdueNotifiedAt) })}><BellOutlined style={{ color: '#cf1322' }} aria-label={m('unitTold', { t: formatTime(r.overdueNotifiedAt) })} /></Tooltip> : null}
          </Space>
        ) },
        { title: '', width: 110, fixed: 'right', render: (_, r) => (NEXT[r.status] ? (
          <Dropdown menu={{ items: NEXT[r.status]!.map((a) => ({ key: a, label: m(a), danger: a === 'return' })), onClick: ({ key }) => setActing({ r, action: key as ProxyAction }) }}>
            <Button size="small">{m('act')} ▾</Button>
          </Dropdown>
        ) : null) },
      ]} />
      <FormModal<RegisterForm> open={registering} title={m('register')} form={form} submit={register} done={list.reload} onClose={() => setRegistering(false)}>
        <Form.Item name="itemId" label={m('item')} rules={[{ required: true, message: m('required', { field: m('item') }) }]}>
          <Select showSearch optionFilterProp="label" options={(items.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: `${i.code} ${i.name}（${m('days', { n: i.promisedDays })}）` }))} />
        </Form.Item>
        <Form.Item name="applicantName" label={m('applicant')} rules={required(m('applicant'))}><Input maxLength={40} /></Form.Item>
        <Form.Item name="applicantPhone" label={m('phone')}><Input maxLength={20} /></Form.Item>
        <Form.Item name="matter" label={m('matter')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
      </FormModal>
      {acting ? (
        <FormModal<{ note?: string }> open title={`${acting.r.number} · ${m(acting.action)}`} form={noteForm} submit={act} done={list.reload} onClose={() => setActing(null)}>
          <Form.Item name="note" label={m('note')} extra={m('noteHint')} rules={NOTE_REQUIRED.includes(acting.action) ? required(m('note')) : []}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </FormModal>
      ) : null}
      <Modal open={shown !== null} title={shown?.number} footer={null} onCancel={() => setShown(null)} width={600}>
        {shown ? <RequestSteps id={shown.id} /> : null}
      </Modal>
    </Space>
  );
}

function RequestSteps({ id }: { id: string }) {
  const m = useMessages(M);
  const one = useApi((s) => proxyApi.get(id, s), [id]);
  const r = one.data;
  if (one.error) return <ErrorAlert error={one.error} />;
  if (!r) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={m('item')}>{r.item?.name}</Descriptions.Item>
        <Descriptions.Item label={m('applicant')}>{r.applicantName} {r.applicantPhone ?? ''}</Descriptions.Item>
        <Descriptions.Item label={m('matter')}><span className="ms-wrap">{r.matter}</span></Descriptions.Item>
        <Descriptions.Item label={m('queryCode')}><span className="ms-mono">{r.queryCode}</span></Descriptions.Item>
        <Descriptions.Item label={m('acceptedAt')}>{formatTime(r.acceptedAt)} · {m('days', { n: r.promisedDays })}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{m('steps')}</Typography.Title>
      <Timeline items={r.steps.map((s) => ({ children: <><Tag>{m(s.status as 'accepted')}</Tag>{s.by} · {formatTime(s.at)}{s.note ? <div className="ms-wrap">{s.note}</div> : null}</> }))} />
    </Space>
  );
}
