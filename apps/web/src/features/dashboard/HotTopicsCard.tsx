import { Link } from 'react-router-dom';
import { Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { HotTopics } from './types';

const SHOWN = 8;

/** 热点话题 of the last 7 days against the 7 before (GET /api/text/hot-topics, scoped by the server). */
export function HotTopicsCard() {
  const m = useMessages(M);
  const data = useApi((signal) => api.get<HotTopics>('/api/text/hot-topics', {}, signal), []);
  const d = data.data;
  return (
    <Card size="small" title={m('hotTitle')}>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {!d ? (data.error ? null : <Skeleton active />) : !d.topics.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('hotEmpty')} /> : (
        <List size="small" dataSource={d.topics.slice(0, SHOWN)} renderItem={(t, i) => (
          <List.Item extra={<Typography.Text strong>{m('appeals', { n: t.size })}</Typography.Text>}>
            <List.Item.Meta
              title={<Space size={6}><Typography.Text type="secondary">{i + 1}</Typography.Text><Link to={`/appeals/${t.representative.id}`}>{t.label}</Link>
                {t.growth === null ? <Tag color="volcano">{m('newTopic')}</Tag> : t.growth > 0 ? <Tag color="red">{m('growth')} +{Math.round(t.growth * 100)}%</Tag> : null}</Space>}
              description={<Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{[t.terms.slice(0, 4).join('、'), t.areas.slice(0, 2).map((a) => a.name ?? a.areaCode).join('、')].filter(Boolean).join(' · ')}</Typography.Text>}
            />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
