import { useState } from 'react';
import { Badge, Button, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AppealAction } from '@minsheng/contracts';
import type { AppealSummary } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatSpan } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { AppealQueueTable, QueueLayout, timeLeft, usePagedAppeals, worstLight } from './queue-parts';
import type { PagedAppeals } from './queue-parts';
import { AppealSidePanel } from './AppealSidePanel';

const M = defineMessages({
  zh: {
    sign: '待签收', progress: '办理中', soon: '即将到期', overdue: '已超期', left: '剩余时间', leftText: '剩 {span}', overText: '超 {span}',
    sub: '签收后先行联系诉求人，按时答复；答复经单位负责人审核后送回访。',
  },
  en: {
    sign: 'To sign', progress: 'In progress', soon: 'Due soon', overdue: 'Overdue', left: 'Time left', leftText: '{span} left', overText: '{span} over',
    sub: 'Sign, contact the citizen first, reply in time; replies go to the unit leader for review, then to callback.',
  },
});

type TabKey = 'sign' | 'progress' | 'soon' | 'overdue';
const OPEN = ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review'] as const;
const ACTIONS: readonly AppealAction[] = [
  'sign', 'record_contact', 'reply', 'request_extension', 'request_return', 'co_opinion', 'suspend', 'resume', 'apply_closure', 'answer_supervision', 'sub_dispatch', 'escalate', 'note',
];

/** 承办: the unit's inbox — to sign, in progress, due soon (yellow) and overdue (red), with the time left. */
export default function HandlingQueue() {
  const { t, lang } = useI18n();
  const m = useMessages(M);
  const [tab, setTab] = useState<TabKey>('sign');
  const [selected, setSelected] = useState<string | null>(null);
  const toSign = usePagedAppeals({ status: ['dispatched'] }, 'sign');
  // Every tab is its own server query: a yellow or red appeal on a later page still shows (lights from the sweep).
  const progress = usePagedAppeals({ status: OPEN.filter((s) => s !== 'dispatched') }, 'progress');
  const soon = usePagedAppeals({ status: [...OPEN], dueSoon: 'true' }, 'soon');
  const overdue = usePagedAppeals({ status: [...OPEN], overdue: 'true' }, 'overdue');
  const reloadAll = () => { toSign.reload(); progress.reload(); soon.reload(); overdue.reload(); };
  const lists: Record<TabKey, PagedAppeals> = { sign: toSign, progress, soon, overdue };
  const list = lists[tab];

  const tabLabel = (key: TabKey, color?: string) => (
    <Badge count={lists[key].items.length} overflowCount={49} size="small" offset={[8, -2]} color={color}>{m(key)}</Badge>
  );
  const leftColumn = {
    title: m('left'), key: 'left', width: 110, render: (_: unknown, a: AppealSummary) => {
      const ms = timeLeft(a.deadlines);
      if (ms === null) return '—';
      const light = worstLight(a.deadlines);
      return <Typography.Text type={light === 'red' ? 'danger' : light === 'yellow' ? 'warning' : undefined}>
        {ms < 0 ? m('overText', { span: formatSpan(ms, lang) }) : m('leftText', { span: formatSpan(ms, lang) })}
      </Typography.Text>;
    },
  };

  return (
    <>
      <PageTitle title={t('nav.handling')} sub={m('sub')} extra={<Button icon={<ReloadOutlined />} onClick={reloadAll}>{t('common.refresh')}</Button>} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Tabs activeKey={tab} onChange={(k) => { setTab(k as TabKey); setSelected(null); }} items={[
        { key: 'sign', label: tabLabel('sign', '#1677ff') },
        { key: 'progress', label: tabLabel('progress', '#1677ff') },
        { key: 'soon', label: tabLabel('soon', '#faad14') },
        { key: 'overdue', label: tabLabel('overdue') },
      ]} />
      <QueueLayout table={<AppealQueueTable list={list} selectedId={selected} onOpen={(a) => setSelected(a.id)} extra={[leftColumn]} testId={`handling-${tab}`} hideUnit />}
        panel={selected ? (
          <AppealSidePanel key={selected} id={selected} only={ACTIONS} onClose={() => setSelected(null)}
            onChanged={(a) => { reloadAll(); if (!['dispatched', 'handling', 'suspended'].includes(a.status)) setSelected(null); }} />
        ) : null} />
    </>
  );
}
