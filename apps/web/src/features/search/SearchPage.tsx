import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, DatePicker, Dropdown, Flex, Form, Input, Modal, Row, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, DownloadOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { APPEAL_KINDS, APPEAL_STATUSES, CHANNELS, TRACKS } from '@minsheng/contracts';
import type { AppealStatus } from '@minsheng/contracts';
import { api } from '../../api/client';
import type { AppealSummary, Page } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useReference } from '../../api/reference';
import { useAuth } from '../../auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { StatusTag } from '../../components/StatusTag';
import { DeadlineLights } from '../../components/DeadlineLights';
import { UnitSelect } from '../../components/UnitSelect';
import { AreaSelect } from '../../components/AreaSelect';
import { useNotify } from '../../components/notify';
import { formatTime } from '../../components/time';
import { defineMessages, useI18n, useMessages } from '../../i18n';
import { CategorySelect } from './CategorySelect';
import { filtersFromParams, filtersToParams, filtersToQuery, savedViews } from './filters';
import type { SavedView, SearchFilters } from './filters';

const M = defineMessages({
  zh: {
    title: '诉求查询', text: '编号/标题/内容关键词', status: '状态', track: '业务类型', kind: '诉求类型', channel: '渠道', unit: '承办单位（当前）',
    category: '诉求分类', area: '区域', overdue: '超期', overdueYes: '仅超期', overdueNo: '未超期', created: '登记时间',
    export: '导出 XLSX', exported: '已导出 {name}', views: '常用查询', saveView: '保存当前查询', viewName: '查询名称', noViews: '暂无保存的查询',
    viewSaved: '已保存查询"{name}"', number: '工单编号', appealTitle: '标题', lead: '主办单位', deadlines: '办理时限', createdAt: '登记时间',
    exportHint: '导出当前筛选的全部结果（最多 50000 条，个人信息脱敏）', empty: '没有符合条件的诉求',
  },
  en: {
    title: 'Search appeals', text: 'Number / words in title or content', status: 'Status', track: 'Track', kind: 'Kind', channel: 'Channel', unit: 'Unit (current)',
    category: 'Category', area: 'Area', overdue: 'Overdue', overdueYes: 'Overdue only', overdueNo: 'Not overdue', created: 'Registered',
    export: 'Export XLSX', exported: 'Exported {name}', views: 'Saved views', saveView: 'Save this view', viewName: 'View name', noViews: 'No saved views',
    viewSaved: 'Saved view "{name}"', number: 'Number', appealTitle: 'Title', lead: 'Lead unit', deadlines: 'Deadlines', createdAt: 'Registered',
    exportHint: 'Export every result of these filters (at most 50,000 rows, personal data masked)', empty: 'No appeal matches',
  },
});

interface FormValues extends Omit<SearchFilters, 'createdFrom' | 'createdTo'> { created?: [Dayjs | null, Dayjs | null] }

/** 查询: filters in the URL, server-paginated keyset table, saved views, XLSX export of the current filters. */
export default function SearchPage() {
  const { t, label } = useI18n();
  const m = useMessages(M);
  const ref = useReference();
  const { user } = useAuth();
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const filterKey = filtersToParams(filters).toString();
  const [form] = Form.useForm<FormValues>();
  const [limit, setLimit] = useState(20);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [exporting, setExporting] = useState(false);
  const [views, setViews] = useState<SavedView[]>(() => (user ? savedViews.list(user.id) : []));
  const [naming, setNaming] = useState(false);
  const [viewName, setViewName] = useState('');

  useEffect(() => {
    setCursors([null]);
    form.setFieldsValue({
      text: filters.text, status: filters.status, track: filters.track, kind: filters.kind, channel: filters.channel, unitId: filters.unitId,
      categoryId: filters.categoryId, areaCode: filters.areaCode, overdue: filters.overdue,
      created: filters.createdFrom || filters.createdTo ? [filters.createdFrom ? dayjs(filters.createdFrom) : null, filters.createdTo ? dayjs(filters.createdTo).subtract(1, 'day') : null] : undefined,
    });
  }, [filterKey, form]); // filterKey stands for filters

  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useApi((signal) => api.get<Page<AppealSummary>>('/api/appeals', { ...filtersToQuery(filters), cursor, limit }, signal), [filterKey, cursor, limit]);

  function apply(values: FormValues) {
    const [from, to] = values.created ?? [];
    const next: SearchFilters = {
      text: values.text?.trim() || undefined, status: values.status?.length ? values.status : undefined, track: values.track, kind: values.kind,
      channel: values.channel, unitId: values.unitId, categoryId: values.categoryId, areaCode: values.areaCode, overdue: values.overdue,
      createdFrom: from ? from.startOf('day').toISOString() : undefined, createdTo: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    };
    setParams(filtersToParams(next));
  }

  async function exportXlsx() {
    setExporting(true);
    try {
      const name = await api.download('/api/reports/appeals.xlsx', filtersToQuery(filters), 'appeals.xlsx');
      notify.success(m('exported', { name }));
    } catch (e) {
      notify.error(e);
    } finally {
      setExporting(false);
    }
  }

  function saveView() {
    const name = viewName.trim();
    if (!user || !name) return;
    setViews(savedViews.save(user.id, { name, query: filterKey }));
    setNaming(false);
    notify.success(m('viewSaved', { name }));
  }

  const columns: TableColumnsType<AppealSummary> = [
    { title: m('number'), dataIndex: 'number', width: 160, render: (n: string, a) => <Link to={`/appeals/${a.id}`} style={{ whiteSpace: 'nowrap' }}>{n}</Link> },
    { title: m('appealTitle'), dataIndex: 'title', ellipsis: { showTitle: false }, render: (title: string, a) => <Tooltip title={title} placement="topLeft"><Link to={`/appeals/${a.id}`}>{title}</Link></Tooltip> },
    { title: m('status'), dataIndex: 'status', width: 104, render: (s: AppealStatus) => <StatusTag status={s} /> },
    { title: m('kind'), dataIndex: 'kind', width: 84, ellipsis: true, render: (k: string) => label('kind', k) },
    { title: m('channel'), dataIndex: 'channel', width: 100, ellipsis: true, render: (c: string) => label('channel', c) },
    { title: m('lead'), dataIndex: 'leadUnitId', width: 140, ellipsis: true, render: (u: string | null, a) => ref.unitName(u ?? a.ownerUnitId) },
    { title: m('deadlines'), dataIndex: 'deadlines', width: 190, render: (_: unknown, a) => <DeadlineLights deadlines={a.deadlines} compact /> },
    { title: m('createdAt'), dataIndex: 'createdAt', width: 136, render: formatTime },
  ];

  const viewItems = [
    ...views.map((v) => ({
      key: v.name,
      label: (
        <Flex justify="space-between" gap={16} style={{ minWidth: 200 }}>
          <span onClick={() => setParams(new URLSearchParams(v.query))}>{v.name}</span>
          <DeleteOutlined onClick={(e) => { e.stopPropagation(); if (user) setViews(savedViews.remove(user.id, v.name)); }} />
        </Flex>
      ),
    })),
    ...(views.length ? [] : [{ key: '_none', label: m('noViews'), disabled: true }]),
    { type: 'divider' as const },
    { key: '_save', icon: <SaveOutlined />, label: m('saveView'), onClick: () => { setViewName(''); setNaming(true); } },
  ];

  return (
    <>
      <PageTitle title={m('title')} extra={<>
        <Dropdown menu={{ items: viewItems }} trigger={['click']}><Button icon={<StarOutlined />}>{m('views')}</Button></Dropdown>
        <Tooltip title={m('exportHint')}><Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>{m('export')}</Button></Tooltip>
      </>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} onFinish={apply} layout="vertical" size="middle">
          <Row gutter={12}>
            <Col xs={24} md={12} xl={6}><Form.Item name="text" label={m('text')}><Input allowClear maxLength={100} /></Form.Item></Col>
            <Col xs={24} md={12} xl={6}><Form.Item name="status" label={m('status')}>
              <Select mode="multiple" allowClear maxTagCount="responsive" options={APPEAL_STATUSES.map((s) => ({ value: s, label: label('status', s) }))} />
            </Form.Item></Col>
            <Col xs={12} md={6} xl={3}><Form.Item name="track" label={m('track')}><Select allowClear options={TRACKS.map((v) => ({ value: v, label: label('track', v) }))} /></Form.Item></Col>
            <Col xs={12} md={6} xl={3}><Form.Item name="kind" label={m('kind')}><Select allowClear options={APPEAL_KINDS.map((v) => ({ value: v, label: label('kind', v) }))} /></Form.Item></Col>
            <Col xs={12} md={6} xl={3}><Form.Item name="channel" label={m('channel')}><Select allowClear showSearch optionFilterProp="label" popupMatchSelectWidth={false} options={CHANNELS.map((v) => ({ value: v, label: label('channel', v) }))} /></Form.Item></Col>
            <Col xs={12} md={6} xl={3}><Form.Item name="overdue" label={m('overdue')}><Select allowClear options={[{ value: 'true', label: m('overdueYes') }, { value: 'false', label: m('overdueNo') }]} /></Form.Item></Col>
            <Col xs={24} md={12} xl={6}><Form.Item name="unitId" label={m('unit')}><UnitSelect /></Form.Item></Col>
            <Col xs={24} md={12} xl={6}><Form.Item name="categoryId" label={m('category')}><CategorySelect /></Form.Item></Col>
            <Col xs={24} md={12} xl={6}><Form.Item name="areaCode" label={m('area')}><AreaSelect /></Form.Item></Col>
            <Col xs={24} md={12} xl={6}><Form.Item name="created" label={m('created')}><DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => setParams(new URLSearchParams())}>{t('common.reset')}</Button>
            <Button type="primary" htmlType="submit">{t('common.search')}</Button>
          </Flex>
        </Form>
      </Card>
      {page.error ? <div style={{ marginBottom: 12 }}><ErrorAlert error={page.error} onRetry={page.reload} /></div> : null}
      <Card size="small">
        <Table<AppealSummary> rowKey="id" size="small" columns={columns} dataSource={page.data?.items ?? []} loading={page.loading}
          pagination={false} scroll={{ x: 1000 }} locale={{ emptyText: m('empty') }} />
        <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('common.page', { n: cursors.length })}</Typography.Text>
          <Button disabled={cursors.length <= 1 || page.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('common.prev')}</Button>
          <Button disabled={!page.data?.nextCursor || page.loading} onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? null])}>{t('common.next')}</Button>
          <Select value={limit} style={{ width: 120 }} onChange={(v) => { setLimit(v); setCursors([null]); }}
            options={[20, 50, 100].map((n) => ({ value: n, label: t('common.perPage', { n }) }))} />
        </Flex>
      </Card>
      <Modal open={naming} title={m('saveView')} onCancel={() => setNaming(false)} onOk={saveView} okButtonProps={{ disabled: !viewName.trim() }}
        okText={t('common.save')} cancelText={t('common.cancel')}>
        <Input autoFocus value={viewName} maxLength={40} placeholder={m('viewName')} onChange={(e) => setViewName(e.target.value)} onPressEnter={saveView} />
      </Modal>
    </>
  );
}
