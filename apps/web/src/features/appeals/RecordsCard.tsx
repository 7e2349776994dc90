import { Card, Descriptions, Tag, Typography } from 'antd';
import type { AppealDetail } from '../../api/types';
import { useReference } from '../../api/reference';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { formatTime } from '../../components/time';

const M = defineMessages({
  zh: {
    reply: '答复', result: '办理结果', replyAt: '答复时间', callback: '回访', satisfaction: '满意度', contacted: '是否联系', solved: '是否解决',
    comment: '回访记录', callbackAt: '回访时间', coOpinions: '协办意见', pending: '待审批延期', days: '申请 {n} 天', yes: '是', no: '否',
  },
  en: {
    reply: 'Reply', result: 'Result', replyAt: 'Replied at', callback: 'Callback', satisfaction: 'Satisfaction', contacted: 'Contacted', solved: 'Solved',
    comment: 'Notes', callbackAt: 'Called back at', coOpinions: 'Co-unit opinions', pending: 'Extension awaiting approval', days: '{n} days asked', yes: 'Yes', no: 'No',
  },
});

/** 答复 / 回访 / 协办意见 / 待审批延期 of an appeal, each shown only when there is one. */
export function RecordsCards({ appeal }: { appeal: AppealDetail }) {
  const { label } = useI18n();
  const ref = useReference();
  const m = useMessages(M);
  const yn = (b: boolean) => (b ? m('yes') : m('no'));
  return (
    <>
      {appeal.pending ? (
        <Card size="small" title={m('pending')}>
          <Typography.Text strong>{m('days', { n: appeal.pending.days })}</Typography.Text>
          <Typography.Text type="secondary"> · {formatTime(appeal.pending.requestedAt)}</Typography.Text>
          <Typography.Paragraph className="ms-wrap" style={{ margin: '4px 0 0' }}>{appeal.pending.reason}</Typography.Paragraph>
        </Card>
      ) : null}
      {appeal.reply ? (
        <Card size="small" title={m('reply')} extra={<Tag color="green">{label('result', appeal.reply.result)}</Tag>}>
          <Typography.Paragraph className="ms-wrap" style={{ marginBottom: 4 }}>{appeal.reply.text}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m('replyAt')} {formatTime(appeal.reply.at)}</Typography.Text>
        </Card>
      ) : null}
      {appeal.callback ? (
        <Card size="small" title={m('callback')}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={m('satisfaction')}>{label('satisfaction', appeal.callback.satisfaction)}</Descriptions.Item>
            <Descriptions.Item label={m('contacted')}>{yn(appeal.callback.contacted)}</Descriptions.Item>
            <Descriptions.Item label={m('solved')}>{yn(appeal.callback.solved)}</Descriptions.Item>
            {appeal.callback.comment ? <Descriptions.Item label={m('comment')} span={3}><span className="ms-wrap">{appeal.callback.comment}</span></Descriptions.Item> : null}
            <Descriptions.Item label={m('callbackAt')} span={3}>{formatTime(appeal.callback.at)}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {appeal.coOpinions.length ? (
        <Card size="small" title={m('coOpinions')}>
          {appeal.coOpinions.map((o) => (
            <div key={`${o.unitId}-${o.at}`} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{ref.unitName(o.unitId)}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}> · {formatTime(o.at)}</Typography.Text>
              <Typography.Paragraph className="ms-wrap" style={{ margin: '2px 0 0' }}>{o.text}</Typography.Paragraph>
            </div>
          ))}
        </Card>
      ) : null}
    </>
  );
}
