import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Drawer, Segmented, Table } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../components/time';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { FigureQuery, Members } from './types';

export interface DrawerTarget { indicator: string; label: string; group: string; groupLabel: string }

const PAGE = 20;

/** 穿透: the appeals behind one figure, from the same query as the figure, so the list's count equals it. */
export function FigureDrawer({ target, query, onClose }: { target: DrawerTarget | null; query: FigureQuery; onClose: () => void }) {
  const m = useMessages(M);
  const ref = useReference();
  const [part, setPart] = useState<'denominator' | 'numerator'>('denominator');
  const [page, setPage] = useState(1);
  const data = useApi((signal) => (target
    ? api.get<Members>(`/api/indicators/${target.indicator}/appeals`, {
      period: query.period, from: query.from, to: query.period === 'custom' ? query.to : undefined, groupBy: query.groupBy,
      includeSubunits: String(query.includeSubunits), group: target.group, part, limit: PAGE, offset: (page - 1) * PAGE,
    }, signal)
    : Promise.resolve(undefined)), [target, query, part, page]);
  return (
    <Drawer open={target !== null} onClose={onClose} width={720} title={target ? `${target.label} · ${target.groupLabel}` : ''}
      extra={<Segmented value={part} onChange={(v) => { setPart(v as typeof part); setPage(1); }} options={[{ value: 'denominator', label: m('denominator') }, { value: 'numerator', label: m('numerator') }]} />}>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      <Table rowKey={(r) => `${r.appealId}-${r.at}-${r.unitId}`} size="small" loading={data.loading} dataSource={data.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => m('total', { n }) }}
        columns={[
          { title: m('number'), dataIndex: 'number', width: 170, render: (n: string, r) => <Link to={`/appeals/${r.appealId}`}>{n}</Link> },
          { title: m('titleCol'), dataIndex: 'title', ellipsis: true },
          { title: m('unit'), dataIndex: 'unitId', width: 140, ellipsis: true, render: (id: string) => ref.unitName(id) },
          { title: m('at'), dataIndex: 'at', width: 140, render: (at: string) => formatTime(at) },
          { title: m('weight'), dataIndex: 'numerator', width: 80 },
        ]} />
    </Drawer>
  );
}
