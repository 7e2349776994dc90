import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Card, Flex, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { AppealSummary } from '../../api/types';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { AppealQueueTable, QueueLayout, usePagedAppeals } from './queue-parts';
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
interface Board { totals: Record<TabKey, number>; units: ({ unitId: string | null } & Record<TabKey, number>)[] }
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
  // The board's counts (every tab, all units, aggregated by the server) and the table (this tab, the chosen unit).
  const [board, setBoard] = useState<Board | null>(null);
  const [boardTick, setBoardTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    api.get<Board>('/api/supervision/board', undefined, ctrl.signal).then(setBoard, () => undefined);
    return () => ctrl.abort();
  }, [boardTick]);
  const list = usePagedAppeals({ status: OPEN, ...TAB_QUERY[tab], ...(unit ? { unitId: unit } : {}), limit: 100 }, `${tab}:${unit ?? ''}`);
  const reloadAll = () => { setBoardTick((n) => n + 1); list.reload(); };
  const totals = board?.totals ?? { red: 0, yellow: 0, problem: 0 };
  const units = useMemo(() => (board?.units ?? []).filter((u) => u.unitId && (u.red || u.yellow)), [board]);

  return (
    <>
      <PageTitle title={t('nav.supervision')} sub={m('sub')}
        extra={<><JointMeetingButton appealIds={ticked} onDone={() => { setTicked([]); reloadAll(); }} /><Button icon={<ReloadOutlined />} onClick={reloadAll}>{t('common.refresh')}</Button></>} />
      {list.error ? <ErrorAlert error={list.error} onRetry={reloadAll} /> : null}
      <Card size="small" title={m('byUnit')} style={{ marginBottom: 12 }} data-testid="units-board">
        <Flex gap={8} wrap>
          <Tag.CheckableTag checked={unit === null} onChange={() => setUnit(null)}>{m('all')}</Tag.CheckableTag>
          {units.map((c) => (
            <Tag.CheckableTag key={c.unitId ?? 'none'} checked={unit === c.unitId} onChange={() => setUnit(unit === c.unitId ? null : c.unitId)} style={{ border: '1px solid #f0f0f0' }}>
              <Flex gap={6} align="center">
                <span>{c.unitId ? ref.unitName(c.unitId) : m('noUnit')}</span>
                {c.red ? <Badge count={c.red} color="#cf1322" size="small" /> : null}
                {c.yellow ? <Badge count={c.yellow} color="#faad14" size="small" /> : null}
              </Flex>
            </Tag.CheckableTag>
          ))}
        </Flex>
      </Card>
      <Tabs activeKey={tab} onChange={(k) => { setTab(k as TabKey); setSelected(null); setTicked([]); }} items={[
        { key: 'red', label: <Badge count={totals.red} overflowCount={99} size="small" offset={[8, -2]}>{m('red')}</Badge> },
        { key: 'yellow', label: <Badge count={totals.yellow} overflowCount={99} size="small" offset={[8, -2]} color="#faad14">{m('yellow')}</Badge> },
        { key: 'problem', label: <Badge count={totals.problem} overflowCount={99} size="small" offset={[8, -2]} color="#722ed1">{m('problem')}</Badge> },
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
