import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useI18n, useMessages } from '../../i18n';
import { M } from './messages';
import { reportApi } from './report-api';
import type { MonthlyReport, ReportModuleFigure, ReportRow, ReportTier } from './report-api';

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/**
 * 月度考核: every street/park and department scored for a month by the configurable weights (seed 003 §12–13), ranked
 * within its tier; a rate's tooltip shows what it counts, gaps are red, and the same table downloads as XLSX.
 */
export function RegistryReportTab() {
  const m = useMessages(M);
  const { lang } = useI18n();
  const notify = useNotify();
  const [month, setMonth] = useState(dayjs());
  const key = month.format('YYYY-MM');
  const report = useApi((s) => reportApi.report(key, s), [key]);
  const [downloading, setDownloading] = useState(false);
  const r = report.data;
  const label = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);

  async function download() {
    setDownloading(true);
    try { notify.success(m('reportDownloaded', { f: await reportApi.download(key) })); } catch (e) { notify.error(e); } finally { setDownloading(false); }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} aria-label={m('month')} disabledDate={(d) => d.isAfter(dayjs(), 'month')} />
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="registry-report-xlsx">{m('reportDownload')}</Button>
      </Space>
      {report.error ? <ErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {r && !r.complete ? <Alert type="info" showIcon message={m('reportIncomplete', { t: r.asOfLocal })} /> : null}
      {r ? <Typography.Text type="secondary">{m('reportNote')}</Typography.Text> : null}
      {(r?.tiers ?? []).filter((t) => t.rows.length).map((t) => (
        <Card key={t.tier} size="small" title={label(t)} data-testid={`registry-report-${t.tier}`}>
          <Table<ReportRow> size="small" rowKey="unitId" loading={report.loading} pagination={false} dataSource={t.rows} columns={columns(t, r!, m, label)} scroll={{ x: 900 }} />
        </Card>
      ))}
      {r && r.tiers.every((t) => !t.rows.length) ? <Alert type="warning" message={m('reportNone')} /> : null}
    </Space>
  );
}

type Msg = ReturnType<typeof useMessages<keyof typeof M.zh>>;

function columns(t: ReportTier, r: MonthlyReport, m: Msg, label: (x: { zh: string; en: string }) => string): ColumnsType<ReportRow> {
  const moduleOf = (k: string) => r.modules.find((x) => x.key === k)!;
  return [
    { title: m('reportRank'), width: 70, render: (_, u) => (u.rank === null ? '—' : `${u.rank}/${u.tierSize}`) },
    { title: m('reportUnit'), dataIndex: 'unitName', width: 140, fixed: 'left' },
    { title: m('reportScore'), dataIndex: 'score', width: 80, render: (s: number | null) => (s === null ? '—' : <b>{s.toFixed(1)}</b>) },
    ...t.modules.filter((k) => t.weights[k] > 0).map((k) => ({
      key: k,
      title: <span>{label(moduleOf(k))}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('reportWeight', { w: t.weights[k] })}</Typography.Text></span>,
      width: 110,
      render: (_: unknown, u: ReportRow) => <RateCell f={u.modules[k]} m={m} />,
    })),
  ];
}

function RateCell({ f, m }: { f: ReportModuleFigure; m: Msg }) {
  if (f.rate === null) return <Tooltip title={m('reportNoItems')}><span>—</span></Tooltip>;
  const tip = m('reportCounts', { n: f.numerator, d: f.denominator });
  // A gap (below 100 %) is red so the table reads as a to-do list; a full rate stays plain.
  return <Tooltip title={tip}>{f.rate < 1 ? <Tag color="red" data-gap="1">{pct(f.rate)}</Tag> : <span>{pct(f.rate)}</span>}</Tooltip>;
}
