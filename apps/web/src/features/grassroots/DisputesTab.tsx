import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import type { Msg } from './messages';
import { grassrootsApi, pct } from './grassroots-api';
import type { Dispute, DisputeStatus, DueRevisit, Risk, Round, Warning } from './grassroots-api';
import { KINDS } from './NetworkTab';
import { RiskTag } from './RiskTag';

type K = Parameters<Msg>[0];
interface DisputeForm { title: string; description: string; kind: string; riskLevel: Risk; areaCode?: string; ownerUnitId?: string; parties: { name: string; phone?: string; role?: string }[] }
interface StepForm { action: string; note: string; outcome?: string; riskLevel?: Risk }
const STATUS_COLOR: Record<DisputeStatus, string> = { open: 'red', mediating: 'orange', resolved: 'green', unresolved: 'default' };
const ACTIONS: Record<DisputeStatus, string[]> = { open: ['note', 'mediate', 'resolve', 'fail'], mediating: ['note', 'mediate', 'resolve', 'fail'], resolved: ['note', 'reopen'], unresolved: ['note', 'reopen'] };

/** 矛盾纠纷排查预警: warnings for the centre, due revisits, screening rounds, and the register with mediation steps. */
export function DisputesTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const { hasRole } = useAuth();
  // Warnings are the centre's (the server answers 403 to anyone else).
  const centre = hasRole('admin', 'supervisor', 'leader');
  const canOpenRound = hasRole('admin', 'supervisor');
  const disputes = useApi((s) => grassrootsApi.disputes(s), []);
  const warnings = useApi((s) => (centre ? grassrootsApi.warnings(s) : Promise.resolve(null)), [centre]);
  const revisits = useApi((s) => grassrootsApi.revisits(s), []);
  const rounds = useApi((s) => grassrootsApi.rounds(s), []);
  const coverage = useApi((s) => grassrootsApi.fileCoverage(s), []);
  const [adding, setAdding] = useState(false);
  const [stepping, setStepping] = useState<Dispute | null>(null);
  const [revisiting, setRevisiting] = useState<DueRevisit | null>(null);
  const [roundOpen, setRoundOpen] = useState(false);
  const [returning, setReturning] = useState<Round | null>(null);
  const [disputeForm] = Form.useForm<DisputeForm>();
  const [stepForm] = Form.useForm<StepForm>();
  const [revisitForm] = Form.useForm<{ finding: 'stable' | 'recurred'; note: string }>();
  const [roundForm] = Form.useForm<{ title: string; period: [Dayjs, Dayjs]; dueDate: Dayjs }>();
  const [returnForm] = Form.useForm<{ unitId?: string; disputesFound: number; note?: string }>();
  const action = Form.useWatch('action', stepForm);
  const reload = () => { disputes.reload(); warnings.reload(); revisits.reload(); rounds.reload(); };
  const areas = (coverage.data?.streets ?? []).flatMap((s) => [{ value: s.areaCode, label: s.unitName }, ...s.rows.map((r) => ({ value: r.areaCode, label: `${s.unitName} · ${r.areaName ?? r.areaCode}` }))]);
  const streets = (coverage.data?.streets ?? []).map((s) => ({ value: s.unitId, label: s.unitName }));

  async function ack(w: Warning) {
    try { await grassrootsApi.ackWarning(w.id); warnings.reload(); } catch (e) { notify.error(e); }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {disputes.error ? <ErrorAlert error={disputes.error} onRetry={reload} /> : null}
      {centre && warnings.data ? (
        <Card size="small" data-testid="grassroots-warnings" title={<span>{m('warnings')} <Tag color={warnings.data.open ? 'red' : 'green'}>{warnings.data.open}</Tag></span>}>
          {warnings.data.items.length ? warnings.data.items.slice(0, 6).map((w) => (
            <div key={w.id} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '4px 0' }}>
              <RiskTag risk={w.riskLevel} /><span style={{ flex: 1 }}>{w.title}<span style={{ color: '#888' }}> · {w.ownerUnitName} · {dayjs(w.raisedAt).format('YYYY-MM-DD HH:mm')}</span></span>
              {w.acknowledgedAt ? <Tag>{m('acked')} {w.acknowledgedBy}</Tag> : <Button size="small" onClick={() => void ack(w)}>{m('ack')}</Button>}
            </div>
          )) : m('noWarnings')}
        </Card>
      ) : null}
      <Space align="start" style={{ width: '100%' }} wrap>
        <Card size="small" title={m('revisits')} style={{ minWidth: 420 }} data-testid="grassroots-revisits">
          {revisits.data?.items.length ? revisits.data.items.map((r) => (
            <div key={`${r.disputeId}-${r.seq}`} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '4px 0' }}>
              <span style={{ flex: 1 }}>{r.title} · {m('revisit')}{r.seq} · {r.dueDate}</span><Button size="small" onClick={() => setRevisiting(r)}>{m('revisit')}</Button>
            </div>
          )) : m('noRevisits')}
        </Card>
        <Card size="small" title={m('rounds')} style={{ minWidth: 520 }} data-testid="grassroots-rounds" extra={canOpenRound ? <Button size="small" onClick={() => setRoundOpen(true)}>{m('addRound')}</Button> : null}>
          <Table<Round> size="small" rowKey="id" pagination={false} dataSource={(rounds.data?.items ?? []).slice(0, 5)} columns={[
            { title: m('name'), dataIndex: 'title' }, { title: m('period'), width: 120, render: (_, r) => <span className="ms-wrap">{r.periodStart.slice(5)} ~ {r.periodEnd.slice(5)}</span> },
            { title: m('returned'), width: 110, render: (_, r) => `${r.returned}/${r.streets} · ${pct(r.rate)}` },
            { title: '', width: 80, render: (_, r) => (r.missing.length ? <Button size="small" onClick={() => setReturning(r)}>{m('returnRound')}</Button> : null) },
          ]} />
        </Card>
      </Space>
      <Card size="small" title={m('register')} data-testid="grassroots-disputes" extra={<Button type="primary" onClick={() => setAdding(true)}>{m('addDispute')}</Button>}>
        <Table<Dispute> size="small" rowKey="id" loading={disputes.loading} dataSource={disputes.data?.items ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 1000 }}
          expandable={{ expandedRowRender: (d) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={m('description')}><span className="ms-wrap">{d.description}</span></Descriptions.Item>
              <Descriptions.Item label={m('parties')}>{d.parties.map((p) => [p.name, p.phone, p.role].filter(Boolean).join(' ')).join('；') || '—'}</Descriptions.Item>
              {d.outcome ? <Descriptions.Item label={m('outcome')}>{d.outcome}</Descriptions.Item> : null}
              <Descriptions.Item label={m('steps')}><Timeline style={{ marginBottom: -24 }} items={d.steps.map((s) => ({ children: `${dayjs(s.at).format('YYYY-MM-DD HH:mm')} ${m(`a_${s.action}` as K)} ${s.by ?? ''}：${s.note}` }))} /></Descriptions.Item>
              {d.revisits.length ? <Descriptions.Item label={m('nextRevisit')}>{d.revisits.map((r) => `${m('revisit')}${r.seq} ${r.dueDate}${r.finding ? `（${m(r.finding as K)}）` : ''}`).join('；')}</Descriptions.Item> : null}
            </Descriptions>
          ) }}
          columns={[
            { title: m('disputeTitle'), dataIndex: 'title', render: (x: string) => <span className="ms-wrap">{x}</span> },
            { title: m('kind'), dataIndex: 'kind', width: 110, render: (k: string) => m(`k_${k}` as K) },
            { title: m('risk'), dataIndex: 'riskLevel', width: 90, render: (r: Risk) => <RiskTag risk={r} /> },
            { title: m('area'), width: 150, render: (_, d) => <span className="ms-wrap">{d.areaName ?? '—'}</span> },
            { title: m('owner'), dataIndex: 'ownerUnitName', width: 120 },
            { title: m('status'), dataIndex: 'status', width: 90, render: (s: DisputeStatus) => <Tag color={STATUS_COLOR[s]}>{m(`d_${s}`)}</Tag> },
            { title: m('reportedAt'), dataIndex: 'reportedAt', width: 100, render: (x: string) => dayjs(x).format('YYYY-MM-DD') },
            { title: '', width: 100, fixed: 'right', render: (_, d) => <Button size="small" onClick={() => setStepping(d)}>{m('step')}</Button> },
          ]} />
      </Card>

      <FormModal<DisputeForm> open={adding} title={m('addDispute')} form={disputeForm} width={680} initialValues={{ kind: 'neighbour', riskLevel: 'low', parties: [{ name: '' }] }} onClose={() => setAdding(false)} done={reload}
        submit={async (v) => { await grassrootsApi.registerDispute({ ...v, parties: v.parties.map((p) => ({ name: p.name.trim(), phone: p.phone?.trim() || undefined, role: p.role?.trim() ?? '' })) }); return m('saved'); }}>
        <Form.Item name="title" label={m('disputeTitle')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('disputeTitle') }) }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="description" label={m('description')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('description') }) }]}><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={m('kind')}><Select style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: m(`k_${k}`) }))} /></Form.Item>
          <Form.Item name="riskLevel" label={m('risk')}><Radio.Group options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: m(`r_${r}`) }))} /></Form.Item>
          <Form.Item name="areaCode" label={m('area')}><Select style={{ width: 220 }} allowClear showSearch optionFilterProp="label" options={areas} /></Form.Item>
        </Space>
        <Form.List name="parties">{(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} label={m('partyName')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('partyName') }) }]}><Input maxLength={40} /></Form.Item>
                <Form.Item name={[f.name, 'phone']} label={m('phone')}><Input maxLength={20} /></Form.Item>
                <Form.Item name={[f.name, 'role']} label={m('partyRole')}><Input maxLength={40} /></Form.Item>
                {fields.length > 1 ? <Button type="text" onClick={() => remove(f.name)}>✕</Button> : null}
              </Space>
            ))}
            <Button size="small" onClick={() => add({ name: '' })}>{m('addParty')}</Button>
          </>
        )}</Form.List>
      </FormModal>
      <FormModal<StepForm> open={stepping !== null} title={`${m('step')} · ${stepping?.title ?? ''}`} form={stepForm} initialValues={{ action: stepping?.status === 'resolved' || stepping?.status === 'unresolved' ? 'note' : 'mediate' }} onClose={() => setStepping(null)} done={reload}
        submit={async (v) => { await grassrootsApi.addStep(stepping!.id, { action: v.action, note: v.note.trim(), outcome: v.outcome?.trim() || undefined, riskLevel: v.riskLevel }); return m('saved'); }}>
        <Form.Item name="action" label={m('action')}><Radio.Group options={(stepping ? ACTIONS[stepping.status] : []).map((a) => ({ value: a, label: m(`a_${a}` as K) }))} /></Form.Item>
        <Form.Item name="note" label={m('note')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('note') }) }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        {action === 'resolve' || action === 'fail' ? <Form.Item name="outcome" label={m('outcome')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('outcome') }) }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item> : null}
        <Form.Item name="riskLevel" label={m('risk')}><Radio.Group options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: m(`r_${r}`) }))} /></Form.Item>
      </FormModal>
      <FormModal<{ finding: 'stable' | 'recurred'; note: string }> open={revisiting !== null} title={`${m('revisit')} · ${revisiting?.title ?? ''}`} form={revisitForm} initialValues={{ finding: 'stable' }} onClose={() => setRevisiting(null)} done={reload}
        submit={async (v) => { await grassrootsApi.recordRevisit(revisiting!.disputeId, revisiting!.seq, { finding: v.finding, note: v.note.trim() }); return m('saved'); }}>
        <Form.Item name="finding" label={m('finding')}><Radio.Group options={[{ value: 'stable', label: m('stable') }, { value: 'recurred', label: m('recurred') }]} /></Form.Item>
        <Form.Item name="note" label={m('note')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('note') }) }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </FormModal>
      <FormModal<{ title: string; period: [Dayjs, Dayjs]; dueDate: Dayjs }> open={roundOpen} title={m('addRound')} form={roundForm} onClose={() => setRoundOpen(false)} done={reload}
        submit={async (v) => { await grassrootsApi.createRound({ title: v.title.trim(), periodStart: v.period[0].format('YYYY-MM-DD'), periodEnd: v.period[1].format('YYYY-MM-DD'), dueDate: v.dueDate.format('YYYY-MM-DD') }); return m('saved'); }}>
        <Form.Item name="title" label={m('name')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="period" label={m('period')} rules={[{ required: true, message: m('required', { field: m('period') }) }]}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="dueDate" label={m('due')} rules={[{ required: true, message: m('required', { field: m('due') }) }]}><DatePicker /></Form.Item>
      </FormModal>
      <FormModal<{ unitId?: string; disputesFound: number; note?: string }> open={returning !== null} title={`${m('returnRound')} · ${returning?.title ?? ''}`} form={returnForm} initialValues={{ disputesFound: 0 }} onClose={() => setReturning(null)} done={reload}
        submit={async (v) => { await grassrootsApi.returnRound(returning!.id, { unitId: v.unitId, disputesFound: v.disputesFound, note: v.note?.trim() }); return m('saved'); }}>
        <Form.Item name="unitId" label={m('streets')}><Select allowClear options={streets.filter((s) => returning?.missing.some((x) => x.unitId === s.value))} /></Form.Item>
        <Form.Item name="disputesFound" label={m('disputesFound')}><InputNumber min={0} max={10000} /></Form.Item>
        <Form.Item name="note" label={m('note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </FormModal>
    </Space>
  );
}
