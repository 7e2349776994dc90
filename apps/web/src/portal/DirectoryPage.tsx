import { useEffect, useMemo, useState } from 'react';
import { Card, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatTime } from '../components/time';
import { defineMessages, useI18n, useMessages } from '../i18n';
import { portalApi } from './portal-api';
import type { Directory } from './portal-api';

const M = defineMessages({
  zh: {
    schedules: '领导接访和热线安排', units: '单位名录', search: '查找单位', none: '暂无安排', leader_reception: '领导接访', hotline: '热线值班',
    place: '地点', phone: '电话', address: '地址', hours: '接待时间',
  },
  en: {
    schedules: "Leaders' reception and hotline days", units: 'Directory', search: 'Find a unit', none: 'Nothing scheduled', leader_reception: 'Reception', hotline: 'Hotline',
    place: 'Place', phone: 'Phone', address: 'Address', hours: 'Hours',
  },
});

/** 单位名录: where and when each unit receives people, its phone; the leaders' reception and hotline schedule. */
export default function DirectoryPage() {
  const m = useMessages(M);
  const { label } = useI18n();
  const [data, setData] = useState<Directory | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [q, setQ] = useState('');
  useEffect(() => { portalApi.directory().then(setData, setError); }, []);
  const units = useMemo(() => (data?.units ?? []).filter((u) => !q.trim() || u.name.includes(q.trim())), [data, q]);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={m('schedules')}>
        {data.schedules.length ? (
          <List dataSource={data.schedules} renderItem={(s) => (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center"><Tag color={s.kind === 'hotline' ? 'blue' : 'red'}>{m(s.kind)}</Tag><b>{s.leaderName}</b><span>{s.leaderTitle}</span></Flex>
                <Typography.Text>{formatTime(s.startsAt)} – {formatTime(s.endsAt)}</Typography.Text>
                {s.place ? <Typography.Text type="secondary">{m('place')}：{s.place}</Typography.Text> : null}
                {s.topic ? <Typography.Text type="secondary" className="portal-text">{s.topic}</Typography.Text> : null}
              </Flex>
            </List.Item>
          )} />
        ) : <Empty description={m('none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Card>
      <Card size="small" title={m('units')} extra={<Input.Search allowClear placeholder={m('search')} style={{ width: 160 }} value={q} onChange={(e) => setQ(e.target.value)} />}>
        <List dataSource={units} data-testid="portal-directory" renderItem={(u) => (
          <List.Item>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex gap={6} wrap align="center"><b className="portal-text">{u.name}</b><Tag>{label('unitKind', u.kind)}</Tag></Flex>
              {u.phone ? <span>{m('phone')}：<a href={`tel:${u.phone}`}>{u.phone}</a></span> : null}
              {u.address ? <Typography.Text type="secondary" className="portal-text">{m('address')}：{u.address}</Typography.Text> : null}
              {u.receptionHours ? <Typography.Text type="secondary" className="portal-text">{m('hours')}：{u.receptionHours}</Typography.Text> : null}
            </Flex>
          </List.Item>
        )} />
      </Card>
    </Flex>
  );
}
