import { useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Radio, Row, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { defineMessages, useI18n, useMessages } from '../../i18n';

interface CalendarData { overrides: { date: string; kind: 'holiday' | 'workday'; name: string }[]; specialDays: { date: string; reason: string; name?: string | null; working?: boolean }[] }

const M = defineMessages({
  zh: {
    overrides: '本辖区调整', official: '{year} 年法定节假日与调休', date: '日期', kind: '类型', holiday: '休息日', workday: '工作日', name: '名称', add: '添加调整',
    remove: '删除', removeConfirm: '删除此调整？', required: '请选择日期', year: '年份', hint: '在国家节假日之外，本辖区另行放假或补班的日期。已在计时的诉求截止时间不变。',
  },
  en: {
    overrides: 'Local overrides', official: 'Official holidays and make-up days, {year}', date: 'Date', kind: 'Kind', holiday: 'Day off', workday: 'Working day', name: 'Name', add: 'Add override',
    remove: 'Delete', removeConfirm: 'Delete this override?', required: 'Choose a date', year: 'Year', hint: 'Days off or working days of this jurisdiction on top of the national calendar. Running clocks keep their due times.',
  },
});

/** 工作日历: the official calendar of a year and local overrides (GET /api/calendar, PUT/DELETE /api/admin/calendar/:date). */
export default function CalendarAdmin() {
  const { t } = useI18n();
  const m = useMessages(M);
  const notify = useNotify();
  const [year, setYear] = useState(new Date().getFullYear());
  const cal = useApi((signal) => api.get<CalendarData>('/api/calendar', { year }, signal), [year]);
  const [form] = Form.useForm<{ date: Dayjs; kind: 'holiday' | 'workday'; name?: string }>();
  const [busy, setBusy] = useState(false);

  async function add(v: { date: Dayjs; kind: 'holiday' | 'workday'; name?: string }) {
    setBusy(true);
    try {
      await api.put(`/api/admin/calendar/${v.date.format('YYYY-MM-DD')}`, { kind: v.kind, ...(v.name?.trim() ? { name: v.name.trim() } : {}) });
      notify.success(t('common.saved'));
      form.resetFields();
      cal.reload();
    } catch (e) { notify.error(e); } finally { setBusy(false); }
  }
  async function remove(date: string) {
    try { await api.del(`/api/admin/calendar/${date}`); notify.success(t('common.done')); cal.reload(); } catch (e) { notify.error(e); }
  }
  const kindTag = (k: string, working?: boolean) => (k === 'workday' || working ? <Tag color="blue">{m('workday')}</Tag> : <Tag color="red">{m('holiday')}</Tag>);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card size="small" title={m('overrides')}>
          {cal.error ? <ErrorAlert error={cal.error} onRetry={cal.reload} /> : null}
          <Form form={form} layout="inline" onFinish={(v) => void add(v)} initialValues={{ kind: 'holiday' }} style={{ marginBottom: 12, rowGap: 8 }}>
            <Form.Item name="date" rules={[{ required: true, message: m('required') }]}><DatePicker /></Form.Item>
            <Form.Item name="kind"><Radio.Group optionType="button" options={[{ value: 'holiday', label: m('holiday') }, { value: 'workday', label: m('workday') }]} /></Form.Item>
            <Form.Item name="name"><Input placeholder={m('name')} maxLength={50} style={{ width: 140 }} /></Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{m('add')}</Button>
          </Form>
          <Table rowKey="date" size="small" dataSource={cal.data?.overrides ?? []} loading={cal.loading} pagination={false} locale={{ emptyText: m('hint') }}
            columns={[
              { title: m('date'), dataIndex: 'date', width: 120 },
              { title: m('kind'), dataIndex: 'kind', width: 100, render: (k: string) => kindTag(k) },
              { title: m('name'), dataIndex: 'name' },
              { title: t('common.actions'), key: 'ops', width: 80, render: (_: unknown, o) => (
                <Popconfirm title={m('removeConfirm')} onConfirm={() => void remove(o.date)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button size="small" type="link" danger>{m('remove')}</Button>
                </Popconfirm>) },
            ]} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={m('official', { year })} extra={
          <Flex gap={8} align="center">{m('year')}<Select size="small" value={year} onChange={setYear} options={[-1, 0, 1].map((d) => ({ value: new Date().getFullYear() + d, label: String(new Date().getFullYear() + d) }))} /></Flex>}>
          <Table rowKey="date" size="small" dataSource={cal.data?.specialDays ?? []} loading={cal.loading} pagination={{ pageSize: 12, size: 'small', showSizeChanger: false }}
            columns={[
              { title: m('date'), dataIndex: 'date', width: 120 },
              { title: m('kind'), key: 'kind', width: 100, render: (_: unknown, d) => kindTag(d.reason, d.working) },
              { title: m('name'), key: 'name', render: (_: unknown, d) => d.name ?? d.reason },
            ]} />
        </Card>
      </Col>
    </Row>
  );
}
