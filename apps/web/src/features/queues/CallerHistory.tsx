import { Alert, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AppealStatus } from '@minsheng/contracts';
import type { AppealSummary } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';

const M = defineMessages({
  zh: {
    title: '来电人历史诉求', hint: '输入来电号码后自动查询（查询记入审计日志）', none: '该号码没有历史诉求', open: '该来电人有 {n} 件诉求尚未办结，请核实是否同一事项',
    count: '共 {n} 件', relate: '关联', related: '已关联', loading: '查询中…',
  },
  en: {
    title: 'Caller history', hint: 'Type the caller\'s number to look it up (audited)', none: 'No earlier appeals from this number', open: '{n} appeal(s) of this caller are still open: same matter?',
    count: '{n} in all', relate: 'Relate', related: 'Related', loading: 'Looking up…',
  },
});

const FINISHED: readonly AppealStatus[] = ['closed', 'referred', 'rejected', 'merged'];

/** The caller's earlier appeals (GET /api/citizens/history), open ones first; "关联" links the new appeal to one. */
export function CallerHistory({ phone, items, loading, error, relatedId, onRelate }: {
  phone: string | null; items: AppealSummary[] | null; loading: boolean; error: unknown; relatedId?: string; onRelate: (id: string | undefined) => void;
}) {
  const { label } = useI18n();
  const m = useMessages(M);
  const open = (items ?? []).filter((a) => !FINISHED.includes(a.status));
  const sorted = [...open, ...(items ?? []).filter((a) => FINISHED.includes(a.status))];
  return (
    <Card size="small" title={m('title')} extra={items ? <Typography.Text type="secondary">{m('count', { n: items.length })}</Typography.Text> : null} data-testid="caller-history">
      {error ? <ErrorAlert error={error} /> : !phone ? <Typography.Text type="secondary">{m('hint')}</Typography.Text>
        : loading && !items ? <Typography.Text type="secondary">{m('loading')}</Typography.Text>
          : !items?.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m('none')} /> : (
            <>
              {open.length ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={m('open', { n: open.length })} /> : null}
              <List size="small" dataSource={sorted} renderItem={(a) => (
                <List.Item style={{ paddingInline: 0 }} actions={FINISHED.includes(a.status) ? [] : [
                  <Button key="relate" size="small" type={relatedId === a.id ? 'primary' : 'default'} tabIndex={-1}
                    onClick={() => onRelate(relatedId === a.id ? undefined : a.id)}>{relatedId === a.id ? m('related') : m('relate')}</Button>,
                ]}>
                  <List.Item.Meta
                    title={<Typography.Text ellipsis={{ tooltip: a.title }} style={{ maxWidth: '100%' }}><Link to={`/appeals/${a.id}`} tabIndex={-1}>{a.title}</Link></Typography.Text>}
                    description={<Flex gap={6} wrap align="center"><StatusTag status={a.status} /><span className="ms-mono">{a.number}</span><span>{label('kind', a.kind)}</span><span style={{ whiteSpace: 'nowrap' }}>{formatTime(a.createdAt)}</span></Flex>} />
                </List.Item>
              )} />
            </>
          )}
    </Card>
  );
}
