import { useState } from 'react';
import { Card, Col, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMessages } from '../../i18n';
import { CategoryTreemap } from './CategoryTreemap';
import { ChannelTrendChart } from './ChannelTrendChart';
import { KindPie } from './KindPie';
import { M } from './messages';
import { StreetSchematicMap } from './StreetSchematicMap';
import { PERIOD_DAYS } from './types';
import type { Breakdown, Streets } from './types';

/** 统计分析: intake by channel over time, kinds and categories, and the street/town map — all over the user's scope. */
export function AnalysisTab() {
  const m = useMessages(M);
  const [days, setDays] = useState<number>(30);
  const breakdown = useApi((signal) => api.get<Breakdown>('/api/reports/breakdown', { days }, signal), [days]);
  const streets = useApi((signal) => api.get<Streets>('/api/reports/streets', { days }, signal), [days]);
  const b = breakdown.data;
  const s = streets.data;
  const period = b ?? s;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}><ChannelTrendChart /></Col>
      <Col span={24}>
        <Flex align="center" gap={12} wrap>
          <Typography.Text strong>{m('periodLabel')}</Typography.Text>
          <Segmented value={days} onChange={(v) => setDays(Number(v))} options={PERIOD_DAYS.map((n) => ({ value: n, label: m('lastDays', { n }) }))} />
          {period ? <Typography.Text type="secondary">{m('periodOf', { from: period.period.firstDay, to: period.period.lastDay })}{b ? ` · ${m('total', { n: b.total })}` : ''}</Typography.Text> : null}
        </Flex>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small" title={m('kindTitle')}>
          {breakdown.error ? <ErrorAlert error={breakdown.error} onRetry={breakdown.reload} /> : b ? <KindPie data={b} /> : <Skeleton active />}
        </Card>
      </Col>
      <Col xs={24} xl={16}>
        <Card size="small" title={m('categoryTitle')}>
          {breakdown.error ? <ErrorAlert error={breakdown.error} onRetry={breakdown.reload} /> : b ? <CategoryTreemap data={b} /> : <Skeleton active />}
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={m('mapTitle')}>
          {streets.error ? <ErrorAlert error={streets.error} onRetry={streets.reload} /> : s ? <StreetSchematicMap data={s} /> : <Skeleton active />}
        </Card>
      </Col>
    </Row>
  );
}

