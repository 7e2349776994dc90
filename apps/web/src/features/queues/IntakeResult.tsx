import { Button, Card, Descriptions, Flex, Result, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AppealDetail } from '../../api/types';
import { StatusTag } from '../../components/StatusTag';
import { defineMessages, useMessages } from '../../i18n';

const M = defineMessages({
  zh: {
    saved: '登记成功，请向来电人读出工单编号和查询码', closed: '已直接办结，请向来电人读出工单编号和查询码', number: '工单编号', queryCode: '查询码',
    status: '状态', next: '下一个来电 (Enter)', open: '查看诉求详情', hint: '群众可凭工单编号和查询码在网站或电话查询办理进度。',
  },
  en: {
    saved: 'Registered: read the number and query code to the caller', closed: 'Answered and closed: read the number and query code to the caller', number: 'Number', queryCode: 'Query code',
    status: 'Status', next: 'Next call (Enter)', open: 'Open the appeal', hint: 'With the number and query code the caller can follow the appeal online or by phone.',
  },
});

/** After saving: the number and query code, large, to read to the caller; Enter goes on to the next call. */
export function IntakeResult({ appeal, onNext }: { appeal: AppealDetail; onNext: () => void }) {
  const m = useMessages(M);
  const big = { fontSize: 26, fontWeight: 700, letterSpacing: 1 } as const;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="intake-result">
      <Result status="success" style={{ padding: '16px 0' }} title={appeal.status === 'closed' ? m('closed') : m('saved')} subTitle={m('hint')}
        extra={<Flex gap={8} justify="center"><Button type="primary" autoFocus onClick={onNext}>{m('next')}</Button><Link to={`/appeals/${appeal.id}`}><Button>{m('open')}</Button></Link></Flex>}>
        <Descriptions column={1} bordered size="small" style={{ maxWidth: 480, margin: '0 auto' }}>
          <Descriptions.Item label={m('number')}><Typography.Text copyable className="ms-mono" style={big} data-testid="intake-number">{appeal.number}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={m('queryCode')}><Typography.Text copyable className="ms-mono" style={big} data-testid="intake-query-code">{appeal.queryCode}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={m('status')}><StatusTag status={appeal.status} /></Descriptions.Item>
        </Descriptions>
      </Result>
    </Card>
  );
}
