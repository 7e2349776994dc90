import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Tabs, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AppealAction } from '@minsheng/contracts';
import { api } from '../../api/client';
import type { AppealEvent } from '../../api/types';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, defineMessages, useMessages } from '../../i18n';
import { AppealQueueTable, QueueLayout, usePagedAppeals } from './queue-parts';
import { AppealSidePanel } from './AppealSidePanel';
import { DispatchAssist } from '../text/DispatchAssist';
import { useRoutingProposals } from './routing-proposals';
import type { RoutingProposal } from './routing-proposals';

const M = defineMessages({
  zh: {
    newTab: '待派单', returnsTab: '退单申请', suggested: '建议承办单位', none: '无建议', returnReason: '退单理由（{unit}）',
    returnHint: '同意退单后诉求回到"已受理"，可重新派单；驳回须写明理由，诉求回到承办单位。', sub: '新登记和已受理的诉求当日派出；承办单位的退单申请在此审核',
  },
  en: {
    newTab: 'To dispatch', returnsTab: 'Return requests', suggested: 'Suggested unit', none: 'no proposal', returnReason: 'Reason for return ({unit})',
    returnHint: 'Approving sends the appeal back to "accepted" for redispatch; rejecting needs a reason and returns it to the unit.', sub: 'Dispatch new appeals the same day; review the units\' return requests',
  },
});

const NEW_ACTIONS: readonly AppealAction[] = ['dispatch', 'accept', 'reclassify', 'merge', 'reject', 'refer_emergency', 'refer_legal', 'answer_directly'];
const RETURN_ACTIONS: readonly AppealAction[] = ['approve_return', 'reject_return'];

/** The routing catalogue's proposal for one row: "…" while asked for, "no proposal" when there is none. */
function SuggestedUnit({ p }: { p: RoutingProposal | null | undefined }) {
  const m = useMessages(M);
  if (p === undefined) return <Typography.Text type="secondary">…</Typography.Text>;
  if (!p?.leadUnitName) return <Typography.Text type="secondary">{m('none')}</Typography.Text>;
  return <Tooltip title={p.why}><Typography.Text>{p.leadUnitName}</Typography.Text></Tooltip>;
}

/** The unit's reason for the latest return request, from the timeline. */
function ReturnReason({ id }: { id: string }) {
  const m = useMessages(M);
  const ref = useReference();
  const [event, setEvent] = useState<AppealEvent | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.get<{ items: AppealEvent[] }>(`/api/appeals/${id}/events`).then(
      (r) => setEvent([...r.items].reverse().find((e) => e.action === 'request_return') ?? null), setError);
  }, [id]);
  if (error) return <ErrorAlert error={error} />;
  if (!event) return null;
  return <Alert type="warning" showIcon style={{ margin: '8px 0' }} message={m('returnReason', { unit: ref.unitName(event.actorUnitId) })}
    description={<><div className="ms-wrap">{event.reason}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('returnHint')}</Typography.Text></>} />;
}

/** 派单: new appeals to accept and dispatch (with the catalogue's suggested unit), and units' return requests to decide. */
export default function DispatchQueue() {
  const { t } = useI18n();
  const m = useMessages(M);
  const [tab, setTab] = useState<'new' | 'returns'>('new');
  const [selected, setSelected] = useState<string | null>(null);
  const fresh = usePagedAppeals({ status: ['registered', 'accepted'] }, 'new');
  const returns = usePagedAppeals({ status: ['return_requested'] }, 'returns');
  const list = tab === 'new' ? fresh : returns;
  const proposalOf = useRoutingProposals(fresh.items.map((a) => a.id));
  const reloadAll = () => { fresh.reload(); returns.reload(); };

  const panel = selected ? (
    <AppealSidePanel key={selected} id={selected} only={tab === 'new' ? NEW_ACTIONS : RETURN_ACTIONS}
      onClose={() => setSelected(null)}
      onChanged={(a) => { reloadAll(); if (!['registered', 'accepted', 'return_requested'].includes(a.status)) setSelected(null); }}>
      {(a, propose) => (a.status === 'return_requested' ? <ReturnReason id={a.id} /> : <DispatchAssist appeal={a} propose={propose} />)}
    </AppealSidePanel>
  ) : null;

  return (
    <>
      <PageTitle title={t('nav.dispatch')} sub={m('sub')} extra={<Button icon={<ReloadOutlined />} onClick={reloadAll}>{t('common.refresh')}</Button>} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Tabs activeKey={tab} onChange={(k) => { setTab(k as 'new' | 'returns'); setSelected(null); }} items={[
        { key: 'new', label: <Badge count={fresh.items.length} overflowCount={49} size="small" offset={[8, -2]}>{m('newTab')}</Badge> },
        { key: 'returns', label: <Badge count={returns.items.length} overflowCount={49} size="small" offset={[8, -2]}>{m('returnsTab')}</Badge> },
      ]} />
      <QueueLayout panel={panel} table={
        <AppealQueueTable list={list} selectedId={selected} onOpen={(a) => setSelected(a.id)} testId={`dispatch-${tab}`}
          hideUnit={tab === 'new'} extra={tab === 'new' ? [{ title: m('suggested'), key: 'suggested', width: 180, ellipsis: true, render: (_: unknown, a) => <SuggestedUnit p={proposalOf(a.id)} /> }] : []} />
      } />
    </>
  );
}
