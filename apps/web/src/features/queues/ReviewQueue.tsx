import { useState } from 'react';
import { Badge, Button, Tabs } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AppealAction } from '@minsheng/contracts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { AppealQueueTable, QueueLayout, usePagedAppeals } from './queue-parts';
import { AppealSidePanel } from './AppealSidePanel';

const M = defineMessages({
  zh: { replies: '答复审核', extensions: '延期申请', days: '申请延期', daysText: '{days} 天', sub: '答复须经单位负责人审核后方可送回访；延期申请在此批准或驳回。' },
  en: { replies: 'Replies', extensions: 'Extension requests', days: 'Extension', daysText: '{days} days', sub: 'Replies go out only after the unit leader approves them; extension requests are decided here.' },
});

const REPLY_ACTIONS: readonly AppealAction[] = ['approve_reply', 'send_back'];
const EXTENSION_ACTIONS: readonly AppealAction[] = ['approve_extension', 'reject_extension'];

/** 审核: the unit leader's desk — replies to approve or send back, extension requests to approve or reject. */
export default function ReviewQueue() {
  const { t } = useI18n();
  const m = useMessages(M);
  const [tab, setTab] = useState<'replies' | 'extensions'>('replies');
  const [selected, setSelected] = useState<string | null>(null);
  const replies = usePagedAppeals({ status: ['reply_review'] }, 'replies');
  const extensions = usePagedAppeals({ status: ['handling'], pending: 'extension' }, 'extensions');
  const list = tab === 'replies' ? replies : extensions;
  const reloadAll = () => { replies.reload(); extensions.reload(); };

  return (
    <>
      <PageTitle title={t('nav.review')} sub={m('sub')} extra={<Button icon={<ReloadOutlined />} onClick={reloadAll}>{t('common.refresh')}</Button>} />
      {list.error ? <ErrorAlert error={list.error} onRetry={reloadAll} /> : null}
      <Tabs activeKey={tab} onChange={(k) => { setTab(k as 'replies' | 'extensions'); setSelected(null); }} items={[
        { key: 'replies', label: <Badge count={replies.items.length} overflowCount={49} size="small" offset={[8, -2]}>{m('replies')}</Badge> },
        { key: 'extensions', label: <Badge count={extensions.items.length} overflowCount={49} size="small" offset={[8, -2]}>{m('extensions')}</Badge> },
      ]} />
      <QueueLayout
        table={<AppealQueueTable list={list} selectedId={selected} onOpen={(a) => setSelected(a.id)} testId={`review-${tab}`} hideUnit
          extra={tab === 'extensions' ? [{ title: m('days'), key: 'days', width: 90, render: (_: unknown, a) => m('daysText', { days: a.pending?.days ?? '—' }) }] : []} />}
        panel={selected ? (
          <AppealSidePanel key={selected} id={selected} only={tab === 'replies' ? REPLY_ACTIONS : EXTENSION_ACTIONS} onClose={() => setSelected(null)}
            onChanged={() => { reloadAll(); setSelected(null); }} />
        ) : null} />
    </>
  );
}
