import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { api } from '../../api/client';
import type { Query } from '../../api/client';
import type { AppealSummary, Deadline, Page } from '../../api/types';
import { useReference } from '../../api/reference';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineLights } from '../../components/DeadlineLights';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';

const M = defineMessages({
  zh: { number: '工单编号', title: '标题', kind: '类型', status: '状态', unit: '主办单位', deadlines: '时限', createdAt: '登记时间', more: '加载更多', empty: '暂无诉求' },
  en: { number: 'Number', title: 'Title', kind: 'Kind', status: 'Status', unit: 'Lead unit', deadlines: 'Deadlines', createdAt: 'Registered', more: 'Load more', empty: 'Nothing here' },
});

export interface PagedAppeals {
  items: AppealSummary[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** A work queue's list: GET /api/appeals with the queue's filter, server-paginated by the keyset cursor ("load more"). */
export function usePagedAppeals(query: Query, key: string): PagedAppeals {
  const [items, setItems] = useState<AppealSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const queryRef = useRef(query);
  queryRef.current = query;

  const fetchPage = useCallback(async (after: string | null, signal?: AbortSignal) => {
    return api.get<Page<AppealSummary>>('/api/appeals', { limit: 50, ...queryRef.current, cursor: after }, signal);
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    fetchPage(null, ctrl.signal).then(
      (p) => { if (!ctrl.signal.aborted) { setItems(p.items); setCursor(p.nextCursor); setError(null); setLoading(false); } },
      (e: unknown) => { if (!ctrl.signal.aborted) { setError(e); setLoading(false); } },
    );
    return () => ctrl.abort();
  }, [key, tick, fetchPage]);

  const loadMore = useCallback(() => {
    if (!cursor) return;
    setLoading(true);
    fetchPage(cursor).then(
      (p) => { setItems((old) => [...old, ...p.items]); setCursor(p.nextCursor); setLoading(false); },
      (e: unknown) => { setError(e); setLoading(false); },
    );
  }, [cursor, fetchPage]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, loading, error, hasMore: cursor !== null, loadMore, reload };
}

/** The most urgent light among an appeal's running clocks. */
export function worstLight(deadlines: Deadline[]): 'red' | 'yellow' | 'green' | null {
  const running = deadlines.filter((d) => d.running && !d.paused);
  if (running.some((d) => d.overdue || d.light === 'red')) return 'red';
  if (running.some((d) => d.light === 'yellow')) return 'yellow';
  return running.length ? 'green' : null;
}

/** Milliseconds until the earliest running clock ends (negative: overdue). */
export function timeLeft(deadlines: Deadline[], now = Date.now()): number | null {
  const running = deadlines.filter((d) => d.running && !d.paused);
  if (!running.length) return null;
  return Math.min(...running.map((d) => Date.parse(d.dueAt) - now));
}

/**
 * The table every work queue shows: number (to the detail page), title (opens the queue's side panel), kind and
 * urgency, state, lead unit, clocks with their lights. `extra` adds queue-specific columns before the clocks.
 */
export function AppealQueueTable({ list, onOpen, selectedId, extra = [], rowSelection, testId, hideUnit = false, hideCreated = false }: {
  list: PagedAppeals; onOpen: (a: AppealSummary) => void; selectedId?: string | null; extra?: TableColumnsType<AppealSummary>;
  rowSelection?: { selectedRowKeys: string[]; onChange: (keys: string[]) => void }; testId?: string; hideUnit?: boolean; hideCreated?: boolean;
}) {
  const { label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  // With the side panel open the table keeps what identifies a row and its urgency; the panel shows the rest.
  const narrow = Boolean(selectedId);
  const columns: TableColumnsType<AppealSummary> = [
    { title: m('number'), dataIndex: 'number', width: 164, render: (n: string, a) => <Link to={`/appeals/${a.id}`} className="ms-mono" style={{ whiteSpace: 'nowrap' }}>{n}</Link> },
    {
      title: m('title'), dataIndex: 'title', width: 250, ellipsis: { showTitle: false },
      render: (title: string, a) => (
        <Tooltip title={title} placement="topLeft">
          <a onClick={() => onOpen(a)}>{title}</a>
        </Tooltip>
      ),
    },
    ...(narrow ? [] : [{
      title: m('kind'), dataIndex: 'kind', width: 104, render: (_: unknown, a: AppealSummary) => (
        <Flex gap={4} wrap>
          <Tag style={{ marginInlineEnd: 0 }}>{label('kind', a.kind)}</Tag>
          {a.urgency !== 'normal' ? <Tag color={a.urgency === 'critical' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>{label('urgency', a.urgency)}</Tag> : null}
        </Flex>
      ),
    }]),
    { title: m('status'), dataIndex: 'status', width: 92, render: (_: unknown, a) => <StatusTag status={a.status} /> },
    ...(narrow || hideUnit ? [] : [{ title: m('unit'), dataIndex: 'leadUnitId', width: 160, ellipsis: true, render: (id: string | null) => (id ? ref.unitName(id) : '—') }]),
    ...(narrow ? extra.filter((c) => c.key === 'actions' || c.key === 'left') : extra),
    { title: m('deadlines'), dataIndex: 'deadlines', width: 210, render: (d: Deadline[]) => <DeadlineLights deadlines={d} compact /> },
    ...(narrow || hideCreated ? [] : [{ title: m('createdAt'), dataIndex: 'createdAt', width: 132, render: (t: string) => formatTime(t) }]),
  ];
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), rowSelection ? 40 : 0);
  return (
    <>
      <Table<AppealSummary> size="small" rowKey="id" columns={columns} dataSource={list.items} loading={list.loading} pagination={false}
        scroll={{ x: width }} locale={{ emptyText: m('empty') }} data-testid={testId} tableLayout="fixed"
        rowClassName={(a) => (a.id === selectedId ? 'ant-table-row-selected' : '')}
        onRow={(a) => ({ onDoubleClick: () => onOpen(a) })}
        rowSelection={rowSelection ? { selectedRowKeys: rowSelection.selectedRowKeys, onChange: (keys) => rowSelection.onChange(keys as string[]) } : undefined} />
      {list.hasMore ? <Flex justify="center" style={{ marginTop: 12 }}><Button onClick={list.loadMore} loading={list.loading}>{m('more')}</Button></Flex> : null}
    </>
  );
}

/** A small label: value row for side panels. */
export function Field({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Flex gap={8} style={{ marginBottom: 6 }}>
      <Typography.Text type="secondary" style={{ flex: '0 0 84px' }}>{label}</Typography.Text>
      <div style={{ minWidth: 0, flex: 1 }} className="ms-wrap">{children}</div>
    </Flex>
  );
}

/** The queue's table, and the chosen appeal's side panel beside it (below it on narrow screens). */
export function QueueLayout({ table, panel }: { table: ReactNode; panel: ReactNode | null }) {
  return (
    <Flex gap={16} align="flex-start" wrap={false} style={{ minWidth: 0 }}>
      <div style={{ flex: '1 1 0', minWidth: 0 }}>{table}</div>
      {panel ? <div style={{ flex: '0 0 400px', maxWidth: '40%' }}>{panel}</div> : null}
    </Flex>
  );
}
