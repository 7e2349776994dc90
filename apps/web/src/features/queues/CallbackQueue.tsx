import { useState } from 'react';
import { Badge, Button, Divider, Tabs } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { AppealQueueTable, QueueLayout, usePagedAppeals } from './queue-parts';
import { AppealSidePanel } from './AppealSidePanel';
import { CallbackForm } from './CallbackForm';

const M = defineMessages({
  zh: { todo: '待回访', callback: '回访记录', sub: '答复审核通过后 2 个工作日内回访：记录满意度、是否联系、是否解决；不满意的退回重办或复核后办结。' },
  en: { todo: 'To call back', callback: 'Callback', sub: 'Call back within 2 working days of the approved reply: satisfaction, contacted, solved; dissatisfied ones are redone or closed after review.' },
});

/** 回访: appeals whose reply was approved, and the one-click callback form beside the chosen one. */
export default function CallbackQueue() {
  const { t } = useI18n();
  const m = useMessages(M);
  const [selected, setSelected] = useState<string | null>(null);
  const list = usePagedAppeals({ status: ['callback'] }, 'callback');
  return (
    <>
      <PageTitle title={t('nav.callback')} sub={m('sub')} extra={<Button icon={<ReloadOutlined />} onClick={list.reload}>{t('common.refresh')}</Button>} />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      <Tabs activeKey="todo" items={[{ key: 'todo', label: <Badge count={list.items.length} overflowCount={49} size="small" offset={[8, -2]}>{m('todo')}</Badge> }]} />
      <QueueLayout
        table={<AppealQueueTable list={list} selectedId={selected} onOpen={(a) => setSelected(a.id)} testId="callback-list" />}
        panel={selected ? (
          <AppealSidePanel key={selected} id={selected} hideActions onClose={() => setSelected(null)} onChanged={list.reload}>
            {(a) => (
              <>
                <Divider style={{ margin: '10px 0' }} orientation="left" orientationMargin={0} plain>{m('callback')}</Divider>
                <CallbackForm appeal={a} onDone={(done) => { list.reload(); if (done.status !== 'callback') setSelected(null); }} />
              </>
            )}
          </AppealSidePanel>
        ) : null} />
    </>
  );
}
