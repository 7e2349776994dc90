import { useState } from 'react';
import { Button, Card, Empty, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Loaded } from '../../api/useApi';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { CancelForm } from './CancelForm';
import { MatterForm } from './MatterForm';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { Matter, Session } from './registry-api';
import { SessionForm } from './SessionForm';

/** 接访记录: each session with its matters (appeal, unit, due date, result); record, edit or cancel one, add matters, read the minutes. */
export function SessionsCard({ sessions, onOwnCase, onChanged }: {
  sessions: Loaded<{ items: Session[] }>;
  /** Start a 包案 from a matter (its appeal and text). */
  onOwnCase: (matter: Matter, session: Session) => void;
  onChanged: () => void;
}) {
  const m = useMessages(M);
  const notify = useNotify();
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState<Session | null>(null);
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [matterFor, setMatterFor] = useState<Session | null>(null);
  const [minutes, setMinutes] = useState<string | null>(null);
  async function showMinutes(id: string) {
    try { setMinutes((await registryApi.minutes(id)).text); } catch (e) { notify.error(e); }
  }
  const columns = (s: Session) => [
    { title: m('visitor'), width: 100, render: (_: unknown, x: Matter) => `${x.visitorName ?? '—'}${x.visitorCount > 1 ? ` ×${x.visitorCount}` : ''}` },
    { title: m('content'), render: (_: unknown, x: Matter) => <span className="ms-wrap">{x.content}</span> },
    { title: m('unit'), width: 190, render: (_: unknown, x: Matter) => <><Link to={`/appeals/${x.appealId}`}>{x.number}</Link><br />{x.assignedUnitName ?? '—'}</> },
    { title: m('due'), width: 120, render: (_: unknown, x: Matter) => <>{formatTime(x.dueAt).slice(0, 10)}{x.overdue ? <Tag color="red">{m('overdue')}</Tag> : null}</> },
    { title: m('result'), width: 200, render: (_: unknown, x: Matter) => (x.closedAt
      ? <><Tag color="green">{m('closed')}</Tag><span className="ms-wrap">{x.result?.text ?? ''}</span></>
      : <Typography.Text type="secondary">{m('inProgress')}</Typography.Text>) },
    { title: '', width: 70, render: (_: unknown, x: Matter) => <Button size="small" type="link" onClick={() => onOwnCase(x, s)}>{m('caseFromMatter')}</Button> },
  ];
  return (
    <Card size="small" title={m('sessions')} extra={<Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>{m('newSession')}</Button>}>
      <List dataSource={sessions.data?.items ?? []} loading={sessions.loading} locale={{ emptyText: <Empty description={m('noSessions')} /> }} renderItem={(s) => (
        <List.Item key={s.id} style={{ display: 'block' }} data-testid="registry-session">
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color={s.kind === 'hotline' ? 'purple' : 'blue'}>{m(s.kind)}</Tag><strong>{s.leaderName}</strong><span>{formatTime(s.heldAt)}</span>
            <span className="ms-wrap">{s.place}</span>
            <span>{m('matters')} {s.matters.length} · {m('closed')} {s.closedMatters}</span>
            {s.cancelledAt ? <Tag>{m('cancelled')}</Tag> : <>
              <Button size="small" onClick={() => setMatterFor(s)}>{m('addMatter')}</Button>
              <Button size="small" onClick={() => setEditing(s)}>{m('edit')}</Button>
              <Button size="small" danger onClick={() => setCancelling(s)}>{m('cancelSession')}</Button>
            </>}
            <Button size="small" onClick={() => void showMinutes(s.id)}>{m('minutes')}</Button>
          </Space>
          {s.cancelledAt ? <div className="ms-wrap" style={{ marginBottom: 8 }}><Typography.Text type="secondary">{m('cancelReason')}：</Typography.Text>{s.cancelReason}</div> : null}
          {s.summary ? <div className="ms-wrap" style={{ marginBottom: 8 }}><Typography.Text type="secondary">{m('summary')}：</Typography.Text>{s.summary}</div> : null}
          {s.matters.length ? <Table<Matter> size="small" rowKey="id" pagination={false} dataSource={s.matters} columns={columns(s)} scroll={{ x: 900 }} /> : null}
        </List.Item>
      )} />
      <SessionForm open={recording} onClose={() => setRecording(false)} done={onChanged} />
      {editing ? <SessionForm open session={editing} onClose={() => setEditing(null)} done={onChanged} /> : null}
      {cancelling ? (
        <CancelForm open title={`${m('cancelSession')} · ${cancelling.leaderName ?? ''} ${formatTime(cancelling.heldAt)}`} hint={m('cancelSessionHint')} onClose={() => setCancelling(null)} done={onChanged}
          submit={async (reason) => { await registryApi.cancelSession(cancelling.id, reason, cancelling.version); return m('sessionCancelled'); }} />
      ) : null}
      <MatterForm session={matterFor} onClose={() => setMatterFor(null)} done={onChanged} />
      <Modal open={minutes !== null} title={m('minutes')} footer={null} onCancel={() => setMinutes(null)} width={680}>
        <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', margin: 0 }} data-testid="registry-minutes">{minutes}</pre>
      </Modal>
    </Card>
  );
}
