import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Loaded } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { CaseForm } from './CaseForm';
import type { CaseSeed } from './CaseForm';
import { M } from './messages';
import type { CaseItem } from './registry-api';
import { ProgressForm } from './ProgressForm';

/** 领导包案: each case with its leader and progress; the centre assigns, the leader (or the centre) records progress. */
export function CasesCard({ cases, seed, setSeed, onChanged }: {
  cases: Loaded<{ items: CaseItem[] }>; seed: CaseSeed | null; setSeed: (s: CaseSeed | null) => void; onChanged: () => void;
}) {
  const m = useMessages(M);
  const { user, hasRole } = useAuth();
  const manager = hasRole('admin', 'supervisor', 'dispatcher', 'leader');
  const [progressFor, setProgressFor] = useState<CaseItem | null>(null);
  return (
    <Card size="small" title={m('cases')} extra={manager ? <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setSeed({})}>{m('addCase')}</Button> : null}>
      <List dataSource={cases.data?.items ?? []} loading={cases.loading} locale={{ emptyText: <Empty description={m('noCases')} /> }} renderItem={(c) => (
        <List.Item key={c.id} data-testid="registry-case" actions={c.status === 'open' && (manager || c.leaderUserId === user?.id)
          ? [<Button key="p" size="small" onClick={() => setProgressFor(c)}>{m('addProgress')}</Button>] : []}>
          <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
            <Space wrap>
              <Tag color={c.status === 'open' ? 'orange' : 'green'}>{c.status === 'open' ? m('inProgress') : m('closed')}</Tag>
              <strong className="ms-wrap">{c.title}</strong>
              <span>{c.leaderName}{c.unitName ? `（${c.unitName}）` : ''}</span>
              <Typography.Text type="secondary">{m('started')} {formatTime(c.startedAt).slice(0, 10)}</Typography.Text>
              {c.appealId ? <Link to={`/appeals/${c.appealId}`}>{m('caseAppeal')}</Link> : null}
            </Space>
            {c.progress.map((p) => <Typography.Text key={p.id} type="secondary" className="ms-wrap">{formatTime(p.at)} {p.by}：{p.note}</Typography.Text>)}
          </Space>
        </List.Item>
      )} />
      <CaseForm seed={seed} onClose={() => setSeed(null)} done={onChanged} />
      <ProgressForm item={progressFor} onClose={() => setProgressFor(null)} done={onChanged} />
    </Card>
  );
}
