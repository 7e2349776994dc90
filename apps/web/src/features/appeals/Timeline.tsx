import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { AppealEvent } from '../../api/types';
import { useReference } from '../../api/reference';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { formatTime } from '../../components/time';

const M = defineMessages({
  zh: { title: '办理时间线', internal: '内部', system: '系统', lead: '主办：{unit}', co: '协办：{units}', days: '{n} 天', master: '主单', meeting: '联席会议', count: '共 {n} 条' },
  en: { title: 'Timeline', internal: 'internal', system: 'system', lead: 'lead: {unit}', co: 'co-units: {units}', days: '{n} days', master: 'master', meeting: 'joint meeting', count: '{n} events' },
});

const COLOR: Record<string, string> = { reject: 'red', refer_emergency: 'red', refer_legal: 'gray', close: 'green', approve_reply: 'green', redo: 'red', send_back: 'orange', urge: 'orange', supervise: 'red', escalate: 'red', flag_bulletin: 'red' };

/** Facts of an event's payload worth a reader's eye, in words (unit names, days, results). */
function PayloadFacts({ e }: { e: AppealEvent }) {
  const { label } = useI18n();
  const ref = useReference();
  const m = useMessages(M);
  const p = e.payload ?? {};
  const tags: string[] = [];
  if (typeof p.leadUnitId === 'string') tags.push(m('lead', { unit: ref.unitName(p.leadUnitId) }));
  if (Array.isArray(p.coUnitIds) && p.coUnitIds.length) tags.push(m('co', { units: (p.coUnitIds as string[]).map(ref.unitName).join('、') }));
  if (typeof p.days === 'number') tags.push(m('days', { n: p.days }));
  if (typeof p.line === 'string') tags.push(label('emergencyLine', p.line));
  if (typeof p.route === 'string') tags.push(label('legalRoute', p.route));
  const reply = p.reply as { result?: string } | undefined;
  if (reply?.result) tags.push(label('result', reply.result));
  if (typeof p.result === 'string') tags.push(label('result', p.result));
  if (typeof p.satisfaction === 'string') tags.push(label('satisfaction', p.satisfaction));
  if (typeof p.meetingId === 'string') tags.push(m('meeting'));
  if (!tags.length) return null;
  return <Flex gap={4} wrap>{tags.map((t) => <Tag key={t} style={{ marginInlineEnd: 0 }}>{t}</Tag>)}</Flex>;
}

/** 办理时间线: every event — who (name, role, unit), what, when, from → to, reason. */
export function AppealTimeline({ events, names }: { events: AppealEvent[]; names: Map<string, string> }) {
  const { label } = useI18n();
  const ref = useReference();
  const m = useMessages(M);
  const text = (e: AppealEvent) => {
    const p = e.payload ?? {};
    const replyText = (p.reply as { text?: string } | undefined)?.text;
    return e.reason ?? (typeof p.answer === 'string' ? p.answer : replyText ?? (typeof p.comment === 'string' ? p.comment : null));
  };
  return (
    <Card size="small" title={m('title')} extra={<Typography.Text type="secondary">{m('count', { n: events.length })}</Typography.Text>}>
      {events.length ? (
        <Timeline style={{ marginTop: 8 }} items={[...events].reverse().map((e) => ({
          color: COLOR[e.action] ?? (e.fromStatus !== e.toStatus ? 'blue' : 'gray'),
          children: (
            <div>
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>{label('action', e.action)}</Typography.Text>
                {e.fromStatus !== e.toStatus ? <Typography.Text type="secondary">{label('status', e.fromStatus)} → {label('status', e.toStatus)}</Typography.Text> : null}
                {e.visibility === 'internal' ? <Tag style={{ marginInlineEnd: 0 }}>{m('internal')}</Tag> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(e.occurredAt)}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.actorUserId ? names.get(e.actorUserId) ?? '' : m('system')}
                {e.actorRole ? ` · ${label('role', e.actorRole)}` : ''}
                {e.actorUnitId ? ` · ${ref.unitName(e.actorUnitId)}` : ''}
              </Typography.Text>
              {text(e) ? <Typography.Paragraph className="ms-wrap" style={{ margin: '4px 0 0' }}>{text(e)}</Typography.Paragraph> : null}
              <PayloadFacts e={e} />
            </div>
          ),
        }))} />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}
