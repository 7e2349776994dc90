import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useMessages } from '../../i18n';
import { FormModal } from '../../components/FormModal';
import { M } from './messages';
import type { Msg } from './messages';
import { grassrootsApi, pct } from './grassroots-api';
import type { ComplianceRow, Gap, Officer, OfficerLevel, Report, Risk } from './grassroots-api';
import { RiskTag } from './RiskTag';

/** One gap in words, e.g. '文东社区信息员 1/3'. */
export function gapText(m: Msg, g: Gap): string {
  return m(`g_${g.kind}` as Parameters<Msg>[0], { item: g.item ?? '', have: g.have ?? 0, need: g.need ?? 0, area: g.areaName ?? g.orgName ?? g.areaCode ?? '' });
}

interface PostForm { kind: 'station' | 'room'; unitId?: string; areaCode?: string; name: string; head?: string; staffCount: number; requirementsMet: string[] }
interface OfficerForm { level: OfficerLevel; unitId?: string; areaCode?: string; orgName?: string; name: string; phone?: string }

/** 网格与信息员: the compliance table per street and department, officers with their early-warning reports. */
export function NetworkTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const { hasRole } = useAuth();
  const editor = hasRole('admin', 'supervisor', 'unit_leader');
  const compliance = useApi((s) => grassrootsApi.compliance(s), []);
  const officers = useApi((s) => grassrootsApi.officers(s), []);
  const reports = useApi((s) => grassrootsApi.reports(s), []);
  const coverage = useApi((s) => grassrootsApi.fileCoverage(s), []);
  const [postOpen, setPostOpen] = useState(false);
  const [officerOpen, setOfficerOpen] = useState(false);
  const [reporting, setReporting] = useState<Officer | null>(null);
  const [converting, setConverting] = useState<Report | null>(null);
  const [postForm] = Form.useForm<PostForm>();
  const [officerForm] = Form.useForm<OfficerForm>();
  const [reportForm] = Form.useForm<{ content: string; riskLevel: Risk }>();
  const [disputeForm] = Form.useForm<{ title: string; kind: string }>();
  const kind = Form.useWatch('kind', postForm);
  const level = Form.useWatch('level', officerForm);
  const reload = () => { compliance.reload(); officers.reload(); reports.reload(); };
  const c = compliance.data;
  const units = [...(c?.streets ?? []), ...(c?.departments ?? [])].map((r) => ({ value: r.unitId, label: r.unitName ?? '' }));
  const streetUnits = (c?.streets ?? []).map((r) => ({ value: r.unitId, label: r.unitName ?? '' }));
  const deptUnits = (c?.departments ?? []).map((r) => ({ value: r.unitId, label: r.unitName ?? '' }));
  const communities = (coverage.data?.streets ?? []).flatMap((s) => s.rows.map((r) => ({ value: r.areaCode, label: `${s.unitName} · ${r.areaName ?? r.areaCode}` })));

  const columns = (dept: boolean) => [
    { title: m('unit'), dataIndex: 'unitName', width: 130 },
    { title: m('station'), width: 110, render: (_: unknown, r: ComplianceRow) => (r.station.exists ? <Tag color={r.station.compliant ? 'green' : 'orange'}>{m('staff')} {r.station.staffCount}</Tag> : <Tag color="red">{m('none')}</Tag>) },
    { title: m('unitOfficers'), dataIndex: 'unitOfficers', width: 90 },
    ...(dept ? [] : [
      { title: m('rooms'), width: 110, render: (_: unknown, r: ComplianceRow) => `${r.rooms}/${r.communities} · ${pct(r.roomCoverage)}` },
      { title: m('officersCov'), width: 110, render: (_: unknown, r: ComplianceRow) => `${r.communitiesWithOfficers}/${r.communities} · ${pct(r.officerCoverage)}` },
    ]),
    { title: m('gaps'), render: (_: unknown, r: ComplianceRow) => (r.gaps.length ? <Space size={[4, 4]} wrap>{r.gaps.map((g, i) => <Tag key={i} color="red">{gapText(m, g)}</Tag>)}</Space> : <Tag color="green">{m('compliant')}</Tag>) },
  ];

  async function settle(r: Report, how: 'appeal' | 'dismiss') {
    try {
      if (how === 'appeal') notify.success(m('converted', { n: (await grassrootsApi.reportToAppeal(r.id)).number }));
      else { await grassrootsApi.dismissReport(r.id); notify.success(m('saved')); }
      reports.reload();
    } catch (e) { notify.error(e); }
  }
  const t = c?.totals.streets;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {compliance.error ? <ErrorAlert error={compliance.error} onRetry={reload} /> : null}
      <Card size="small" data-testid="grassroots-compliance" title={`${m('compliance')} · ${m('stationCoverage')} ${pct(t?.stationCoverage)} · ${m('roomCoverage')} ${pct(t?.roomCoverage)} · ${m('officerCoverage')} ${pct(t?.officerCoverage)}`}
        extra={editor ? <Space><Button onClick={() => setPostOpen(true)}>{m('addPost')}</Button><Button onClick={() => setOfficerOpen(true)}>{m('addOfficer')}</Button></Space> : null}>
        <Table<ComplianceRow> size="small" rowKey="unitId" loading={compliance.loading} dataSource={c?.streets ?? []} pagination={false} columns={columns(false)} scroll={{ x: 900 }} />
        {c?.departments.length ? <Table<ComplianceRow> size="small" rowKey="unitId" style={{ marginTop: 12 }} dataSource={c.departments} pagination={{ pageSize: 5, hideOnSinglePage: true }} columns={columns(true)} /> : null}
      </Card>
      <Card size="small" title={m('reports')} data-testid="grassroots-reports">
        <Table<Report> size="small" rowKey="id" loading={reports.loading} dataSource={reports.data?.items ?? []} pagination={{ pageSize: 5, hideOnSinglePage: true }} scroll={{ x: 900 }} columns={[
          { title: m('officers'), dataIndex: 'officerName', width: 90 }, { title: m('area'), render: (_, r) => r.areaName ?? r.unitName, width: 110 },
          { title: m('reportContent'), dataIndex: 'content', render: (x: string) => <span className="ms-wrap">{x}</span> },
          { title: m('risk'), dataIndex: 'riskLevel', width: 90, render: (x: Risk) => <RiskTag risk={x} /> },
          { title: m('status'), dataIndex: 'status', width: 100, render: (x: Report['status'], r) => (r.appealId ? <Link to={`/appeals/${r.appealId}`}>{m('s_appeal')}</Link> : m(`s_${x}`)) },
          { title: '', width: 260, render: (_, r) => (r.status === 'pending' ? <Space size={4}>
            <Button size="small" onClick={() => setConverting(r)}>{m('toDispute')}</Button>
            <Button size="small" onClick={() => void settle(r, 'appeal')}>{m('toAppeal')}</Button>
            <Button size="small" type="text" onClick={() => void settle(r, 'dismiss')}>{m('dismiss')}</Button></Space> : null) },
        ]} />
      </Card>
      <Card size="small" title={m('officers')} data-testid="grassroots-officers">
        <Table<Officer> size="small" rowKey="id" loading={officers.loading} dataSource={officers.data?.items ?? []} pagination={{ pageSize: 8, hideOnSinglePage: true }} columns={[
          { title: m('name'), dataIndex: 'name', width: 100 }, { title: m('level'), dataIndex: 'level', width: 80, render: (l: OfficerLevel) => m(`l_${l}`) },
          { title: m('unit'), render: (_, o) => [o.unitName, o.areaName, o.orgName].filter(Boolean).join(' · ') }, { title: m('phone'), dataIndex: 'phone', width: 130 },
          { title: '', width: 100, render: (_, o) => <Button size="small" onClick={() => setReporting(o)}>{m('report')}</Button> },
        ]} />
      </Card>

      <FormModal<PostForm> open={postOpen} title={m('addPost')} form={postForm} initialValues={{ kind: 'station', staffCount: 0, requirementsMet: [] }} onClose={() => setPostOpen(false)} done={reload}
        submit={async (v) => { await grassrootsApi.createPost({ ...v, head: v.head ?? '', name: v.name.trim() }); return m('saved'); }}>
        <Form.Item name="kind" label={m('kind')}><Radio.Group options={[{ value: 'station', label: m('kindStation') }, { value: 'room', label: m('kindRoom') }]} onChange={() => postForm.setFieldValue('requirementsMet', [])} /></Form.Item>
        {kind === 'room'
          ? <Form.Item name="areaCode" label={m('community')} rules={[{ required: true, message: m('required', { field: m('community') }) }]}><Select showSearch optionFilterProp="label" options={communities} /></Form.Item>
          : <Form.Item name="unitId" label={m('unit')} rules={[{ required: true, message: m('required', { field: m('unit') }) }]}><Select showSearch optionFilterProp="label" options={units} /></Form.Item>}
        <Form.Item name="name" label={m('name')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={100} /></Form.Item>
        <Space><Form.Item name="head" label={m('head')}><Input maxLength={40} /></Form.Item><Form.Item name="staffCount" label={m('staffCount')}><InputNumber min={0} max={500} /></Form.Item></Space>
        <Form.Item name="requirementsMet" label={m('requirements')}><Checkbox.Group options={(kind === 'room' ? c?.rules.roomRequirements : c?.rules.stationRequirements) ?? []} /></Form.Item>
      </FormModal>
      <FormModal<OfficerForm> open={officerOpen} title={m('addOfficer')} form={officerForm} initialValues={{ level: 'street' }} onClose={() => setOfficerOpen(false)} done={reload}
        submit={async (v) => { await grassrootsApi.addOfficer({ ...v, phone: v.phone?.trim() || undefined }); return m('saved'); }}>
        <Form.Item name="level" label={m('level')}><Radio.Group options={(['street', 'department', 'community', 'school'] as const).map((l) => ({ value: l, label: m(`l_${l}`) }))} /></Form.Item>
        {level === 'community'
          ? <Form.Item name="areaCode" label={m('community')} rules={[{ required: true, message: m('required', { field: m('community') }) }]}><Select showSearch optionFilterProp="label" options={communities} /></Form.Item>
          : <Form.Item name="unitId" label={m('unit')} rules={[{ required: true, message: m('required', { field: m('unit') }) }]}><Select showSearch optionFilterProp="label" options={level === 'department' ? deptUnits : streetUnits} /></Form.Item>}
        {level === 'school' ? <Form.Item name="orgName" label={m('orgName')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('orgName') }) }]}><Input maxLength={100} /></Form.Item> : null}
        <Space><Form.Item name="name" label={m('name')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('name') }) }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="phone" label={m('phone')}><Input maxLength={20} /></Form.Item></Space>
      </FormModal>
      <FormModal<{ content: string; riskLevel: Risk }> open={reporting !== null} title={`${m('report')} · ${reporting?.name ?? ''}`} form={reportForm} initialValues={{ riskLevel: 'medium' }} onClose={() => setReporting(null)} done={reload}
        submit={async (v) => { await grassrootsApi.fileReport(reporting!.id, { content: v.content.trim(), riskLevel: v.riskLevel }); return m('saved'); }}>
        <Form.Item name="content" label={m('reportContent')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('reportContent') }) }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        <Form.Item name="riskLevel" label={m('risk')}><Radio.Group options={(['low', 'medium', 'high'] as const).map((r) => ({ value: r, label: m(`r_${r}`) }))} /></Form.Item>
      </FormModal>
      <FormModal<{ title: string; kind: string }> open={converting !== null} title={m('toDispute')} form={disputeForm} initialValues={{ kind: 'other' }} onClose={() => setConverting(null)} done={reload}
        submit={async (v) => { await grassrootsApi.reportToDispute(converting!.id, { title: v.title.trim(), kind: v.kind }); return m('saved'); }}>
        <Form.Item name="title" label={m('disputeTitle')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('disputeTitle') }) }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="kind" label={m('kind')}><Select options={KINDS.map((k) => ({ value: k, label: m(`k_${k}`) }))} /></Form.Item>
      </FormModal>
    </Space>
  );
}

export const KINDS = ['neighbour', 'family', 'land', 'labour', 'property', 'construction', 'environment', 'other'] as const;
