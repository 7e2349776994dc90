import { useEffect, useState } from 'react';
import { Card, Collapse, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatTime } from '../components/time';
import { defineMessages, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { PublicHearing } from './portal-api';

const M = defineMessages({
  zh: {
    none: '暂无公示的听证会', topic: '听证事项', time: '时间', place: '地点', organiser: '组织单位', notice: '听证公告', reps: '听证代表',
    repsText: '居民代表 {n} 名', enterprises: '企业代表：{names}', attended: '实到 {n} 名', materials: '听证材料', minutes: '听证纪要', outcome: '听证结果', cancelled: '取消原因',
    announced: '公告中', held: '已举行', concluded: '已形成结果', status_cancelled: '已取消',
  },
  en: {
    none: 'No hearings published', topic: 'Matter', time: 'When', place: 'Where', organiser: 'Organiser', notice: 'Notice', reps: 'Representatives',
    repsText: '{n} resident representatives', enterprises: 'Enterprises: {names}', attended: '{n} present', materials: 'Materials', minutes: 'Minutes', outcome: 'Outcome', cancelled: 'Why cancelled',
    announced: 'Announced', held: 'Held', concluded: 'Concluded', status_cancelled: 'Cancelled',
  },
});
const COLOR: Record<string, string> = { announced: 'blue', held: 'gold', concluded: 'green', cancelled: 'default' };

/** 听证公示: the published hearings, their notice, representatives (counts and enterprises only), minutes and outcome. */
export default function HearingsPage() {
  const m = useMessages(M);
  const [items, setItems] = useState<PublicHearing[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { portalApi.hearings().then((r) => setItems(r.items), setError); }, []);
  if (error) return <ErrorAlert error={error} />;
  if (!items) return null;
  if (items.length === 0) return <Card><Empty description={m('none')} /></Card>;
  const statusText = (s: string) => m(s === 'cancelled' ? 'status_cancelled' : (s as 'held'));
  return (
    <Flex vertical gap={12} data-testid="portal-hearings">
      {items.map((h) => (
        <Card key={h.id} title={<span className="portal-text">{h.title}</span>} extra={<Tag color={COLOR[h.status]}>{statusText(h.status)}</Tag>} data-testid="portal-hearing">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={m('time')}>{formatTime(h.scheduledAt)}</Descriptions.Item>
            <Descriptions.Item label={m('place')}>{h.place}</Descriptions.Item>
            {h.organiserName ? <Descriptions.Item label={m('organiser')}>{h.organiserName}</Descriptions.Item> : null}
            <Descriptions.Item label={m('topic')}><span className="portal-text">{h.topic}</span></Descriptions.Item>
            <Descriptions.Item label={m('reps')}>
              <span>{m('repsText', { n: h.representatives.residents })}{h.representatives.attended !== null ? `，${m('attended', { n: h.representatives.attended })}` : ''}
                {h.representatives.enterprises.length ? <><br />{m('enterprises', { names: h.representatives.enterprises.join('、') })}</> : null}</span>
            </Descriptions.Item>
          </Descriptions>
          {h.outcome ? <Typography.Paragraph className="portal-text" style={{ background: '#f0fdf4', padding: 8, borderRadius: 6 }}><b>{m('outcome')}：</b>{h.outcome}</Typography.Paragraph> : null}
          {h.cancelReason ? <Typography.Paragraph className="portal-text"><b>{m('cancelled')}：</b>{h.cancelReason}</Typography.Paragraph> : null}
          <Collapse size="small" items={[
            { key: 'notice', label: m('notice'), children: <div className="portal-text">{h.notice}</div> },
            ...(h.materials.length ? [{ key: 'materials', label: m('materials'), children: h.materials.map((x) => <div key={x.title} style={{ marginBottom: 6 }}><b>{x.title}</b><div className="portal-text">{x.summary}</div></div>) }] : []),
            ...(h.minutes ? [{ key: 'minutes', label: m('minutes'), children: <div className="portal-text">{h.minutes}</div> }] : []),
          ]} />
        </Card>
      ))}
    </Flex>
  );
}
