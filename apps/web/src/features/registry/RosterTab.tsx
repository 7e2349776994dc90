import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { Shift, Swap } from './registry-api';
import { ShiftForm } from './ShiftForm';
import { SwapForm } from './SwapForm';

/** 值班表: who is on duty now, the roster with its AB岗 check, swap requests; editors add shifts and decide swaps. */
export function RosterTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const { user, hasRole } = useAuth();
  const editor = hasRole('admin', 'supervisor');
  const duty = useApi((s) => registryApi.onDuty(s), []);
  const roster = useApi((s) => registryApi.roster(s), []);
  const swaps = useApi((s) => registryApi.swaps(s), []);
  const [editing, setEditing] = useState<Shift | 'new' | null>(null);
  const [swapping, setSwapping] = useState<Shift | null>(null);
  const reload = () => { duty.reload(); roster.reload(); swaps.reload(); };
  /** The slots this user may hand over: their own, or both for an editor. */
  const slotsOf = (s: Shift): ('a' | 'b')[] => (editor ? ['a', 'b'] : (['a', 'b'] as const).filter((k) => s[k].userId === user?.id));
  async function decide(id: string, decision: 'approve' | 'reject') {
    try { await registryApi.decideSwap(id, decision); notify.success(m('swapDecided')); reload(); } catch (e) { notify.error(e); }
  }
  const error = duty.error ?? roster.error ?? swaps.error;
  const postOf = (shiftId: string) => roster.data?.items.find((s) => s.id === shiftId);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      <Card size="small" title={m('onDuty')} data-testid="registry-on-duty">
        {duty.data?.items.length ? duty.data.items.map((s) => (
          <div key={s.id} className="ms-wrap"><Tag color="blue">{s.post}</Tag>{m('a')}：{s.a.name} · {m('b')}：{s.b.name}（{formatTime(s.startsAt)} – {formatTime(s.endsAt)}）</div>
        )) : m('noneOnDuty')}
      </Card>
      <Flex justify="space-between" align="center" gap={12} wrap>
        {roster.data ? (roster.data.problems.length
          ? <Alert type="warning" showIcon message={`${m('problems')}: ${roster.data.problems.length}`} />
          : <Alert type="success" showIcon message={m('rosterOk')} />) : <span />}
        {editor ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{m('addShift')}</Button> : null}
      </Flex>
      <Table<Shift> size="small" rowKey="id" loading={roster.loading} dataSource={roster.data?.items ?? []} pagination={{ pageSize: 12 }} scroll={{ x: 900 }} data-testid="registry-roster" columns={[
        { title: m('post'), dataIndex: 'post', width: 140, ellipsis: true },
        { title: m('time'), width: 290, render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(s.startsAt)} – {formatTime(s.endsAt)}</span> },
        { title: m('a'), render: (_, s) => s.a.name, ellipsis: true },
        { title: m('b'), render: (_, s) => s.b.name, ellipsis: true },
        { title: m('note'), dataIndex: 'note', ellipsis: true },
        { title: m('actions'), key: 'ops', width: 170, fixed: 'right', render: (_, s) => (
          <Space size={0}>
            {editor ? <Button size="small" type="link" onClick={() => setEditing(s)}>{m('editShift')}</Button> : null}
            {slotsOf(s).length ? <Button size="small" type="link" onClick={() => setSwapping(s)}>{m('requestSwap')}</Button> : null}
          </Space>
        ) },
      ]} />
      <Card size="small" title={m('swaps')}>
        <Table<Swap> size="small" rowKey="id" dataSource={swaps.data?.items ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 800 }} columns={[
          { title: m('post'), width: 240, render: (_, s) => { const sh = postOf(s.shiftId); return sh ? `${sh.post} ${formatTime(sh.startsAt)}` : '—'; } },
          { title: m('from'), width: 150, render: (_, s) => `${s.from.name ?? '—'}（${s.slot.toUpperCase()}）` },
          { title: m('to'), width: 110, render: (_, s) => s.to.name },
          { title: m('reason'), dataIndex: 'reason', ellipsis: true },
          { title: m('status'), width: 150, render: (_, s) => (s.status === 'pending' && editor
            ? <Space><Button size="small" type="primary" onClick={() => void decide(s.id, 'approve')}>{m('approve')}</Button><Button size="small" onClick={() => void decide(s.id, 'reject')}>{m('reject')}</Button></Space>
            : <Tag color={s.status === 'approved' ? 'green' : s.status === 'rejected' ? 'red' : 'gold'}>{m(s.status)}</Tag>) },
        ]} />
      </Card>
      <ShiftForm shift={editing} onClose={() => setEditing(null)} done={reload} />
      <SwapForm shift={swapping} slots={swapping ? slotsOf(swapping) : []} onClose={() => setSwapping(null)} done={reload} />
    </Space>
  );
}
