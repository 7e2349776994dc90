import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import type { Supervision } from '../../api/types';
import { useReference } from '../../api/reference';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { formatTime } from '../../components/time';

const M = defineMessages({
  zh: { title: '督办记录', auto: '自动', replyBy: '回复期限 {at}', answered: '已回复 {at}', overdue: '逾期未回复', waiting: '待回复', meetings: '联席会议', participants: '参会单位', decisions: '决定', lead: '主办单位', heldAt: '召开时间' },
  en: { title: 'Supervision', auto: 'automatic', replyBy: 'answer by {at}', answered: 'answered {at}', overdue: 'answer overdue', waiting: 'awaiting answer', meetings: 'Joint meetings', participants: 'Units', decisions: 'Decisions', lead: 'Lead unit', heldAt: 'Held at' },
});

/** 催办 / 督办 / 提级 records and 联席会议 of an appeal (GET /api/appeals/:id/supervision). */
export function SupervisionCard({ data }: { data: Supervision }) {
  const { label } = useI18n();
  const ref = useReference();
  const m = useMessages(M);
  const empty = !data.supervisions.length && !data.jointMeetings.length;
  return (
    <Card size="small" title={m('title')}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      {data.supervisions.length ? (
        <List size="small" dataSource={[...data.supervisions].reverse()} renderItem={(s) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <Flex gap={6} wrap align="center">
              <Tag color={s.kind === 'notice' ? 'red' : s.kind === 'escalation' ? 'volcano' : 'orange'} style={{ marginInlineEnd: 0 }}>{label('supervision', s.kind)}</Tag>
              {s.automatic ? <Tag style={{ marginInlineEnd: 0 }}>{m('auto')}</Tag> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(s.issuedAt)}{s.unitId ? ` · ${ref.unitName(s.unitId)}` : ''}</Typography.Text>
            </Flex>
            {s.reason ? <Typography.Paragraph className="ms-wrap" style={{ margin: '4px 0 0' }}>{s.reason}</Typography.Paragraph> : null}
            {s.kind === 'notice' ? (
              <Typography.Text type={s.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {s.answeredAt ? m('answered', { at: formatTime(s.answeredAt) }) : s.overdue ? m('overdue') : m('waiting')}
                {s.replyBy ? ` · ${m('replyBy', { at: formatTime(s.replyBy) })}` : ''}
              </Typography.Text>
            ) : null}
            {s.answer ? <Typography.Paragraph className="ms-wrap" type="secondary" style={{ margin: '4px 0 0' }}>{s.answer}</Typography.Paragraph> : null}
          </List.Item>
        )} />
      ) : null}
      {data.jointMeetings.map((j) => (
        <Descriptions key={j.id} title={`${m('meetings')}：${j.topic}`} size="small" column={1} style={{ marginTop: 12 }} labelStyle={{ width: 72 }}>
          <Descriptions.Item label={m('heldAt')}>{formatTime(j.heldAt)}</Descriptions.Item>
          <Descriptions.Item label={m('participants')}>{j.participantUnitIds.map(ref.unitName).join('、')}</Descriptions.Item>
          {j.leadUnitId ? <Descriptions.Item label={m('lead')}>{ref.unitName(j.leadUnitId)}</Descriptions.Item> : null}
          <Descriptions.Item label={m('decisions')}><span className="ms-wrap">{j.decisions}</span></Descriptions.Item>
        </Descriptions>
      ))}
    </Card>
  );
}
