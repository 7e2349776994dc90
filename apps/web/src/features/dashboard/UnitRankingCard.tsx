import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Segmented, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, useMessages } from '../../i18n';
import { percent } from '../indicators/types';
import type { Assessment, UnitScoreWire } from '../indicators/types';
import { M } from './messages';

/** 单位考核排名 of the current month by tier, from GET /api/assessment (the indicator engine's own ranking). */
export function UnitRankingCard() {
  const m = useMessages(M);
  const { lang } = useI18n();
  const auth = useAuth();
  const data = useApi((signal) => api.get<Assessment>('/api/assessment', {}, signal), []);
  const a = data.data;
  const [tierKey, setTierKey] = useState<string>();
  const tiers = useMemo(() => (a?.tiers ?? []).filter((t) => t.units.length > 0), [a]);
  const tier = tiers.find((t) => t.key === tierKey) ?? tiers[0];
  const mark = (id: string) => (tier?.red.includes(id) ? <Tag color="red">{m('red')}</Tag> : tier?.black.includes(id) ? <Tag color="black">{m('black')}</Tag> : null);

  const columns = [
    { title: m('rank'), dataIndex: 'rank', width: 56, render: (r: number | null) => r ?? '—' },
    { title: m('unit'), dataIndex: 'unitName', ellipsis: true, render: (name: string, u: UnitScoreWire) => <>{name} {mark(u.unitId)}</> },
    { title: m('response'), key: 'response', width: 82, render: (_: unknown, u: UnitScoreWire) => percent(u.rates.response) },
    { title: m('resolution'), key: 'resolution', width: 82, render: (_: unknown, u: UnitScoreWire) => percent(u.rates.resolution) },
    { title: m('satisfaction'), key: 'satisfaction', width: 82, render: (_: unknown, u: UnitScoreWire) => percent(u.rates.satisfaction) },
    { title: m('score'), dataIndex: 'score', width: 64, render: (n: number | null) => (n === null ? '—' : <b>{n}</b>) },
  ];

  return (
    <Card size="small" title={a ? `${m('rankingTitle')} · ${m('month', { m: a.month })}` : m('rankingTitle')} extra={auth.hasRole('leader', 'supervisor', 'admin', 'unit_leader') ? <Link to="/indicators">{m('rankingLink')}</Link> : null}>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {tiers.length > 1 ? (
        <Segmented size="small" style={{ marginBottom: 8 }} value={tier?.key} onChange={(v) => setTierKey(String(v))}
          options={tiers.map((t) => ({ value: t.key, label: lang === 'zh' ? t.zh : t.en }))} />
      ) : null}
      {a && !tiers.length ? <Typography.Text type="secondary">{m('empty')}</Typography.Text> : null}
      <Table rowKey="unitId" size="small" loading={data.loading} columns={columns} dataSource={tier?.units ?? []}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false, hideOnSinglePage: true }} />
    </Card>
  );
}
