import { Alert, Button, Drawer, Flex, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { M } from './messages';
import { SectionTable } from './SectionTable';
import type { Report } from './types';

/** Opens one stored report: every section as a table, with its XLSX and its printable page (the PDF route). */
export function ReportView({ id, onClose }: { id: string; onClose: () => void }) {
  const m = useMessages(M);
  const notify = useNotify();
  const data = useApi((signal) => api.get<Report>(`/api/reports/${id}`, undefined, signal), [id]);
  const r = data.data;
  return (
    <Drawer open width="min(1200px, 96vw)" onClose={onClose} title={r?.title ?? m('reportTitle')} destroyOnHidden
      extra={(
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} onClick={() => { api.download(`/api/reports/${id}.xlsx`, undefined, 'report.xlsx').catch(notify.error); }}>{m('xlsx')}</Button>
          <Button icon={<PrinterOutlined />} onClick={() => { api.openInTab(`/api/reports/${id}/print`).catch(notify.error); }}>{m('print')}</Button>
        </Flex>
      )}>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {!r && data.loading ? <Spin /> : null}
      {r ? (
        <>
          <Typography.Paragraph type="secondary">
            {r.body.period.firstDay} — {r.body.period.lastDay} · {m('compared', { from: r.body.previous.firstDay, to: r.body.previous.lastDay })} · {m('generatedAt')} {formatTime(r.generatedAt)} · {r.scheduled ? m('scheduled') : m('manual')}
          </Typography.Paragraph>
          {r.body.complete ? null : <Alert type="warning" showIcon message={m('incomplete')} style={{ marginBottom: 12 }} />}
          {r.body.sections.map((s, i) => <SectionTable key={s.key} section={s} index={i} />)}
        </>
      ) : null}
    </Drawer>
  );
}
