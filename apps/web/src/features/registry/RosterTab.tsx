import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { M } from './messages';
import { registryApi } from './registry-api';
import type { Shift, Swap } from './registry-api';

/** 值班表: who is on duty now, the roster with its AB岗 check, and swap requests (editors approve). */
export function RosterTab() {
  const m = useMessages(M);
  const notify = useNotify();
  const duty = useApi((s) => registryApi.onDuty(s), []);
  const roster = useApi((s) => registryApi.roster(s), []);
  const swaps = useApi((s) => registryApi.swaps(s), []);
  async function decide(id: string, decision: 'approve' | 'reject') {
    try { await registryApi.decideSwap(id, decision); swaps.reload(); roster.reload(); } catch (e) { notify.error(e); }
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={duty.error ?? roster.error ?? swaps.error} />
      <Card size="small" title={m('onDuty')} data-testid="registry-on-duty">
        {duty.data?.items.length ? duty.data.items.map((s) => <div key={s.id}><Tag color="blue">{s.post}</Tag>{m('a')}：{s.a.name} · {m('b')}：{s.b.name}（{formatTime(s.startsAt)} – {formatTime(s.endsAt)}）</div>) : m('noneOnDuty')}
      </Card>
      {roster.data && (roster.data.problems.length ? <Alert type="warning" showIcon message={`${m('problems')}: ${roster.data.problems.length}`} /> : <Alert type="success" showIcon message={m('rosterOk')} />)}
      <Table<Shift> size="small" rowKey="id" loading={roster.loading} dataSource={roster.data?.items ?? []} pagination={{ pageSize: 12 }} columns={[
        { title: m('post'), dataIndex: 'post', width: 110 },
        { title: m('time'), render: (_, s) => `${formatTime(s.startsAt)} – ${formatTime(s.endsAt)}` },
        { title: m('a'), render: (_, s) => s.a.name },
        { title: m('b'), render: (_, s) => s.b.name },
      ]} />
      <Card size="small" title={m('swaps')}>
        <Table<Swap> size="small" rowKey="id" dataSource={swaps.data?.items ?? []} pagination={false} columns={[
          { title: m('from'), render: (_, s) => `${s.from.name}（${s.slot.toUpperCase()}）` },
          { title: m('to'), render: (_, s) => s.to.name },
          { title: m('reason'), dataIndex: 'reason' },
          { title: '', render: (_, s) => s.status === 'pending'
            ? <Space><Button size="small" type="primary" onClick={() => void decide(s.id, 'approve')}>{m('approve')}</Button><Button size="small" onClick={() => void decide(s.id, 'reject')}>{m('reject')}</Button></Space>
            : <Tag color={s.status === 'approved' ? 'green' : 'red'}>{m(s.status)}</Tag> },
        ]} />
      </Card>
    </Space>
  );
}
