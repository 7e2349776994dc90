import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Tag, Timeline, Typography } from 'antd';
import { SATISFACTION_LEVELS } from '@minsheng/contracts';
import type { SatisfactionLevel } from '@minsheng/contracts';
import { useNotify } from '../components/notify';
import { formatTime } from '../components/time';
import { defineMessages, useI18n, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { TrackView } from './portal-api';

const M = defineMessages({
  zh: {
    title: '办理查询', number: '诉求编号', queryCode: '查询码', find: '查询', required: '请填写{field}',
    hint: '编号和查询码在提交成功页面和短信里。连续查错会被暂时限制。', status: '办理状态', kind: '类型', category: '分类', created: '提交时间',
    due: '预计答复', progress: '办理过程', reply: '答复', replyBy: '{unit}答复', rate: '评价办理结果', satisfaction: '您对办理结果是否满意',
    solved: '问题是否已解决', yes: '已解决', no: '未解决', comment: '意见（可选）', send: '提交评价', rated: '您已评价：{level}', thanks: '感谢您的评价',
    unrated: '答复后可在此评价',
  },
  en: {
    title: 'Track an appeal', number: 'Number', queryCode: 'Query code', find: 'Find', required: 'Please fill in {field}',
    hint: 'Both are on the confirmation page and in the SMS. Repeated wrong tries are blocked for a while.', status: 'Status', kind: 'Kind', category: 'Category',
    created: 'Submitted', due: 'Answer expected by', progress: 'Progress', reply: 'Answer', replyBy: 'Answer from {unit}', rate: 'Rate the result',
    satisfaction: 'Are you satisfied with the result?', solved: 'Is the problem solved?', yes: 'Solved', no: 'Not solved', comment: 'Comment (optional)', send: 'Send rating',
    rated: 'You rated: {level}', thanks: 'Thank you for your rating', unrated: 'You can rate once it is answered',
  },
});

interface Lookup { number: string; queryCode: string }

/** The rating form (回访 through the web): five levels, solved or not, an optional comment. */
function RateForm({ lookup, onRated }: { lookup: Lookup; onRated: (v: TrackView) => void }) {
  const m = useMessages(M);
  const { label } = useI18n();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  async function send(v: { satisfaction: SatisfactionLevel; solved: boolean; comment?: string }) {
    setBusy(true);
    try {
      onRated(await portalApi.rate(lookup.number, lookup.queryCode, { satisfaction: v.satisfaction, solved: v.solved, ...(v.comment ? { comment: v.comment } : {}) }));
      notify.success(m('thanks'));
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  return (
    <Card size="small" title={m('rate')} data-testid="portal-rate">
      <Form layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item name="satisfaction" label={m('satisfaction')} rules={[{ required: true, message: m('required', { field: m('satisfaction') }) }]}>
          <Radio.Group>
            <Flex vertical gap={6}>{SATISFACTION_LEVELS.map((l) => <Radio key={l} value={l}>{label('satisfaction', l)}</Radio>)}</Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="solved" label={m('solved')} rules={[{ required: true, message: m('required', { field: m('solved') }) }]}>
          <Radio.Group optionType="button" options={[{ value: true, label: m('yes') }, { value: false, label: m('no') }]} />
        </Form.Item>
        <Form.Item name="comment" label={m('comment')}><Input.TextArea rows={3} maxLength={500} showCount /></Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{m('send')}</Button>
      </Form>
    </Card>
  );
}

/** 办理查询: number + query code → status in plain words, the public timeline, the answer and the rating. */
export default function TrackPage() {
  const m = useMessages(M);
  const { label } = useI18n();
  const notify = useNotify();
  const location = useLocation();
  const [form] = Form.useForm<Lookup>();
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [view, setView] = useState<TrackView | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(v: Lookup) {
    const l = { number: v.number.trim().toUpperCase(), queryCode: v.queryCode.trim() };
    setBusy(true);
    try {
      setView(await portalApi.track(l.number, l.queryCode));
      setLookup(l);
    } catch (e) {
      setView(null);
      notify.error(e);
    } finally { setBusy(false); }
  }

  // Arriving from the confirmation page: look it up at once (the code travels in router state, not in the URL).
  useEffect(() => {
    const state = location.state as Lookup | null;
    if (state?.number && state.queryCode) { form.setFieldsValue(state); void find(state); }
  }, []);

  return (
    <Flex vertical gap={12}>
      <Card title={m('title')}>
        <Form form={form} layout="vertical" onFinish={(v) => void find(v)}>
          <Form.Item name="number" label={m('number')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('number') }) }]}>
            <Input maxLength={40} autoCapitalize="characters" className="ms-mono" />
          </Form.Item>
          <Form.Item name="queryCode" label={m('queryCode')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('queryCode') }) }]}>
            <Input maxLength={20} className="ms-mono" />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{m('hint')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" block loading={busy}>{m('find')}</Button>
        </Form>
      </Card>
      {view && lookup ? (
        <>
          <Card title={<span className="portal-text">{view.title}</span>} data-testid="portal-track">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={m('number')}><span className="ms-mono">{view.number}</span></Descriptions.Item>
              <Descriptions.Item label={m('status')}><Tag color={view.status === 'closed' ? 'green' : 'blue'}>{view.statusText}</Tag></Descriptions.Item>
              <Descriptions.Item label={m('kind')}>{label('kind', view.kind)}</Descriptions.Item>
              {view.categoryName ? <Descriptions.Item label={m('category')}>{view.categoryName}</Descriptions.Item> : null}
              <Descriptions.Item label={m('created')}>{formatTime(view.createdAt)}</Descriptions.Item>
              {view.dueAt ? <Descriptions.Item label={m('due')}>{formatTime(view.dueAt)}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          {view.reply ? (
            <Card size="small" title={view.reply.unitName ? m('replyBy', { unit: view.reply.unitName }) : m('reply')}>
              <Typography.Paragraph className="portal-text" style={{ marginBottom: 4 }}>{view.reply.text}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(view.reply.at)}</Typography.Text>
            </Card>
          ) : null}
          {view.rating ? <Alert type="success" showIcon message={m('rated', { level: label('satisfaction', view.rating.satisfaction) })} />
            : view.canRate ? <RateForm lookup={lookup} onRated={setView} /> : null}
          <Card size="small" title={m('progress')}>
            <Timeline items={[...view.timeline].reverse().map((e) => ({ children: <><div className="portal-text">{e.text}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(e.at)}</Typography.Text></> }))} />
          </Card>
        </>
      ) : null}
    </Flex>
  );
}
