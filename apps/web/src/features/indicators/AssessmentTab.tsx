import { useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Row, Table, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../components/time';
import { useI18n, useMessages } from '../../i18n';
import { M } from './messages';
import { percent } from './types';
import type { Assessment, UnitScoreWire } from './types';

/** 月度考核: tier rankings with composite score, deductions and red/black lists; an admin freezes a closed month. */
export function AssessmentTab() {
  const m = useMessages(M);
  const { lang } = useI18n();
  const auth = useAuth();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [busy, setBusy] = useState(false);
  const data = useApi((signal) => api.get<Assessment>('/api/assessment', { month }, signal), [month]);
  const a = data.data;
  const isAdmin = auth.roles.includes('admin');

  async function freeze() {
    setBusy(true);
    try { await api.post(`/api/assessment/${month}/freeze`); data.reload(); } catch (e) { void message.error(e instanceof Error ? e.message : String(e)); } finally { setBusy(false); }
  }

  const columns = [
    { title: m('rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
    { title: m('unit'), dataIndex: 'unitName', ellipsis: true },
    { title: m('response'), key: 'response', width: 90, render: (_: unknown, u: UnitScoreWire) => percent(u.rates.response) },
    { title: m('resolution'), key: 'resolution', width: 90, render: (_: unknown, u: UnitScoreWire) => percent(u.rates.resolution) },
    { title: m('satisfaction'), key: 'satisfaction', width: 90, render: (_: unknown, u: UnitScoreWire) => percent(u.rates.satisfaction) },
    { title: m('composite'), dataIndex: 'composite', width: 80, render: (n: number | null) => n ?? '—' },
    { title: m('deduction'), key: 'deduction', width: 80, render: (_: unknown, u: UnitScoreWire) => (u.deductions.total ? <Typography.Text type="danger">-{u.deductions.total}</Typography.Text> : 0) },
    { title: m('score'), dataIndex: 'score', width: 80, render: (n: number | null) => (n === null ? m('noData') : <b>{n}</b>) },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker picker="month" allowClear={false} aria-label={m('monthPick')} value={dayjs(`${month}-01`)} onChange={(v) => { if (v) setMonth(v.format('YYYY-MM')); }} />
        {a ? <Tag color={a.frozen ? 'blue' : 'default'}>{a.frozen ? m('frozen', { at: formatTime(a.frozenAt!) }) : m('live')}</Tag> : null}
        {a ? <Typography.Text type="secondary">{m('weights', { r: a.weights.response, s: a.weights.resolution, t: a.weights.satisfaction })}</Typography.Text> : null}
        {a && !a.frozen && isAdmin ? <Button loading={busy} onClick={() => void freeze()}>{m('freeze')}</Button> : null}
      </Flex>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      <Row gutter={[16, 16]}>
        {(a?.tiers ?? []).map((tier) => {
          const name = (id: string) => tier.units.find((u) => u.unitId === id)?.unitName ?? id;
          return (
            <Col key={tier.key} span={24}>
              <Card size="small" title={lang === 'zh' ? tier.zh : tier.en} extra={(
                <Flex gap={4} wrap>
                  {tier.red.map((id) => <Tag key={`r${id}`} color="red">{m('red')} · {name(id)}</Tag>)}
                  {tier.black.map((id) => <Tag key={`b${id}`} color="black">{m('black')} · {name(id)}</Tag>)}
                </Flex>
              )}>
                <Table rowKey="unitId" size="small" dataSource={tier.units} columns={columns} pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }} />
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
