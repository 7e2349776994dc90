import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Divider, Flex, Skeleton, Tag, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { AppealAction } from '@minsheng/contracts';
import { api } from '../../api/client';
import type { AppealDetail } from '../../api/types';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineLights } from '../../components/DeadlineLights';
import { AreaName } from '../../components/AreaName';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { ActionPanel } from '../appeals/ActionPanel';
import type { ActionPreset } from '../appeals/ActionPanel';
import type { ActionValues } from '../appeals/action-forms';
import { Field } from './queue-parts';

const M = defineMessages({
  zh: {
    details: '完整详情', content: '诉求内容', category: '分类', area: '区域', location: '地点', citizen: '诉求人', lead: '主办单位', co: '协办单位',
    reply: '答复', pending: '延期申请', pendingText: '申请延期 {days} 天：{reason}', actions: '办理操作', deadlines: '时限', kind: '类型',
    registered: '登记', close: '关闭',
  },
  en: {
    details: 'Full details', content: 'Content', category: 'Category', area: 'Area', location: 'Location', citizen: 'Citizen', lead: 'Lead unit', co: 'Co-units',
    reply: 'Reply', pending: 'Extension request', pendingText: '{days} more days: {reason}', actions: 'Actions', deadlines: 'Deadlines', kind: 'Kind',
    registered: 'Registered', close: 'Close',
  },
});

/**
 * The side panel of a work queue: the chosen appeal's essentials, its clocks and the actions this queue offers
 * (the console's ActionPanel, limited by `only`). `children(appeal, propose)` adds queue-specific facts above the
 * actions; `propose(action, values)` opens that action's form prefilled (并入 a suggested duplicate, 更正分类).
 */
export function AppealSidePanel({ id, only, onChanged, onClose, children, hideActions = false }: {
  id: string; only?: readonly AppealAction[]; onChanged: (a: AppealDetail) => void; onClose: () => void; children?: (a: AppealDetail, propose: (action: AppealAction, values: ActionValues) => void) => ReactNode;
  /** The queue brings its own form instead of the action buttons (回访). */
  hideActions?: boolean;
}) {
  const { label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const [appeal, setAppeal] = useState<AppealDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    api.get<AppealDetail>(`/api/appeals/${id}`, undefined, ctrl.signal).then(setAppeal, (e: unknown) => { if (!ctrl.signal.aborted) setError(e); });
    return () => ctrl.abort();
  }, [id, tick]);

  const [preset, setPreset] = useState<ActionPreset | null>(null);
  const changed = (a: AppealDetail) => { setAppeal(a); onChanged(a); };
  const title = appeal && appeal.id === id ? (
    <Flex gap={8} align="center" style={{ minWidth: 0 }}>
      <span className="ms-mono">{appeal.number}</span><StatusTag status={appeal.status} />
    </Flex>
  ) : null;
  return (
    <Card size="small" title={title} data-testid="appeal-panel" style={{ position: 'sticky', top: 12 }}
      extra={<Flex gap={4}><Link to={`/appeals/${id}`}>{m('details')}</Link><Button type="text" size="small" icon={<CloseOutlined />} aria-label={m('close')} onClick={onClose} /></Flex>}>
      {error ? <ErrorAlert error={error} onRetry={() => setTick((n) => n + 1)} /> : !appeal || appeal.id !== id ? <Skeleton active /> : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }} className="ms-wrap">{appeal.title}</Typography.Title>
          <Field label={m('kind')}>
            <Flex gap={4} wrap><Tag>{label('kind', appeal.kind)}</Tag><Tag color={appeal.urgency === 'normal' ? undefined : 'red'}>{label('urgency', appeal.urgency)}</Tag><Tag>{label('channel', appeal.channel)}</Tag></Flex>
          </Field>
          <Field label={m('category')}>{ref.categoryPath(appeal.categoryId)}</Field>
          <Field label={m('area')}><AreaName code={appeal.areaCode} />{appeal.location ? ` · ${appeal.location}` : ''}</Field>
          <Field label={m('citizen')}>{[appeal.citizen?.name, appeal.citizen?.phone].filter(Boolean).join(' · ') || '—'}</Field>
          {appeal.leadUnitId ? <Field label={m('lead')}>{ref.unitName(appeal.leadUnitId)}</Field> : null}
          {appeal.coUnitIds.length ? <Field label={m('co')}>{appeal.coUnitIds.map((u) => ref.unitName(u)).join('、')}</Field> : null}
          <Field label={m('registered')}>{formatTime(appeal.createdAt)}</Field>
          <Field label={m('content')}><Typography.Paragraph className="ms-wrap" style={{ marginBottom: 0 }} ellipsis={{ rows: 6, expandable: true }}>{appeal.content}</Typography.Paragraph></Field>
          {appeal.reply ? <Field label={m('reply')}><Tag color="blue">{label('result', appeal.reply.result)}</Tag><span className="ms-wrap">{appeal.reply.text}</span></Field> : null}
          {appeal.pending?.type === 'extension' ? (
            <Alert style={{ margin: '8px 0' }} type="warning" showIcon message={m('pending')} description={m('pendingText', { days: appeal.pending.days, reason: appeal.pending.reason })} />
          ) : null}
          {children?.(appeal, (action, values) => setPreset({ action, values, key: Date.now() }))}
          <Divider style={{ margin: '10px 0' }} orientation="left" orientationMargin={0} plain>{m('deadlines')}</Divider>
          <DeadlineLights deadlines={appeal.deadlines} />
          {hideActions ? null : (
            <>
              <Divider style={{ margin: '10px 0' }} orientation="left" orientationMargin={0} plain>{m('actions')}</Divider>
              <ActionPanel appeal={appeal} only={only} size="small" onChanged={changed} preset={preset} />
            </>
          )}
        </>
      )}
    </Card>
  );
}
