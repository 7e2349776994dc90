import { useMemo, useState } from 'react';
import { Badge, Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { AppealSummary } from '../../api/types';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { AppealQueueTable, QueueLayout, usePagedAppeals } from './queue-parts';
import type { PagedAppeals } from './queue-parts';
import { AppealSidePanel } from './AppealSidePanel';
import { JointMeetingButton, SuperviseButtons } from './supervision-forms';

const M = defineMessages({
  zh: {
    red: '红灯超期', yellow: '黄灯预警', problem: '问题工单', byUnit: '按单位', all: '全部单位', actions: '督办操作', redo: '重办 {n} 次', escalated: '已提级',
    sub: '超期（红灯）和临期（黄灯）诉求按承办单位汇总；催办、督办（限期回复）、联席会议协调疑难问题。', noUnit: '未派单',
  },
  en: {
    red: 'Overdue (red)', yellow: 'Due soon (yellow)', problem: 'Problem appeals', byUnit: 'By unit', all: 'All units', actions: 'Supervision', redo: 'redone {n}×', escalated: 'escalated',
    sub: 'Overdue (red) and nearly due (yellow) appeals by handling unit; urge, issue notices with a reply-by date, convene joint meetings for hard cases.', noUnit: 'not dispatched',
  },
});

type TabKey = 'red' | 'yellow' | 'problem';
const OPEN = ['dispatched', 'handling', 'suspended', 'return_requested', 'reply_review', 'closure_review', 'callback'];
/** Each tab's filter, applied by the server (lights from the deadline sweep; problem thresholds from the settings). */
const TAB_QUERY: Record<TabKey, Record<string, string>> = { red: { overdue: 'true' }, yellow: { dueSoon: 'true' }, problem: { problem: 'true' } };

/** 督办: every red and yellow appeal by unit, with urge / supervise buttons, problem appeals and joint meetings. */
export default function SupervisionQueue() {
  const { t } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const [tab, setTab] = useState<TabKey>('red');
  const [unit, setUnit] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  // The board's counts (every tab, all units) and the table (this tab, the chosen unit) are separate server queries.
  const red = usePagedAppeals({ status: OPEN, ...TAB_QUERY.red, limit: 100 }, 'red');
  const yellow = usePagedAppeals({ status: OPEN, ...TAB_QUERY.yellow, limit: 100 }, 'yellow');
  const problem = usePagedAppeals({ status: OPEN, ...TAB_QUERY.problem, limit: 100 }, 'problem');
  const list = usePagedAppeals({ status: OPEN, ...TAB_QUERY[tab], ...(unit ? { unitId: unit } : {}), limit: 100 }, `${tab}:${unit ?? ''}`);
  const reloadAll = () => { red.reload(); yellow.reload(); problem.reload(); list.reload(); };
  const counted: Record<TabKey, PagedAppeals> = { red, yellow, problem };

  const units = useMemo(() => {
    const counts = new Map<string, { red: number; yellow: number }>();
    for (const a of red.items) { const k = a.leadUnitId ?? ''; counts.set(k, { red: (counts.get(k)?.red ?? 0) + 1, yellow: counts.get(k)?.yellow ?? 0 }); }
    for (const a of yellow.items) { const k = a.leadUnitId ?? ''; counts.set(k, { red: counts.get(k)?.red ?? 0, yellow: (counts.get(k)?.yellow ?? 0) + 1 }); }
    return [...counts.entries()].sort((a, b) => b[1].red - a[1].red || b[1].yellow - a[1].yellow);
  }, [red.items, yellow.items]);

  return (
    <>
      <PageTitle title={t('nav.supervision')} sub={m('sub')}
        extra={<><JointMeetingButton appealIds={ticked} onDone={() => { setTicked([]); reloadAll(); }} /><Button icon={<ReloadOutlined />} onClick={reloadAll}>{t('common.refresh')}</Button></>} />
      {list.error ? <ErrorAlert error={list.error} onRetry={reloadAll} /> : null}
      <Card size="small" title={m('byUnit')} style={{ marginBottom: 12 }} data-testid="units-board">
        <Flex gap={8} wrap>
          <Tag.CheckableTag checked={unit === null} onChange={() => setUnit(null)}>{m('all')}</Tag.CheckableTag>
          {units.map(([id, c]) => (
            <Tag.CheckableTag key={id || 'none'} checked={unit === id} onChange={() => setUnit(unit === id ? null : id)} style={{ border: '1px solid #f0f0f0' }}>
              <Flex gap={6} align="center">
                <span>{id ? ref.unitName(id) : m('noUnit')}</span>
                {c.red ? <Badge count={c.red} color="#cf1322" size="small" /> : null}
                {c.yellow ? <Badge count={c.yellow} color="#faad14" size="small" /> : null}
              </Flex>
            </Tag.CheckableTag>
          ))}
        </Flex>
      </Card>
      <Tabs activeKey={tab} onChange={(k) => { setTab(k as TabKey); setSelected(null); setTicked([]); }} items={[
        { key: 'red', label: <Badge count={counted.red.items.length} overflowCount={99} size="small" offset={[8, -2]}>{m('red')}</Badge> },
        { key: 'yellow', label: <Badge count={counted.yellow.items.length} overflowCount={99} size="small" offset={[8, -2]} color="#faad14">{m('yellow')}</Badge> },
        { key: 'problem', label: <Badge count={counted.problem.items.length} overflowCount={99} size="small" offset={[8, -2]} color="#722ed1">{m('problem')}</Badge> },
      ]} />
      <QueueLayout
        table={<AppealQueueTable list={list} selectedId={selected} onOpen={(a) => setSelected(a.id)} testId={`supervision-${tab}`}
          rowSelection={{ selectedRowKeys: ticked, onChange: setTicked }} hideCreated
          extra={[{
            title: m('actions'), key: 'actions', width: 128, render: (_: unknown, a: AppealSummary) => (
              <Flex vertical gap={2}>
                <Flex><SuperviseButtons appeal={a} onDone={reloadAll} /></Flex>
                {a.redoCount ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('redo', { n: a.redoCount })}{a.escalated ? ` · ${m('escalated')}` : ''}</Typography.Text> : null}
              </Flex>
            ),
          }]} />}
        panel={selected ? (
          <AppealSidePanel key={selected} id={selected} only={['urge', 'supervise', 'escalate', 'redo', 'approve_closure', 'reject_closure', 'joint_meeting', 'note']}
            onClose={() => setSelected(null)} onChanged={reloadAll} />
        ) : null} />
    </>
  );
}
