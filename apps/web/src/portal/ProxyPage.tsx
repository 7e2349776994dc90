import { useEffect, useState } from 'react';
import { Button, Card, Collapse, Descriptions, Empty, Flex, Form, Input, Segmented, Tag, Timeline, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { useNotify } from '../components/notify';
import { formatTime } from '../components/time';
import { defineMessages, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { ProxyTrackView, PublicProxyItem } from './portal-api';

const M = defineMessages({
  zh: {
    catalogue: '代办事项目录', intro: '区、镇街、村居三级为群众代办民生事项：公开事项、程序、所需材料和承诺时限。请到所在村居民生代办站或镇街便民服务中心申请。',
    all: '全部', district: '区级', street: '镇街', community: '村居', search: '查找事项或材料', none: '没有找到事项', days: '承诺 {n} 个工作日',
    procedure: '办理程序', materials: '所需材料', unit: '办理单位', fee: '收费',
    track: '代办进度查询', number: '代办编号', queryCode: '查询码', find: '查询', required: '请填写{field}', hint: '代办编号和查询码由代办员在受理时告知。连续查错会被暂时限制。',
    item: '代办事项', status: '状态', acceptedAt: '受理时间', dueAt: '承诺办结', closedAt: '办结时间', result: '办理结果', progress: '办理过程', overdue: '已超期',
    accepted: '已受理', in_progress: '代办中', awaiting_materials: '请补正材料', completed: '已办结', returned: '已退回',
  },
  en: {
    catalogue: 'Services we handle for you', intro: 'District, town and village service points handle these matters for residents; steps, papers and time limits are public. Apply at your village or community service point.',
    all: 'All', district: 'District', street: 'Town', community: 'Village', search: 'Find an item or a paper', none: 'Nothing found', days: 'Within {n} working days',
    procedure: 'Steps', materials: 'Papers needed', unit: 'Handled by', fee: 'Fee',
    track: 'Track a request', number: 'Request number', queryCode: 'Query code', find: 'Find', required: 'Please fill in {field}', hint: 'The agent gives you both when accepting your request. Repeated wrong tries are blocked for a while.',
    item: 'Item', status: 'Status', acceptedAt: 'Accepted', dueAt: 'Promised by', closedAt: 'Closed', result: 'Result', progress: 'Progress', overdue: 'Past the promised time',
    accepted: 'Accepted', in_progress: 'In progress', awaiting_materials: 'Papers needed', completed: 'Completed', returned: 'Returned',
  },
});
type Level = 'all' | 'district' | 'street' | 'community';
interface Lookup { number: string; queryCode: string }

/** 民生代办: track a proxy request by number + query code, and the public catalogue of items by level. */
export default function ProxyPage() {
  const m = useMessages(M);
  const notify = useNotify();
  const [level, setLevel] = useState<Level>('all');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<PublicProxyItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<ProxyTrackView | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => { portalApi.proxyItems({ ...(level === 'all' ? {} : { level }), ...(q.trim() ? { q: q.trim() } : {}) }).then((r) => setItems(r.items), setError); }, 250);
    return () => clearTimeout(t);
  }, [level, q]);
  async function find(v: Lookup) {
    setBusy(true);
    try { setView(await portalApi.proxyTrack(v.number.trim().toUpperCase(), v.queryCode.trim())); } catch (e) { setView(null); notify.error(e); } finally { setBusy(false); }
  }
  const levelText = (l: string) => m(l as 'district');
  return (
    <Flex vertical gap={12}>
      <Card title={m('track')}>
        <Form layout="vertical" onFinish={(v: Lookup) => void find(v)}>
          <Form.Item name="number" label={m('number')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('number') }) }]}><Input maxLength={40} autoCapitalize="characters" className="ms-mono" /></Form.Item>
          <Form.Item name="queryCode" label={m('queryCode')} rules={[{ required: true, whitespace: true, message: m('required', { field: m('queryCode') }) }]}><Input maxLength={20} className="ms-mono" /></Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{m('hint')}</Typography.Paragraph>
          <Button type="primary" htmlType="submit" block loading={busy}>{m('find')}</Button>
        </Form>
      </Card>
      {view ? (
        <Card title={<span className="portal-text">{view.itemName}</span>} data-testid="portal-proxy-track">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={m('number')}><span className="ms-mono">{view.number}</span></Descriptions.Item>
            <Descriptions.Item label={m('status')}><Tag color={view.status === 'completed' ? 'green' : view.status === 'returned' ? 'red' : 'blue'}>{m(view.status as 'accepted')}</Tag>{view.overdue ? <Tag color="red">{m('overdue')}</Tag> : null}</Descriptions.Item>
            {view.unitName ? <Descriptions.Item label={m('unit')}>{view.unitName}</Descriptions.Item> : null}
            <Descriptions.Item label={m('acceptedAt')}>{formatTime(view.acceptedAt)}</Descriptions.Item>
            <Descriptions.Item label={m('dueAt')}>{view.dueAt ? formatTime(view.dueAt) : '—'}（{m('days', { n: view.promisedDays })}）</Descriptions.Item>
            {view.closedAt ? <Descriptions.Item label={m('closedAt')}>{formatTime(view.closedAt)}</Descriptions.Item> : null}
            {view.result ? <Descriptions.Item label={m('result')}><span className="portal-text">{view.result}</span></Descriptions.Item> : null}
          </Descriptions>
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>{m('progress')}</Typography.Text>
          <Timeline style={{ marginTop: 12 }} items={[...view.steps].reverse().map((s) => ({ children: <><div>{m(s.status as 'accepted')}{s.note ? `：${s.note}` : ''}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(s.at)}</Typography.Text></> }))} />
        </Card>
      ) : null}
      <Card title={m('catalogue')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{m('intro')}</Typography.Paragraph>
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Segmented<Level> block value={level} onChange={setLevel} options={(['all', 'district', 'street', 'community'] as const).map((l) => ({ value: l, label: m(l) }))} />
          <Input.Search allowClear placeholder={m('search')} aria-label={m('search')} value={q} onChange={(e) => setQ(e.target.value)} />
        </Flex>
        {error ? <ErrorAlert error={error} /> : items && items.length === 0 ? <Empty description={m('none')} /> : (
          <Collapse data-testid="portal-proxy-items" items={(items ?? []).map((i) => ({
            key: i.id,
            label: <span><span className="portal-text">{i.name}</span> <Tag>{levelText(i.level)}</Tag><Tag color="red">{m('days', { n: i.promisedDays })}</Tag></span>,
            children: (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={m('procedure')}><ol style={{ margin: 0, paddingLeft: 18 }}>{i.procedure.map((p) => <li key={p}>{p}</li>)}</ol></Descriptions.Item>
                <Descriptions.Item label={m('materials')}>{i.materials.join('、') || '—'}</Descriptions.Item>
                {i.unitName ? <Descriptions.Item label={m('unit')}>{i.unitName}</Descriptions.Item> : null}
                {i.fee ? <Descriptions.Item label={m('fee')}>{i.fee}</Descriptions.Item> : null}
              </Descriptions>
            ),
          }))} />
        )}
      </Card>
    </Flex>
  );
}
