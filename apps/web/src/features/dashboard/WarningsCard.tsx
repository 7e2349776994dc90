import { Link } from 'react-router-dom';
import { Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useMessages } from '../../i18n';
import { M } from './messages';
import type { Warning } from './types';

/** 预警: open early warnings (spikes, risk terms) from GET /api/text/warnings; the server keeps those the reader may see. */
export function WarningsCard() {
  const m = useMessages(M);
  const data = useApi((signal) => api.get<{ items: Warning[] }>('/api/text/warnings', { status: 'open', limit: 20 }, signal), []);
  const items = data.data?.items;
  return (
    <Card size="small" title={m('warningsTitle')}>
      {data.error ? <ErrorAlert error={data.error} onRetry={data.reload} /> : null}
      {!items ? (data.error ? null : <Skeleton active />) : !items.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('warnEmpty')} /> : (
        <List size="small" dataSource={items} pagination={items.length > 6 ? { pageSize: 6, size: 'small' } : false} renderItem={(w) => (
          <List.Item>
            <List.Item.Meta
              title={<Space size={6} wrap>
                <Tag color={w.level === 'high' ? 'red' : 'orange'}>{w.kind === 'spike' ? m('spike') : m('risk')}</Tag>
                <Typography.Text>{w.kind === 'risk' ? `“${w.term ?? ''}”` : [w.categoryName, w.areaName].filter(Boolean).join(' · ')}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{w.day} · {m('appeals', { n: w.count })}{w.expected !== null && w.kind === 'spike' ? ` (${m('expected', { n: w.expected.toFixed(1) })})` : ''}</Typography.Text>
              </Space>}
              description={<Space size={8} wrap style={{ fontSize: 12 }}>
                {w.appeals.slice(0, 3).map((a) => <Link key={a.id} to={`/appeals/${a.id}`}>{a.number}</Link>)}
                {w.hiddenAppeals ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('moreAppeals', { n: w.hiddenAppeals })}</Typography.Text> : null}
              </Space>}
            />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
