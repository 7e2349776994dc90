import type { ReactNode } from 'react';
import { Alert, Empty, Flex, List, Progress, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AppealStatus } from '@minsheng/contracts';
import { StatusTag } from '../../components/StatusTag';
import { formatTime } from '../../components/time';
import { defineMessages, useMessages } from '../../i18n';
import type { DuplicateCandidate } from './text-api';

const M = defineMessages({
  zh: { found: '发现 {n} 件疑似重复诉求，请核实是否同一事项', none: '未发现疑似重复诉求', score: '相似度' },
  en: { found: '{n} appeal(s) look like the same matter: please check', none: 'No likely duplicates', score: 'Similarity' },
});

/**
 * 疑似重复: likely duplicates, best first, each with why (similar wording, shared words, same street or category, time
 * apart) and a queue-specific action — relate at intake, merge at dispatch.
 */
export function DuplicateCandidates({ items, action, showEmpty = false }: {
  items: DuplicateCandidate[]; action?: (d: DuplicateCandidate) => ReactNode; showEmpty?: boolean;
}) {
  const m = useMessages(M);
  if (!items.length) return showEmpty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('none')} /> : null;
  return (
    <div data-testid="duplicate-candidates">
      <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={m('found', { n: items.length })} />
      <List size="small" dataSource={items} renderItem={(d) => (
        <List.Item style={{ paddingInline: 0, alignItems: 'flex-start' }} actions={action ? [action(d)] : []}>
          <List.Item.Meta
            title={<Typography.Text ellipsis={{ tooltip: d.title }} style={{ maxWidth: '100%' }}><Link to={`/appeals/${d.id}`} tabIndex={-1}>{d.title}</Link></Typography.Text>}
            description={
              <Flex vertical gap={2}>
                <Flex gap={6} wrap align="center">
                  <StatusTag status={d.status as AppealStatus} /><span className="ms-mono">{d.number}</span>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatTime(d.createdAt)}</span>
                  <Progress percent={Math.round(d.score * 100)} size="small" style={{ width: 90, margin: 0 }} aria-label={m('score')}
                    strokeColor={d.score >= 0.75 ? '#cf1322' : '#fa8c16'} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="ms-wrap">{d.reasons.join('；')}</Typography.Text>
              </Flex>
            } />
        </List.Item>
      )} />
    </div>
  );
}
