import { useState } from 'react';
import { Button, Card, Drawer, Input, Progress, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { Msg } from './messages';
import { grassrootsApi, pct } from './grassroots-api';
import type { CoverageStreet } from './grassroots-api';

const sectionName = (m: Msg, s: string) => m(`sec_${s}` as Parameters<Msg>[0]);

/** 居情档案: coverage per street (target 100 %), each community's six sections, editable with their history. */
export function FilesTab() {
  const m = useMessages(M);
  const cov = useApi((s) => grassrootsApi.fileCoverage(s), []);
  const [open, setOpen] = useState<string | null>(null);
  // Every street starts expanded (antd's defaultExpandAllRows only sees the first, still empty, render).
  const [collapsed, setCollapsed] = useState<readonly React.Key[]>([]);
  const c = cov.data;
  const shown = (c?.streets ?? []).filter((s) => s.communities > 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {cov.error ? <ErrorAlert error={cov.error} onRetry={cov.reload} /> : null}
      <Card size="small" data-testid="grassroots-files" title={`${m('coverage')} ${pct(c?.totals.coverage)}（${c?.totals.complete ?? 0}/${c?.totals.communities ?? 0}）`}>
        <Table<CoverageStreet> size="small" rowKey="unitId" loading={cov.loading} dataSource={shown} pagination={false}
          expandable={{
            expandedRowKeys: shown.map((s) => s.unitId).filter((k) => !collapsed.includes(k)),
            onExpand: (expanded, s) => setCollapsed(expanded ? collapsed.filter((k) => k !== s.unitId) : [...collapsed, s.unitId]),
            expandedRowRender: (s) => (
            <Table size="small" rowKey="areaCode" pagination={false} dataSource={s.rows} columns={[
              { title: m('community'), dataIndex: 'areaName', width: 160 },
              { title: m('complete'), width: 90, render: (_, r) => <Tag color={r.complete ? 'green' : r.filled.length ? 'orange' : 'red'}>{r.filled.length}/6</Tag> },
              { title: m('missing'), render: (_, r) => (r.missing.length ? r.missing.map((x) => sectionName(m, x)).join('、') : '—') },
              { title: '', width: 100, render: (_, r) => <Button size="small" onClick={() => setOpen(r.areaCode)}>{m('edit')}</Button> },
            ]} />
          ) }}
          columns={[
            { title: m('streets'), dataIndex: 'unitName', width: 160 },
            { title: m('coverage'), render: (_, s) => <Progress percent={Math.round((s.coverage ?? 0) * 100)} size="small" style={{ maxWidth: 260 }} /> },
            { title: m('complete'), width: 110, render: (_, s) => `${s.complete}/${s.communities}` },
            { title: m('started'), width: 110, render: (_, s) => `${s.started}/${s.communities}` },
          ]} />
      </Card>
      {open ? <FileDrawer areaCode={open} onClose={() => { setOpen(null); cov.reload(); }} /> : null}
    </Space>
  );
}

function FileDrawer({ areaCode, onClose }: { areaCode: string; onClose: () => void }) {
  const m = useMessages(M);
  const notify = useNotify();
  const file = useApi((s) => grassrootsApi.file(areaCode, s), [areaCode]);
  const [editing, setEditing] = useState<{ section: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function save() {
    if (!editing?.text.trim()) return;
    setBusy(true);
    try { await grassrootsApi.writeSection(areaCode, editing.section, editing.text.trim()); notify.success(m('saved')); setEditing(null); file.reload(); } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  const f = file.data;
  return (
    <Drawer open width={640} title={f ? `${f.streetName ?? ''} · ${f.areaName} · ${m('files')}` : m('files')} onClose={onClose} data-testid="grassroots-file">
      {file.error ? <ErrorAlert error={file.error} onRetry={file.reload} /> : null}
      {f?.sections.map((s) => (
        <Card key={s.section} size="small" style={{ marginBottom: 8 }} title={`${sectionName(m, s.section)}${s.version ? ` · ${m('version', { v: s.version })}` : ''}`}
          extra={editing?.section === s.section ? null : <Button size="small" onClick={() => setEditing({ section: s.section, text: s.content ?? '' })}>{m('edit')}</Button>}>
          {editing?.section === s.section ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea rows={3} value={editing.text} maxLength={20000} onChange={(e) => setEditing({ ...editing, text: e.target.value })} aria-label={sectionName(m, s.section)} />
              <Space><Button type="primary" size="small" loading={busy} onClick={() => void save()}>{m('save')}</Button><Button size="small" onClick={() => setEditing(null)}>✕</Button></Space>
            </Space>
          ) : <Typography.Paragraph style={{ marginBottom: 0 }} type={s.content ? undefined : 'secondary'}>{s.content ?? m('empty')}{s.updatedBy ? <Typography.Text type="secondary"> —— {s.updatedBy} {s.updatedAt ? dayjs(s.updatedAt).format('YYYY-MM-DD') : ''}</Typography.Text> : null}</Typography.Paragraph>}
        </Card>
      ))}
      {f?.history.length ? (
        <Card size="small" title={m('history')}>
          <Timeline items={f.history.map((h) => ({ children: <span className="ms-wrap"><b>{sectionName(m, h.section)} {m('version', { v: h.version })}</b> {h.by} {dayjs(h.at).format('YYYY-MM-DD HH:mm')}<br />{h.content}</span> }))} />
        </Card>
      ) : null}
    </Drawer>
  );
}
