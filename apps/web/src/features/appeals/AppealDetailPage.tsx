import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { AppealDetail, AppealEvent, Supervision } from '../../api/types';
import { useReference } from '../../api/reference';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineLights } from '../../components/DeadlineLights';
import { formatTime } from '../../components/time';
import { AreaName } from '../../components/AreaName';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { ActionPanel } from './ActionPanel';
import { CitizenCard } from './CitizenCard';
import { AppealTimeline } from './Timeline';
import { SupervisionCard } from './SupervisionCard';
import { RecordsCards } from './RecordsCard';
import { AttachmentsCard } from './AttachmentsCard';

const M = defineMessages({
  zh: {
    actions: '办理操作', deadlines: '办理时限', content: '诉求内容', number: '工单编号', queryCode: '查询码', track: '业务类型', channel: '渠道',
    kind: '诉求类型', urgency: '紧急程度', category: '诉求分类', area: '区域', location: '地点', owner: '受理单位', lead: '主办单位', co: '协办单位',
    createdAt: '登记时间', updatedAt: '更新时间', closedAt: '办结时间', counts: '重办/退单/催办', unitsPassed: '流转单位数', publish: '同意公开',
    merged: '本诉求已并入主单', openMaster: '查看主单', related: '关联诉求', external: '上级转办', externalDue: '上级限办', problem: '疑难工单',
    'problem.redo': '重办次数过多', 'problem.units_passed': '多次流转无主办', escalated: '已提级', bulletin: '已通报', confidential: '保密', yes: '是', no: '否',
  },
  en: {
    actions: 'Actions', deadlines: 'Deadlines', content: 'Content', number: 'Number', queryCode: 'Query code', track: 'Track', channel: 'Channel',
    kind: 'Kind', urgency: 'Urgency', category: 'Category', area: 'Area', location: 'Location', owner: 'Receiving unit', lead: 'Lead unit', co: 'Co-units',
    createdAt: 'Registered', updatedAt: 'Updated', closedAt: 'Closed', counts: 'Redo / return / urge', unitsPassed: 'Units passed', publish: 'Consent to publish',
    merged: 'This appeal was merged into a master', openMaster: 'Open master', related: 'Related appeal', external: 'Upper-level transfer', externalDue: 'Upper-level due',
    problem: 'Problem appeal', 'problem.redo': 'redone too often', 'problem.units_passed': 'passed through many units without a lead', escalated: 'Escalated',
    bulletin: 'On bulletin', confidential: 'Confidential', yes: 'Yes', no: 'No',
  },
});

/** 诉求详情: everything about one appeal, and the actions this user may take on it now. */
export default function AppealDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const [appeal, setAppeal] = useState<AppealDetail | null>(null);
  const [events, setEvents] = useState<AppealEvent[]>([]);
  const [supervision, setSupervision] = useState<Supervision>({ supervisions: [], jointMeetings: [] });
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  /** The timeline, supervision records and actors' names, after the appeal itself (they change with every action). */
  const loadSides = useCallback(async () => {
    const [ev, sup] = await Promise.all([
      api.get<{ items: AppealEvent[] }>(`/api/appeals/${id}/events`),
      api.get<Supervision>(`/api/appeals/${id}/supervision`),
    ]);
    setEvents(ev.items);
    setSupervision(sup);
    const ids = [...new Set(ev.items.map((e) => e.actorUserId).filter((u): u is string => !!u))].slice(0, 100);
    if (ids.length) {
      const r = await api.get<{ items: { id: string; displayName: string }[] }>('/api/staff/names', { ids });
      setNames(new Map(r.items.map((u) => [u.id, u.displayName])));
    }
  }, [id]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setAppeal(await api.get<AppealDetail>(`/api/appeals/${id}`));
      setError(null);
      await loadSides();
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [id, loadSides]);

  useEffect(() => { void load(); }, [load]);

  const changed = useCallback((a: AppealDetail) => {
    setAppeal(a);
    loadSides().catch(setError);
  }, [loadSides]);

  if (!appeal) {
    return (
      <>
        <PageTitle title={t('nav.appeal')} />
        {error ? <ErrorAlert error={error} onRetry={() => void load()} /> : <Skeleton active />}
      </>
    );
  }
  const a = appeal;
  const yn = (b: boolean) => (b ? m('yes') : m('no'));
  return (
    <>
      <PageTitle
        title={a.title}
        sub={<Space size={6} wrap><Typography.Text copyable className="ms-mono">{a.number}</Typography.Text><StatusTag status={a.status} /><Tag>{label('track', a.track)}</Tag>
          {a.urgency !== 'normal' ? <Tag color="red">{label('urgency', a.urgency)}</Tag> : null}
          {a.confidential ? <Tag color="red">{m('confidential')}</Tag> : null}
          {a.escalated ? <Tag color="volcano">{m('escalated')}</Tag> : null}
          {a.bulletin ? <Tag color="magenta">{m('bulletin')}</Tag> : null}</Space>}
        extra={<>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>{t('common.back')}</Button>
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>{t('common.refresh')}</Button>
        </>} />
      {error ? <div style={{ marginBottom: 12 }}><ErrorAlert error={error} onRetry={() => void load()} /></div> : null}
      {a.masterId ? (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon message={m('merged')} action={<Link to={`/appeals/${a.masterId}`}><Button size="small">{m('openMaster')}</Button></Link>} />
      ) : null}
      {a.problem.length ? (
        <Alert style={{ marginBottom: 12 }} type="warning" showIcon message={`${m('problem')}：${a.problem.map((p) => (`problem.${p}` in M.zh ? m(`problem.${p}` as keyof typeof M.zh) : p)).join('、')}`} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Flex vertical gap={16}>
            <Card size="small">
              <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} labelStyle={{ whiteSpace: 'nowrap' }}>
                <Descriptions.Item label={m('queryCode')}><span className="ms-mono">{a.queryCode}</span></Descriptions.Item>
                <Descriptions.Item label={m('channel')}>{label('channel', a.channel)}</Descriptions.Item>
                <Descriptions.Item label={m('kind')}>{label('kind', a.kind)}</Descriptions.Item>
                <Descriptions.Item label={m('category')} span={2}>{ref.categoryPath(a.categoryId)}</Descriptions.Item>
                <Descriptions.Item label={m('area')}><AreaName code={a.areaCode} /></Descriptions.Item>
                <Descriptions.Item label={m('owner')}>{ref.unitName(a.ownerUnitId)}</Descriptions.Item>
                <Descriptions.Item label={m('lead')}>{ref.unitName(a.leadUnitId)}</Descriptions.Item>
                <Descriptions.Item label={m('co')}>{a.coUnitIds.length ? a.coUnitIds.map(ref.unitName).join('、') : '—'}</Descriptions.Item>
                <Descriptions.Item label={m('createdAt')}>{formatTime(a.createdAt)}</Descriptions.Item>
                <Descriptions.Item label={m('updatedAt')}>{formatTime(a.updatedAt)}</Descriptions.Item>
                <Descriptions.Item label={m('closedAt')}>{formatTime(a.closedAt)}</Descriptions.Item>
                <Descriptions.Item label={m('counts')}>{a.redoCount} / {a.returnCount} / {a.urgeCount}</Descriptions.Item>
                <Descriptions.Item label={m('unitsPassed')}>{a.unitsPassed}</Descriptions.Item>
                <Descriptions.Item label={m('publish')}>{yn(a.consentPublish)}</Descriptions.Item>
                {a.location ? <Descriptions.Item label={m('location')} span={3}><span className="ms-wrap">{a.location}</span></Descriptions.Item> : null}
                {a.external ? <Descriptions.Item label={m('external')}>{a.external.source ?? ''} {a.external.id}</Descriptions.Item> : null}
                {a.external?.dueAt ? <Descriptions.Item label={m('externalDue')}>{formatTime(a.external.dueAt)}</Descriptions.Item> : null}
                {a.relatedAppealId ? <Descriptions.Item label={m('related')}><Link to={`/appeals/${a.relatedAppealId}`}>{m('related')}</Link></Descriptions.Item> : null}
              </Descriptions>
            </Card>
            <Card size="small" title={m('content')}>
              <Typography.Paragraph className="ms-wrap" style={{ marginBottom: 0 }}>{a.content}</Typography.Paragraph>
            </Card>
            <AttachmentsCard key={a.id} appealId={a.id} />
            <RecordsCards appeal={a} />
            <AppealTimeline events={events} names={names} />
          </Flex>
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={m('actions')}>
              <ActionPanel appeal={a} onChanged={changed} vertical />
            </Card>
            <Card size="small" title={m('deadlines')}><DeadlineLights deadlines={a.deadlines} all /></Card>
            <CitizenCard key={a.id} appeal={a} />
            <SupervisionCard data={supervision} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
